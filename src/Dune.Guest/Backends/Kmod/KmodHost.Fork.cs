using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// fork in Dune mode on dune.ko. The module binds a guest to the process that opened /dev/dune (a child gets
    /// EPERM on it), so the child opens its own and registers the same windows: every virtual address keeps its
    /// guest-physical address, now naming the child's copy, so the page tables in the copied pool stay valid
    /// unchanged (as on KVM, Kvm/KvmHost.Fork.cs). Its vCPU gets the parent's registers (the run page, already
    /// past the VMMCALL) and system state; the FPU is the thread's, which fork copies. Both return in ring 0.
    /// </summary>
    internal static unsafe partial class KmodHost
    {
        private const long CloneVm = 0x100;

        /// <summary>clone that makes a process (no CLONE_VM) on the caller's stack (no new stack), like fork.</summary>
        private static bool ForksProcess(long flags, long newStack) => (flags & CloneVm) == 0 && newStack == 0;

        /// <summary>The parent gets the child's pid (or -errno), the child 0 with its own guest.</summary>
        private static long Fork(PerCpu* cpu, KmodVcpu* vcpu, long nr, HypercallBlock* b)
        {
            DuneSregs sregs;
            if (HostSyscall.Ioctl(vcpu->Fd, DuneAbi.GetSregs, &sregs) < 0) return -EAGAIN;
            DuneRegs regs = vcpu->Run->Regs;
            long r = ForkCall.Invoke(nr, b);
            if (r != 0) return r;
            string error = BuildChildGuest(cpu, vcpu, &regs, &sregs);
            if (error != null) FaultReport.Fatal(error);
            return 0;
        }

        /// <summary>In the child: a guest and vCPU of its own with the parent's state; the inherited (the parent's) are let go.</summary>
        private static string BuildChildGuest(PerCpu* cpu, KmodVcpu* vcpu, DuneRegs* regs, DuneSregs* sregs)
        {
            const int ORdwr = 2, OCloexec = 0x80000, MapShared = 0x01;
            // The parent's run page is shared memory: unmap it before anything could write to it.
            HostSyscall.Invoke(SyscallNumber.Munmap, (long)vcpu->Run, DuneAbi.RunSize, 0, 0, 0, 0);
            HostSyscall.Invoke(SyscallNumber.Close, vcpu->Fd, 0, 0, 0, 0, 0);
            HostSyscall.Invoke(SyscallNumber.Close, s_dune, 0, 0, 0, 0, 0);
            int dune = HostSyscall.Hide(HostSyscall.Open("/dev/dune", ORdwr | OCloexec));
            if (dune < 0) return "fork: the child's guest: cannot open /dev/dune";
            if (!GuestMemory.AttachVm(dune)) return "fork: the child's guest: DUNE_ADD_WINDOWS failed";
            int fd = HostSyscall.Hide((int)HostSyscall.Ioctl(dune, DuneAbi.CreateVcpu, 0));
            if (fd < 0) return "fork: the child's guest: DUNE_CREATE_VCPU failed";
            DuneRun* run = (DuneRun*)HostSyscall.Mmap(DuneAbi.RunSize, Linux.ProtRead | Linux.ProtWrite, MapShared, fd);
            if (run == null) return "fork: the child's guest: cannot map its struct dune_run";
            if (HostSyscall.Ioctl(fd, DuneAbi.SetSregs, sregs) < 0) return "fork: the child's guest: DUNE_SET_SREGS failed";
            run->Regs = *regs;
            s_dune = dune;
            vcpu->Fd = fd;
            vcpu->Run = run;
            vcpu->LastResolvedAddress = vcpu->LastResolvedRip = 0;
            cpu->Signals.ExitRequest = (byte*)&run->ImmediateExit;
            cpu->Signals.Pending = 0;   // a child starts with no pending signals
            ForgetOtherVcpus(cpu);
            return null;
        }
    }
}
