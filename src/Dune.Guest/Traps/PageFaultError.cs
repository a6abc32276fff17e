namespace Dune.Traps
{
    /// <summary>The bits of a #PF error code (<see cref="TrapFrame.ErrorCode"/>).</summary>
    public static class PageFaultError
    {
        /// <summary>Set: a protection violation on a present page; clear: the page was not present.</summary>
        public const ulong Present = 1 << 0;
        /// <summary>The access was a write (W/R bit); clear: a read.</summary>
        public const ulong Write = 1 << 1;
        /// <summary>The access came from ring 3.</summary>
        public const ulong User = 1 << 2;
        /// <summary>A reserved bit was set in a paging-structure entry (RSVD).</summary>
        public const ulong ReservedBit = 1 << 3;
        /// <summary>The access was an instruction fetch (I/D bit).</summary>
        public const ulong InstructionFetch = 1 << 4;
        /// <summary>The access violated protection-key rights (PK bit).</summary>
        public const ulong ProtectionKey = 1 << 5;
    }
}
