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
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
        /// <summary>Reachable from ring 3 (U/S); without it only ring 0 may touch the page.</summary>
        User = 8,

        ReadWrite = Read | Write,
        ReadExecute = Read | Execute,
    }

    /// <summary>
    /// Memory types, selected through the PAT index bits (PWT, PCD, PAT) of a leaf entry. The values are the
    /// PAT indexes of the power-on PAT (0x0007040600070406), which KVM gives every vCPU: 0 = WB, 1 = WT,
    /// 2 = UC-, 3 = UC; the PAT bit itself stays clear.
    /// </summary>
    public enum CacheMode
    {
        WriteBack = 0,
        WriteThrough = 1,
        /// <summary>UC-: uncached, but an MTRR write-combining range still combines.</summary>
        UncachedMinus = 2,
        Uncached = 3,
    }

    /// <summary>The three leaf sizes of 4-level paging, valued by the level that holds their entries.</summary>
    public enum PageSize
    {
        Size4K = 1,
        Size2M = 2,
        Size1G = 3,
    }
}
