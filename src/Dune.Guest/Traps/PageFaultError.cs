namespace Dune.Traps
{
    /// <summary>The bits of a #PF error code (<see cref="TrapFrame.ErrorCode"/>).</summary>
    public static class PageFaultError
    {
        /// <summary>Set: a protection violation on a present page; clear: the page was not present.</summary>
        public const ulong Present = 1 << 0;
        public const ulong Write = 1 << 1;
        /// <summary>The access came from ring 3.</summary>
        public const ulong User = 1 << 2;
        public const ulong ReservedBit = 1 << 3;
        public const ulong InstructionFetch = 1 << 4;
        public const ulong ProtectionKey = 1 << 5;
    }
}
