using Dune.Cpu;
using Dune.Traps;

namespace Dune.Backends
{
    /// <summary>
    /// The memory either backend maps for itself, in one mapping made before the address space is mirrored (so
    /// the guest sees it too). The page-table pool comes first, 2 MiB-aligned, and is covered before anything
    /// else: it then sits in one guest-physical window, contiguous as <see cref="Memory.PageTables"/> requires.
    /// Then the VM's IDT and, for each of up to <see cref="CpuCapacity"/> vCPUs, a page with its
    /// <see cref="PerCpu"/>, the backend's record of it (Kvm/KvmVcpu, Kmod/KmodVcpu), its trap stack and its host stack.
    /// Pages are only committed when touched (MAP_NORESERVE, 4 KiB pages), so the generous sizes cost nothing.
    /// </summary>
    internal static unsafe class BackendArea
    {
        public const int CpuCapacity = 16;
        public const ulong PoolSize = 32UL << 20;           // 8192 tables: maps 16 GiB in 4 KiB pages
        public const ulong IdtSize = 4UL << 10;             // Traps.SystemTables.IdtSize
        public const ulong CpuPageSize = 4UL << 10;         // one PerCpu (at most a page, unit-tested)
        public const ulong VcpusSize = 4UL << 10;           // CpuCapacity records of the backend (KvmVcpu, KmodVcpu)
        public const ulong HostStackSize = 256UL << 10;
        public const ulong TrapStackSize = Traps.SystemTables.TrapStackSize;
        public const int WindowCapacity = 4096;
        public const ulong WindowsSize = 128UL << 10;       // WindowCapacity * sizeof(GpaWindow), rounded up
        public const ulong MapsBufferSize = 1UL << 20;
        public const ulong ScratchSize = 64UL << 10;        // CPUID list, register blocks

        public const ulong PoolOffset = 0;
        public const ulong IdtOffset = PoolOffset + PoolSize;
        public const ulong CpusOffset = IdtOffset + IdtSize;
        public const ulong VcpusOffset = CpusOffset + CpuCapacity * CpuPageSize;
        public const ulong TrapStacksOffset = VcpusOffset + VcpusSize;
        public const ulong HostStacksOffset = TrapStacksOffset + CpuCapacity * TrapStackSize;
        public const ulong WindowsOffset = HostStacksOffset + CpuCapacity * HostStackSize;
        public const ulong MapsBufferOffset = WindowsOffset + WindowsSize;
        public const ulong ScratchOffset = MapsBufferOffset + MapsBufferSize;
        public const ulong Size = ScratchOffset + ScratchSize;

        /// <summary>Extra bytes mapped so the start can be rounded up to 2 MiB.</summary>
        public const ulong Alignment = 2UL << 20;

        /// <summary>
        /// Maps <see cref="Size"/> + <see cref="Alignment"/> bytes (the caller rounds the start up); null if that fails.
        /// Only a few scattered pages are ever touched, so no transparent huge pages: each first touch would
        /// commit and clear 2 MiB (half a million instructions under --icount, three times while entering).
        /// </summary>
        public static byte* Map()
        {
            const int MadvNoHugepage = 15;
            byte* raw = (byte*)HostSyscall.Mmap(Size + Alignment, Platform.Linux.ProtRead | Platform.Linux.ProtWrite,
                Platform.Linux.MapPrivate | Platform.Linux.MapAnonymous | Platform.Linux.MapNoReserve, -1);
            if (raw != null) HostSyscall.Invoke(Platform.SyscallNumber.Madvise, (long)raw, (long)(Size + Alignment), MadvNoHugepage, 0, 0, 0);
            return raw;
        }

        /// <summary>The area proper: <paramref name="raw"/> (what <see cref="Map"/> returned) rounded up to <see cref="Alignment"/>.</summary>
        public static byte* Align(byte* raw) => (byte*)(((ulong)raw + Alignment - 1) & ~(Alignment - 1));

        public static PerCpu* Cpu(byte* area, int index) => (PerCpu*)(area + CpusOffset + (ulong)index * CpuPageSize);

        /// <summary>
        /// Slot <paramref name="index"/>'s PerCpu, cleared and set up for a vCPU: <c>Self</c>, <c>Index</c>, the
        /// backend's record (<paramref name="backend"/>), the word a signal sets to stop the vCPU's run
        /// (<paramref name="exitRequest"/>), and its GDT and TSS over the slot's trap stack.
        /// </summary>
        public static PerCpu* InitializeCpu(byte* area, int index, void* backend, byte* exitRequest)
        {
            PerCpu* cpu = Cpu(area, index);
            byte* bytes = (byte*)cpu;
            for (int i = 0; i < sizeof(PerCpu); i++) bytes[i] = 0;
            cpu->Self = cpu;
            cpu->Index = index;
            cpu->Backend = backend;
            cpu->Signals.ExitRequest = exitRequest;
            SystemTables.BuildCpu(cpu, TrapStackTop(area, index));
            return cpu;
        }

        public static ulong TrapStackTop(byte* area, int index) => (ulong)(area + TrapStacksOffset + (ulong)(index + 1) * TrapStackSize);

        public static byte* HostStackTop(byte* area, int index) => area + HostStacksOffset + (ulong)(index + 1) * HostStackSize;
    }
}
