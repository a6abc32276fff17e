namespace Dune.Cpu
{
    /// <summary>Field offsets of the 104-byte long-mode task-state segment.</summary>
    public static class Tss64
    {
        public const int Size = 104;
        public const int Rsp0 = 4;
        /// <summary>Interrupt stack table entries 1..7 start here, 8 bytes each.</summary>
        public const int Ist1 = 36;
        public const int IoMapBase = 102;

        public static int IstOffset(int index) => Ist1 + 8 * (index - 1);
    }
}
