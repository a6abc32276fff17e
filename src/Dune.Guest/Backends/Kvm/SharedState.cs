namespace Dune.Backends.Kvm
{
    /// <summary>Where the guest continues after entry, captured by dune_kvm_enter (kvm-entry.S).</summary>
    internal struct ResumeState
    {
        public ulong Rbx, Rbp, R12, R13, R14, R15, Rsp, Rip;
    }

    /// <summary>
    /// dune_kvm_hypercall_block (kvm-entry.S): the guest's hypercall stub stores the syscall here before its
    /// port-I/O exit and reads the result back; the host sees it at the same address.
    /// </summary>
    internal struct HypercallBlock
    {
        public long Nr, A0, A1, A2, A3, A4, A5, Result;
        /// <summary>Set by the host after it changed page-table entries: the guest stub reloads CR3.</summary>
        public long FlushTlb;
        /// <summary>The guest's TrapFrame* of an unhandled exception (fault port).</summary>
        public ulong FaultFrame;
    }

    /// <summary>
    /// The I/O ports the guest uses to leave the guest. Probe does nothing: the host re-enters at once, so
    /// `out %al, $0xD2` measures the bare exit to user space and back (bench/paper's exit floor).
    /// </summary>
    internal static class HypercallPorts
    {
        public const ushort Hypercall = 0xD0, Fault = 0xD1, Probe = 0xD2;
    }
}
