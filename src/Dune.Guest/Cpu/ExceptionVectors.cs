namespace Dune.Cpu
{
    /// <summary>The architecture's exception vectors 0..31.</summary>
    public static class ExceptionVectors
    {
        /// <summary>#DE, #DB, NMI, #BP, #OF, #BR, #UD, #NM, #DF, #TS, #NP, #SS, #GP, #PF, #MF, #AC, #MC, #XM, #VE, #CP and #SX.</summary>
        public const int DivideError = 0, Debug = 1, Nmi = 2, Breakpoint = 3, Overflow = 4, BoundRange = 5,
            InvalidOpcode = 6, DeviceNotAvailable = 7, DoubleFault = 8, InvalidTss = 10, SegmentNotPresent = 11,
            StackFault = 12, GeneralProtection = 13, PageFault = 14, X87 = 16, AlignmentCheck = 17,
            MachineCheck = 18, Simd = 19, Virtualization = 20, ControlProtection = 21, Security = 30;

        /// <summary>The number of vectors the architecture reserves for exceptions; 32 up are software vectors.</summary>
        public const int Count = 32;

        /// <summary>Whether the CPU pushes an error code for this vector.</summary>
        public static bool HasErrorCode(int vector) =>
            vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21 || vector == 29 || vector == 30;

        /// <summary>Mnemonic and name, e.g. "#PF page fault".</summary>
        public static string Name(int vector) => vector switch
        {
            0 => "#DE divide error",
            1 => "#DB debug",
            2 => "NMI",
            3 => "#BP breakpoint",
            4 => "#OF overflow",
            5 => "#BR bound range exceeded",
            6 => "#UD invalid opcode",
            7 => "#NM device not available",
            8 => "#DF double fault",
            10 => "#TS invalid TSS",
            11 => "#NP segment not present",
            12 => "#SS stack fault",
            13 => "#GP general protection",
            14 => "#PF page fault",
            16 => "#MF x87 floating point",
            17 => "#AC alignment check",
            18 => "#MC machine check",
            19 => "#XM SIMD floating point",
            20 => "#VE virtualization",
            21 => "#CP control protection",
            30 => "#SX security",
            _ => "reserved vector",
        };
    }
}
