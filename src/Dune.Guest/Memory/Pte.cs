namespace Dune.Memory
{
    /// <summary>x86-64 4-level paging entries (4 KiB pages; the same format at every level).</summary>
    public static class Pte
    {
        /// <summary>Entry bits: Present (P), Writable (R/W), User (U/S), WriteThrough (PWT), CacheDisable (PCD), Accessed (A), Dirty (D), LargePage (PS), Global (G), NoExecute (XD, bit 63).</summary>
        public const ulong Present = 1UL << 0, Writable = 1UL << 1, User = 1UL << 2, WriteThrough = 1UL << 3,
            CacheDisable = 1UL << 4, Accessed = 1UL << 5, Dirty = 1UL << 6, LargePage = 1UL << 7,
            Global = 1UL << 8, NoExecute = 1UL << 63;

        /// <summary>Bits 51..12: the physical frame.</summary>
        public const ulong AddressMask = 0x000F_FFFF_FFFF_F000UL;

        /// <summary>The log2 of the 4 KiB page size.</summary>
        public const int PageShift = 12;
        /// <summary>The page size in bytes (4 KiB).</summary>
        public const ulong PageSize = 1UL << PageShift;

        /// <summary>An entry pointing at <paramref name="physical"/> with <paramref name="flags"/>.</summary>
        public static ulong Make(ulong physical, ulong flags) => (physical & AddressMask) | flags;

        /// <summary>The physical address an entry points at.</summary>
        public static ulong Address(ulong entry) => entry & AddressMask;

        /// <summary>Whether the entry's Present bit is set.</summary>
        public static bool IsPresent(ulong entry) => (entry & Present) != 0;

        /// <summary>Index into the table of <paramref name="level"/> (4 = PML4 ... 1 = page table).</summary>
        public static int Index(ulong virt, int level) => (int)((virt >> (PageShift + 9 * (level - 1))) & 511);

        /// <summary>Leaf flags for a mapping with the given protections (NX needs EFER.NXE).</summary>
        public static ulong LeafFlags(bool write, bool execute, bool user) =>
            Present | (write ? Writable : 0) | (execute ? 0 : NoExecute) | (user ? User : 0);

        /// <summary>Flags of intermediate entries: permissive, so the leaf alone decides.</summary>
        public const ulong TableFlags = Present | Writable | User;
    }
}
