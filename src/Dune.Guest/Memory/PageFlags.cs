namespace Dune.Memory
{
    /// <summary>
    /// Composes and decodes leaf entries of every page size: permission bits, the PAT index (whose high bit
    /// sits at bit 7 in 4 KiB entries but at bit 12 in 2 MiB / 1 GiB entries, where bit 7 means "large"),
    /// the frame address, and the software bit used for copy-on-write.
    /// </summary>
    public static class PageFlags
    {
        /// <summary>PAT bit of a 4 KiB entry (bit 7: the same position as <see cref="Pte.LargePage"/> higher up).</summary>
        public const ulong Pat4K = 1UL << 7;
        /// <summary>PAT bit of a 2 MiB or 1 GiB entry.</summary>
        public const ulong PatLarge = 1UL << 12;
        /// <summary>Software-available bit 9: "shared copy-on-write page, writable after a copy".</summary>
        public const ulong CopyOnWrite = 1UL << 9;

        /// <summary>Every bit <see cref="WithPermissions"/> rewrites.</summary>
        public const ulong PermissionMask = Pte.Present | Pte.Writable | Pte.User | Pte.NoExecute;

        /// <summary>The number of bytes a page of <paramref name="size"/> covers.</summary>
        public static ulong Bytes(PageSize size) => 1UL << (Pte.PageShift + 9 * ((int)size - 1));

        /// <summary>Frame bits of an entry of this size: below the frame there are flags (and the large PAT bit).</summary>
        public static ulong FrameMask(PageSize size) => Pte.AddressMask & ~(Bytes(size) - 1);

        /// <summary>The frame address of <paramref name="entry"/>, a leaf of <paramref name="size"/>.</summary>
        public static ulong Frame(ulong entry, PageSize size) => entry & FrameMask(size);

        /// <summary>A leaf entry mapping <paramref name="physical"/> (aligned to the page size).</summary>
        public static ulong Leaf(ulong physical, Permissions permissions, CacheMode cache, PageSize size) =>
            (physical & FrameMask(size)) | PermissionBits(permissions) | CacheBits((int)cache, size)
            | (size == PageSize.Size4K ? 0 : Pte.LargePage);

        /// <summary>Present, R/W, U/S and NX for <paramref name="permissions"/> (NX needs EFER.NXE).</summary>
        public static ulong PermissionBits(Permissions permissions)
        {
            if ((permissions & Permissions.Read) == 0) return 0;
            ulong bits = Pte.Present;
            if ((permissions & Permissions.Write) != 0) bits |= Pte.Writable;
            if ((permissions & Permissions.User) != 0) bits |= Pte.User;
            if ((permissions & Permissions.Execute) == 0) bits |= Pte.NoExecute;
            return bits;
        }

        /// <summary>What a leaf entry allows; <see cref="Permissions.None"/> when it is not present.</summary>
        public static Permissions PermissionsOf(ulong entry)
        {
            if (!Pte.IsPresent(entry)) return Permissions.None;
            Permissions p = Permissions.Read;
            if ((entry & Pte.Writable) != 0) p |= Permissions.Write;
            if ((entry & Pte.User) != 0) p |= Permissions.User;
            if ((entry & Pte.NoExecute) == 0) p |= Permissions.Execute;
            return p;
        }

        /// <summary>The entry with new permissions; frame, memory type, A/D and software bits are kept.</summary>
        public static ulong WithPermissions(ulong entry, Permissions permissions) =>
            (entry & ~PermissionMask) | PermissionBits(permissions);

        /// <summary>PWT, PCD and PAT bits selecting PAT entry <paramref name="patIndex"/> (0-7).</summary>
        public static ulong CacheBits(int patIndex, PageSize size) =>
            ((patIndex & 1) != 0 ? Pte.WriteThrough : 0) | ((patIndex & 2) != 0 ? Pte.CacheDisable : 0)
            | ((patIndex & 4) != 0 ? (size == PageSize.Size4K ? Pat4K : PatLarge) : 0);

        /// <summary>The PAT index (0-7) a leaf entry of this size selects.</summary>
        public static int PatIndexOf(ulong entry, PageSize size) =>
            ((entry & Pte.WriteThrough) != 0 ? 1 : 0) | ((entry & Pte.CacheDisable) != 0 ? 2 : 0)
            | ((entry & (size == PageSize.Size4K ? Pat4K : PatLarge)) != 0 ? 4 : 0);

        /// <summary>
        /// Re-encodes a leaf for a smaller page size at <paramref name="physical"/>: the PAT bit moves when a
        /// large page becomes 4 KiB pages, and the large-page bit goes.
        /// </summary>
        public static ulong Resize(ulong entry, PageSize from, PageSize to, ulong physical)
        {
            int pat = PatIndexOf(entry, from);
            ulong flags = entry & ~Pte.AddressMask & ~(Pte.LargePage | Pat4K | Pte.WriteThrough | Pte.CacheDisable);
            return (physical & FrameMask(to)) | flags | CacheBits(pat, to) | (to == PageSize.Size4K ? 0 : Pte.LargePage);
        }
    }
}
