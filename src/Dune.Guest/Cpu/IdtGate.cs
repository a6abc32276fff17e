namespace Dune.Cpu
{
    /// <summary>A 16-byte long-mode IDT gate.</summary>
    public static class IdtGate
    {
        /// <summary>The gate types: an interrupt gate clears IF on entry, a trap gate leaves it.</summary>
        public const int InterruptGate = 0xE, TrapGate = 0xF;

        /// <summary>Low quadword: offset 15..0, selector, IST index, type, DPL, present, offset 31..16.</summary>
        public static ulong Low(ulong handler, ushort selector, int ist, int type, int dpl) =>
            (handler & 0xFFFF)
            | ((ulong)selector << 16)
            | ((ulong)(ist & 7) << 32)
            | ((ulong)(type & 0xF) << 40)
            | ((ulong)(dpl & 3) << 45)
            | (1UL << 47)
            | (((handler >> 16) & 0xFFFF) << 48);

        /// <summary>High quadword: offset 63..32.</summary>
        public static ulong High(ulong handler) => handler >> 32;
    }
}
