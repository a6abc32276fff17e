namespace Dune.Backends.Kmod
{
    /// <summary>One dune.ko vCPU slot as the host half knows it (<see cref="Cpu.PerCpu.Backend"/> points here).</summary>
    internal unsafe struct KmodVcpu
    {
        /// <summary>Bytes at the top of the vCPU's host stack for the guest's FPU state between exits (dune_kmod_run).</summary>
        public const ulong FpuAreaSize = 2048;
        /// <summary><see cref="Tid"/> while a thread is being started on the slot or is leaving it.</summary>
        public const int Starting = -1, Exiting = -2;

        /// <summary>The vCPU's descriptor (DUNE_CREATE_VCPU, made by the slot's own thread: a dune.ko vCPU belongs to one thread).</summary>
        public int Fd;
        /// <summary>The Linux thread that drives the vCPU (the kernel stores it at clone); 0: the slot is free.</summary>
        public int Tid;
        /// <summary>Its mmapped struct dune_run: the guest's registers and the exit.</summary>
        public DuneRun* Run;
        /// <summary>Where dune_kmod_run keeps the guest's FPU registers while the host half runs (64-byte aligned).</summary>
        public byte* FpuArea;
        /// <summary>The last page fault the host resolved: the same fault again is reported instead of retried.</summary>
        public ulong LastResolvedAddress, LastResolvedRip;
        /// <summary>A starting thread's FS base (its thread pointer), and the signal mask it restores once it drives the vCPU.</summary>
        public ulong FsBase, SignalMask;

        /// <summary>Slot <paramref name="index"/>'s record in the backend area (Host/BackendArea).</summary>
        public static KmodVcpu* At(byte* area, int index) => (KmodVcpu*)(area + BackendArea.VcpusOffset) + index;
    }
}
