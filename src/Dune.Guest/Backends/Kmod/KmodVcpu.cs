namespace Dune.Backends.Kmod
{
    /// <summary>One dune.ko vCPU slot as the host half knows it (<see cref="Cpu.PerCpu.Backend"/> points here).</summary>
    internal unsafe struct KmodVcpu
    {
        /// <summary>Bytes at the top of the vCPU's host stack for the guest's FPU state between exits (dune_kmod_run).</summary>
        public const ulong FpuAreaSize = 2048;
        /// <summary><see cref="Use"/>: no guest thread, one being started, one running.</summary>
        public const int Free = 0, Starting = 1, Running = 2;

        /// <summary>The vCPU's descriptor (DUNE_CREATE_VCPU, made by the slot's own thread: a dune.ko vCPU belongs to one thread); -1 before.</summary>
        public int Fd;
        /// <summary>The Linux thread that drives the vCPU (the kernel stores it at clone; it stays, parked, between guest threads); 0: none yet.</summary>
        public int Tid;
        /// <summary>Whether a guest thread runs on the slot (guarded by KmodHost's slot lock).</summary>
        public int Use;
        /// <summary>Set and woken by the start that hands a parked Linux thread its next guest thread.</summary>
        public int Handoff;
        /// <summary>The guest thread's exit word, cleared and woken by the host half when the guest thread exits.</summary>
        public int* ExitWord;
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
