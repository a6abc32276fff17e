namespace Dune.Backends.Kvm
{
    /// <summary>One vCPU as the host half knows it (<see cref="Cpu.PerCpu.Backend"/> points here).</summary>
    internal unsafe struct KvmVcpu
    {
        /// <summary>The vCPU's descriptor (KVM_CREATE_VCPU).</summary>
        public int Fd;
        /// <summary>Its mmapped kvm_run.</summary>
        public byte* Run;
        /// <summary>The last page fault the host resolved: the same fault again is reported instead of retried.</summary>
        public ulong LastResolvedAddress, LastResolvedRip;
    }
}
