namespace Dune.Backends.Kvm
{
    /// <summary>One vCPU as the host half knows it (<see cref="Cpu.PerCpu.Backend"/> points here).</summary>
    internal unsafe struct KvmVcpu
    {
        /// <summary><see cref="Use"/>: no guest thread (the slot is free; its Linux thread, if any, is parked).</summary>
        public const int Free = 0;
        /// <summary><see cref="Use"/>: a guest thread is being started on the slot (not yet kicked for shootdowns: it flushes at entry).</summary>
        public const int Starting = 1;
        /// <summary><see cref="Use"/>: a guest thread runs on the slot.</summary>
        public const int Running = 2;

        /// <summary>The vCPU's descriptor (KVM_CREATE_VCPU).</summary>
        public int Fd;
        /// <summary>The Linux thread that drives the vCPU (the kernel stores it at clone), kept while it is parked; 0: none yet.</summary>
        public int Tid;
        /// <summary><see cref="Free"/>, <see cref="Starting"/> or <see cref="Running"/>; changed under the slots' lock.</summary>
        public int Use;
        /// <summary>Set to 1 when a parked thread is handed its next guest thread (a futex word).</summary>
        public int Handoff;
        /// <summary>Its mmapped kvm_run; null until the slot's vCPU is created (KVM cannot destroy one: later threads reuse it).</summary>
        public byte* Run;
        /// <summary>The last page fault the host resolved: the same fault again is reported instead of retried.</summary>
        public ulong LastResolvedAddress, LastResolvedRip;
        /// <summary>Bit i: vCPU i waits for this one to flush its TLB (KvmHost.Shootdown).</summary>
        public ulong FlushRequests;
        /// <summary>How many vCPUs have acknowledged this one's shootdown in progress (a futex word).</summary>
        public int FlushAcks;
        /// <summary>The signal mask the thread restores once it drives the vCPU for a guest thread (it starts, and parks, with every signal blocked).</summary>
        public ulong SignalMask;
        /// <summary>The guest thread's exit word, cleared and woken when it exits (what CLONE_CHILD_CLEARTID would do if the Linux thread ended).</summary>
        public int* ExitWord;
        /// <summary>The guest thread's thread pointer, also the host thread's FS base while it drives the vCPU for it.</summary>
        public ulong ThreadPointer;

        /// <summary>Slot <paramref name="index"/>'s record in the backend area (Host/BackendArea).</summary>
        public static KvmVcpu* At(byte* area, int index) => (KvmVcpu*)(area + BackendArea.VcpusOffset) + index;
    }
}
