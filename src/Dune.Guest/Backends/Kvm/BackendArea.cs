namespace Dune.Backends.Kvm
{
    /// <summary>
    /// The memory the backend maps for itself, in one mapping made before the address space is mirrored (so
    /// the guest sees it too). The page-table pool comes first, 2 MiB-aligned, and is covered before anything
    /// else: it then sits in one guest-physical window, contiguous as <see cref="Memory.PageTables"/> requires.
    /// Pages are only committed when touched (MAP_NORESERVE), so the generous sizes cost nothing.
    /// </summary>
    internal static class BackendArea
    {
        public const ulong PoolSize = 32UL << 20;           // 8192 tables: maps 16 GiB in 4 KiB pages
        public const ulong HostStackSize = 256UL << 10;
        public const ulong TrapStackSize = Traps.SystemTables.TrapStackSize;
        public const ulong TablesPageSize = Traps.SystemTables.Size;   // GDT, TSS and a 256-gate IDT
        public const int WindowCapacity = 4096;
        public const ulong WindowsSize = 128UL << 10;       // WindowCapacity * sizeof(GpaWindow), rounded up
        public const ulong MapsBufferSize = 1UL << 20;
        public const ulong ScratchSize = 64UL << 10;        // CPUID list, register blocks

        public const ulong PoolOffset = 0;
        public const ulong HostStackOffset = PoolOffset + PoolSize;
        public const ulong TrapStackOffset = HostStackOffset + HostStackSize;
        public const ulong TablesPageOffset = TrapStackOffset + TrapStackSize;
        public const ulong WindowsOffset = TablesPageOffset + TablesPageSize;
        public const ulong MapsBufferOffset = WindowsOffset + WindowsSize;
        public const ulong ScratchOffset = MapsBufferOffset + MapsBufferSize;
        public const ulong Size = ScratchOffset + ScratchSize;

        /// <summary>Extra bytes mapped so the start can be rounded up to 2 MiB.</summary>
        public const ulong Alignment = 2UL << 20;
    }
}
