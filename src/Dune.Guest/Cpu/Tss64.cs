namespace Dune.Cpu
{
    /// <summary>Field offsets of the 104-byte long-mode task-state segment.</summary>
    public static class Tss64
    {
        /// <summary>The size of the TSS in bytes.</summary>
        public const int Size = 104;
        /// <summary>The offset of RSP0, the stack for entries into ring 0 without an IST.</summary>
        public const int Rsp0 = 4;
        /// <summary>Interrupt stack table entries 1..7 start here, 8 bytes each.</summary>
        public const int Ist1 = 36;
        /// <summary>The offset of the I/O permission bitmap base.</summary>
        public const int IoMapBase = 102;

        /// <summary>The offset of IST entry <paramref name="index"/> (1 to 7).</summary>
        public static int IstOffset(int index) => Ist1 + 8 * (index - 1);
    }
}
