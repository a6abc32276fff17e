namespace Dune.Backends.Kvm
{
    /// <summary>One vCPU as the host half knows it (<see cref="Cpu.PerCpu.Backend"/> points here).</summary>
    internal unsafe struct KvmVcpu
    {
        /// <summary><see cref="Tid"/> while a thread is being started on the slot or is leaving it.</summary>
        public const int Starting = -1, Exiting = -2;

        /// <summary>The vCPU's descriptor (KVM_CREATE_VCPU).</summary>
        public int Fd;
        /// <summary>The Linux thread that drives the vCPU (the kernel stores it at clone); 0: the slot is free.</summary>
        public int Tid;
        /// <summary>Its mmapped kvm_run; null until the slot's vCPU is created (KVM cannot destroy one: later threads reuse it).</summary>
        public byte* Run;
        /// <summary>The last page fault the host resolved: the same fault again is reported instead of retried.</summary>
        public ulong LastResolvedAddress, LastResolvedRip;
        /// <summary>Bit i: vCPU i waits for this one to flush its TLB (KvmHost.Shootdown).</summary>
        public ulong FlushRequests;
        /// <summary>How many vCPUs have acknowledged this one's shootdown in progress (a futex word).</summary>
        public int FlushAcks;
        /// <summary>The signal mask a new thread restores once it drives the vCPU (it starts with every signal blocked).</summary>
        public ulong SignalMask;

        /// <summary>Slot <paramref name="index"/>'s record in the backend area (Host/BackendArea).</summary>
        public static KvmVcpu* At(byte* area, int index) => (KvmVcpu*)(area + BackendArea.VcpusOffset) + index;
    }
}
