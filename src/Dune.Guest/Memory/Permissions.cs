namespace Dune.Memory
{
    /// <summary>
    /// What a mapping allows. x86 has no write-only or execute-only pages: any present page is readable, so
    /// <see cref="None"/> (no <see cref="Read"/>) is the only way to forbid reads; it clears Present and keeps
    /// the frame so a later protect can restore the page.
    /// </summary>
    [System.Flags]
    public enum Permissions
    {
        /// <summary>No access: the entry is not present.</summary>
        None = 0,
        /// <summary>Readable.</summary>
        Read = 1,
        /// <summary>Writable (R/W).</summary>
        Write = 2,
        /// <summary>Executable (XD clear).</summary>
        Execute = 4,
        /// <summary>Reachable from ring 3 (U/S); without it only ring 0 may touch the page.</summary>
        User = 8,

        /// <summary>Readable and writable.</summary>
        ReadWrite = Read | Write,
        /// <summary>Readable and executable.</summary>
        ReadExecute = Read | Execute,
    }

    /// <summary>
    /// Memory types, selected through the PAT index bits (PWT, PCD, PAT) of a leaf entry. The values are the
    /// PAT indexes of the power-on PAT (0x0007040600070406), which KVM gives every vCPU: 0 = WB, 1 = WT,
    /// 2 = UC-, 3 = UC; the PAT bit itself stays clear.
    /// </summary>
    public enum CacheMode
    {
        /// <summary>Write-back (WB), the normal cached type.</summary>
        WriteBack = 0,
        /// <summary>Write-through (WT).</summary>
        WriteThrough = 1,
        /// <summary>UC-: uncached, but an MTRR write-combining range still combines.</summary>
        UncachedMinus = 2,
        /// <summary>Uncached (UC), strong ordering.</summary>
        Uncached = 3,
    }

    /// <summary>The three leaf sizes of 4-level paging, valued by the level that holds their entries.</summary>
    public enum PageSize
    {
        /// <summary>A 4 KiB page, mapped by a page-table entry.</summary>
        Size4K = 1,
        /// <summary>A 2 MiB page, mapped by a page-directory entry.</summary>
        Size2M = 2,
        /// <summary>A 1 GiB page, mapped by a page-directory-pointer-table entry.</summary>
        Size1G = 3,
    }
}
