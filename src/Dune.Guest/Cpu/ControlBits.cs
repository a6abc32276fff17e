namespace Dune.Cpu
{
    /// <summary>CR0 bits.</summary>
    public static class Cr0
    {
        /// <summary>Protected mode (PE), monitor coprocessor (MP), x87 emulation (EM), task switched (TS), extension type (ET), native FPU errors (NE), write protect (WP), alignment mask (AM), paging (PG).</summary>
        public const ulong PE = 1UL << 0, MP = 1UL << 1, EM = 1UL << 2, TS = 1UL << 3, ET = 1UL << 4,
            NE = 1UL << 5, WP = 1UL << 16, AM = 1UL << 18, PG = 1UL << 31;
    }

    /// <summary>CR4 bits.</summary>
    public static class Cr4
    {
        /// <summary>PAE paging (PAE), global pages (PGE), FXSAVE/SSE (OSFXSR), SIMD exceptions (OSXMMEXCPT), the RD/WRFSBASE and RD/WRGSBASE instructions (FSGSBASE), PCIDs (PCIDE), XSAVE (OSXSAVE), SMEP and SMAP.</summary>
        public const ulong PAE = 1UL << 5, PGE = 1UL << 7, OSFXSR = 1UL << 9, OSXMMEXCPT = 1UL << 10,
            FSGSBASE = 1UL << 16, PCIDE = 1UL << 17, OSXSAVE = 1UL << 18, SMEP = 1UL << 20, SMAP = 1UL << 21;
    }

    /// <summary>Bits of the EFER MSR.</summary>
    public static class Efer
    {
        /// <summary>SYSCALL enable (SCE), long mode enable (LME), long mode active (LMA), no-execute enable (NXE).</summary>
        public const ulong SCE = 1UL << 0, LME = 1UL << 8, LMA = 1UL << 10, NXE = 1UL << 11;
    }

    /// <summary>XCR0 state components.</summary>
    public static class Xcr0
    {
        /// <summary>The x87, SSE and AVX state components.</summary>
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
        /// <summary>IA32_EFER, STAR, LSTAR, FMASK (SYSCALL setup), FS_BASE, GS_BASE, KERNEL_GS_BASE (SWAPGS), IA32_PAT and IA32_TIME_STAMP_COUNTER.</summary>
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
        /// <summary>Leaf 0x80000001, ECX: AMD-V (dune.ko's choice of vendor, kmod/dune_main.c).</summary>
        public const uint ExtLeaf1EcxSvm = 1u << 2;
    }
}
