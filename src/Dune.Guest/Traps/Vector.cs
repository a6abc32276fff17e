namespace Dune.Traps
{
    /// <summary>An IDT vector: the architecture's exceptions, or any software vector 32..255 as <c>(Vector)n</c>.</summary>
    public enum Vector : byte
    {
        /// <summary>Divide error (#DE).</summary>
        DivideError = 0,
        /// <summary>Debug exception (#DB).</summary>
        Debug = 1,
        /// <summary>Non-maskable interrupt (NMI).</summary>
        Nmi = 2,
        /// <summary>Breakpoint, <c>int3</c> (#BP).</summary>
        Breakpoint = 3,
        /// <summary>Overflow, <c>into</c> (#OF).</summary>
        Overflow = 4,
        /// <summary>BOUND range exceeded (#BR).</summary>
        BoundRange = 5,
        /// <summary>Invalid opcode (#UD).</summary>
        InvalidOpcode = 6,
        /// <summary>Device not available, FPU use with CR0.TS set (#NM).</summary>
        DeviceNotAvailable = 7,
        /// <summary>Double fault (#DF).</summary>
        DoubleFault = 8,
        /// <summary>Invalid TSS (#TS).</summary>
        InvalidTss = 10,
        /// <summary>Segment not present (#NP).</summary>
        SegmentNotPresent = 11,
        /// <summary>Stack-segment fault (#SS).</summary>
        StackFault = 12,
        /// <summary>General protection fault (#GP).</summary>
        GeneralProtection = 13,
        /// <summary>Page fault (#PF).</summary>
        PageFault = 14,
        /// <summary>x87 floating-point error (#MF).</summary>
        X87 = 16,
        /// <summary>Alignment check (#AC).</summary>
        AlignmentCheck = 17,
        /// <summary>Machine check (#MC).</summary>
        MachineCheck = 18,
        /// <summary>SIMD floating-point exception (#XM).</summary>
        Simd = 19,
        /// <summary>Virtualization exception (#VE).</summary>
        Virtualization = 20,
        /// <summary>Control-protection exception (#CP).</summary>
        ControlProtection = 21,
        /// <summary>Security exception (#SX).</summary>
        Security = 30,
        /// <summary>The first vector that only software (<c>int n</c>) raises here: there is no interrupt controller.</summary>
        FirstSoftware = 32,
    }
}
