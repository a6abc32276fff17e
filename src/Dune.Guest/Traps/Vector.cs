namespace Dune.Traps
{
    /// <summary>An IDT vector: the architecture's exceptions, or any software vector 32..255 as <c>(Vector)n</c>.</summary>
    public enum Vector : byte
    {
        DivideError = 0, Debug = 1, Nmi = 2, Breakpoint = 3, Overflow = 4, BoundRange = 5, InvalidOpcode = 6,
        DeviceNotAvailable = 7, DoubleFault = 8, InvalidTss = 10, SegmentNotPresent = 11, StackFault = 12,
        GeneralProtection = 13, PageFault = 14, X87 = 16, AlignmentCheck = 17, MachineCheck = 18, Simd = 19,
        Virtualization = 20, ControlProtection = 21, Security = 30,
        /// <summary>The first vector that only software (<c>int n</c>) raises here: there is no interrupt controller.</summary>
        FirstSoftware = 32,
    }
}
