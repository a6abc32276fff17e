namespace Dune.Backends
{
    internal static unsafe partial class FaultReport
    {
        /// <summary>The VM stopped in a way the guest could not report itself; the registers come from KVM (KVM_GET_REGS).</summary>
        public static void VmFailure(int vcpu, string what, ulong detail)
        {
            Kvm.KvmRegs r;
            bool known = HostSyscall.Ioctl(vcpu, Kvm.KvmApi.GetRegs, &r) >= 0;
            GuestStopped(what, detail, known ? (ulong*)&r : null, rspFirst: true);
        }
    }
}
