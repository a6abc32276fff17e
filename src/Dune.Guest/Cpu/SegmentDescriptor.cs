namespace Dune.Cpu
{
    /// <summary>
    /// Long-mode GDT entries. In 64-bit mode the CPU ignores base and limit of code/data segments, so only
    /// the access bits matter; the TSS descriptor is 16 bytes and carries a full 64-bit base.
    /// </summary>
    public static class SegmentDescriptor
    {
        private const ulong Accessed = 1UL << 40, Writable = 1UL << 41, Executable = 1UL << 43,
            CodeOrData = 1UL << 44, Present = 1UL << 47, LongMode = 1UL << 53, Granularity4K = 1UL << 55;
        private const ulong FlatLimit = 0xFFFFUL | (0xFUL << 48);

        /// <summary>A 64-bit code segment (L=1) for privilege level <paramref name="dpl"/>.</summary>
        public static ulong Code64(int dpl) =>
            FlatLimit | Accessed | Writable | Executable | CodeOrData | Dpl(dpl) | Present | LongMode | Granularity4K;

        /// <summary>A writable data segment (also used for SS) for privilege level <paramref name="dpl"/>.</summary>
        public static ulong Data(int dpl) =>
            FlatLimit | Accessed | Writable | CodeOrData | Dpl(dpl) | Present | (1UL << 54) | Granularity4K;

        /// <summary>Low quadword of a 64-bit TSS descriptor (type 9 = available, 0xB = busy).</summary>
        public static ulong TssLow(ulong base_, uint limit, bool busy) =>
            (limit & 0xFFFFUL)
            | ((base_ & 0xFFFFFFUL) << 16)
            | ((busy ? 0xBUL : 0x9UL) << 40)
            | Present
            | ((ulong)((limit >> 16) & 0xF) << 48)
            | (((base_ >> 24) & 0xFF) << 56);

        /// <summary>High quadword of a 64-bit TSS descriptor: bits 63..32 of the base.</summary>
        public static ulong TssHigh(ulong base_) => base_ >> 32;

        private static ulong Dpl(int dpl) => (ulong)(dpl & 3) << 45;
    }
}
