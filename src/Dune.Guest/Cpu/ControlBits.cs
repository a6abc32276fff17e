namespace Dune.Cpu
{
    /// <summary>CR0 bits.</summary>
    public static class Cr0
    {
        public const ulong PE = 1UL << 0, MP = 1UL << 1, EM = 1UL << 2, TS = 1UL << 3, ET = 1UL << 4,
            NE = 1UL << 5, WP = 1UL << 16, AM = 1UL << 18, PG = 1UL << 31;
    }

    /// <summary>CR4 bits.</summary>
    public static class Cr4
    {
        public const ulong PAE = 1UL << 5, PGE = 1UL << 7, OSFXSR = 1UL << 9, OSXMMEXCPT = 1UL << 10,
            FSGSBASE = 1UL << 16, PCIDE = 1UL << 17, OSXSAVE = 1UL << 18, SMEP = 1UL << 20, SMAP = 1UL << 21;
    }

    /// <summary>Bits of the EFER MSR.</summary>
    public static class Efer
    {
        public const ulong SCE = 1UL << 0, LME = 1UL << 8, LMA = 1UL << 10, NXE = 1UL << 11;
    }

    /// <summary>XCR0 state components.</summary>
    public static class Xcr0
    {
        public const ulong X87 = 1UL << 0, SSE = 1UL << 1, AVX = 1UL << 2;
    }

    /// <summary>RFLAGS bits.</summary>
    public static class Rflags
    {
        /// <summary>Bit 1 always reads as one.</summary>
        public const ulong Reserved1 = 1UL << 1, IF = 1UL << 9;
    }

    /// <summary>Model-specific register numbers.</summary>
    public static class Msr
    {
        public const uint Efer = 0xC0000080, Star = 0xC0000081, Lstar = 0xC0000082, Fmask = 0xC0000084,
            FsBase = 0xC0000100, GsBase = 0xC0000101, KernelGsBase = 0xC0000102, Pat = 0x277, Tsc = 0x10;
    }

    /// <summary>CPUID feature bits the backend looks at.</summary>
    public static class CpuidBits
    {
        /// <summary>Leaf 1, ECX.</summary>
        public const uint Leaf1EcxXsave = 1u << 26, Leaf1EcxOsxsave = 1u << 27, Leaf1EcxAvx = 1u << 28;
        /// <summary>Leaf 7 subleaf 0, EBX.</summary>
        public const uint Leaf7EbxFsgsbase = 1u << 0;
    }
}
