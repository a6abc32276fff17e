using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// fork in Dune mode. KVM binds a VM to the process that made it, so the child gets its own VM over its own
    /// copy of the address space: the host forks, and the child's host half makes a new VM whose memslots are
    /// the same windows (same guest-physical layout; each slot's host address now names the child's copy), so
    /// the guest page tables libdune built (in the copied pool, at the same GPAs) stay valid unchanged, and a
    /// vCPU with exactly the parent's state at the fork hypercall. Both return from fork in ring 0.
    /// </summary>
    internal static unsafe partial class KvmHost
    {
        private const long CloneVm = 0x100;
        /// <summary>The vCPU state a fork copies: registers, segments, XCRs, MSRs, events, then the 4 KiB XSAVE area.</summary>
        private const int ForkStateBytes = 8 << 10;
        private const uint OutImm8Length = 2;
        /// <summary>MSRs the vCPU may hold that KVM_SET_SREGS does not carry (a switch: the host half must not run static constructors).</summary>
        private const int ForkMsrCount = 8;

        private static uint ForkMsr(int i) => i switch
        {
            0 => 0x10,          // TSC
            1 => 0x277,         // PAT
            2 => 0xC0000081,    // STAR
            3 => 0xC0000082,    // LSTAR
            4 => 0xC0000083,    // CSTAR
            5 => 0xC0000084,    // SFMASK
            6 => 0xC0000102,    // KERNEL_GS_BASE
            _ => 0xC0000103,    // TSC_AUX
        };

        /// <summary>clone that makes a process (no CLONE_VM) on the caller's stack (no new stack), like fork.</summary>
        private static bool ForksProcess(long flags, long newStack) => (flags & CloneVm) == 0 && newStack == 0;

        /// <summary>The parent gets the child's pid (or -errno), the child 0 with its own VM.</summary>
        private static long Fork(PerCpu* cpu, long nr, HypercallBlock* b)
        {
            KvmVcpu* vcpu = (KvmVcpu*)cpu->Backend;
            // On this vCPU's host stack, which the child's copy keeps: another vCPU's thread may fork at the same time.
            byte* s = stackalloc byte[ForkStateBytes];
            KvmRegs* regs = (KvmRegs*)s;
            KvmSregs* sregs = (KvmSregs*)(s + 256);
            byte* xcrs = s + (1 << 10);
            uint* msrs = (uint*)(s + (2 << 10));
            KvmVcpuEvents* events = (KvmVcpuEvents*)(s + (3 << 10));
            byte* xsave = s + (4 << 10);

            // The fork's `out` completes only on the next KVM_RUN; immediate_exit makes that one return at once,
            // so the state copied below is already past the instruction.
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetRegs, regs) < 0) return -EAGAIN;
            ulong at = regs->Rip;
            *cpu->Signals.ExitRequest = 1;
            HostSyscall.Ioctl(vcpu->Fd, KvmApi.Run, 0);
            *cpu->Signals.ExitRequest = 0;
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetRegs, regs) < 0) return -EAGAIN;
            if (regs->Rip == at) regs->Rip += OutImm8Length;
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetSregs, sregs) < 0) return -EAGAIN;
            bool haveXcrs = HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetXcrs, xcrs) >= 0;
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetXsave, xsave) < 0) return -EAGAIN;
            msrs[0] = ForkMsrCount;
            msrs[1] = 0;
            for (int i = 0; i < ForkMsrCount; i++)
            {
                msrs[2 + 4 * i] = ForkMsr(i);
                msrs[3 + 4 * i] = 0;
                *(ulong*)(msrs + 4 + 4 * i) = 0;
            }
            long readMsrs = HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetMsrs, msrs);
            msrs[0] = readMsrs > 0 ? (uint)readMsrs : 0;
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.GetVcpuEvents, events) < 0) return -EAGAIN;

            long r = ForkCall.Invoke(nr, b);
            if (r != 0) return r;
            string error = BuildChildVm(cpu, vcpu, regs, sregs, haveXcrs ? xcrs : null, msrs, events, xsave);
            if (error != null) FaultReport.Fatal(error);
            return 0;
        }

        /// <summary>In the child: a VM and vCPU of its own with the parent's state; the inherited ones (the parent's) are let go. Null, or the fault report's message.</summary>
        private static string BuildChildVm(PerCpu* cpu, KvmVcpu* vcpu, KvmRegs* regs, KvmSregs* sregs, byte* xcrs, uint* msrs,
            KvmVcpuEvents* events, byte* xsave)
        {
            const int MapShared = 0x01;
            int vm = HostSyscall.Hide((int)HostSyscall.Ioctl(s_kvm, KvmApi.CreateVm, 0));
            if (vm < 0) return "fork: the child's VM: KVM_CREATE_VM failed";
            HostSyscall.Ioctl(vm, KvmApi.SetTssAddr, (long)KvmBackend.VmxTssAddress);
            if (!GuestMemory.AttachVm(vm)) return "fork: the child's VM: cannot register the memslots";
            int fd = HostSyscall.Hide((int)HostSyscall.Ioctl(vm, KvmApi.CreateVcpu, cpu->Index));
            if (fd < 0) return "fork: the child's VM: KVM_CREATE_VCPU failed";
            long runSize = HostSyscall.Ioctl(s_kvm, KvmApi.GetVcpuMmapSize, 0);
            byte* run = runSize > 0 ? (byte*)HostSyscall.Mmap((ulong)runSize, Linux.ProtRead | Linux.ProtWrite, MapShared, fd) : null;
            if (run == null) return "fork: the child's VM: cannot map kvm_run";
            if (HostSyscall.Ioctl(fd, KvmApi.SetCpuid2, s_area + BackendArea.ScratchOffset + KvmBackend.ScratchCpuid) < 0) return "fork: the child's VM: KVM_SET_CPUID2 failed";
            if (HostSyscall.Ioctl(fd, KvmApi.SetSregs, sregs) < 0) return "fork: the child's VM: KVM_SET_SREGS failed";
            if (xcrs != null && HostSyscall.Ioctl(fd, KvmApi.SetXcrs, xcrs) < 0) return "fork: the child's VM: KVM_SET_XCRS failed";
            if (HostSyscall.Ioctl(fd, KvmApi.SetXsave, xsave) < 0) return "fork: the child's VM: KVM_SET_XSAVE failed";
            if (msrs[0] != 0 && HostSyscall.Ioctl(fd, KvmApi.SetMsrs, msrs) != msrs[0]) return "fork: the child's VM: KVM_SET_MSRS failed";
            if (HostSyscall.Ioctl(fd, KvmApi.SetRegs, regs) < 0) return "fork: the child's VM: KVM_SET_REGS failed";
            if (HostSyscall.Ioctl(fd, KvmApi.SetVcpuEvents, events) < 0) return "fork: the child's VM: KVM_SET_VCPU_EVENTS failed";

            HostSyscall.Invoke(SyscallNumber.Munmap, (long)vcpu->Run, runSize, 0, 0, 0, 0);
            HostSyscall.Invoke(SyscallNumber.Close, vcpu->Fd, 0, 0, 0, 0, 0);
            HostSyscall.Invoke(SyscallNumber.Close, s_vm, 0, 0, 0, 0, 0);
            s_vm = vm;
            vcpu->Fd = fd;
            vcpu->Run = run;
            vcpu->LastResolvedAddress = vcpu->LastResolvedRip = 0;
            cpu->Signals.ExitRequest = run + KvmApi.RunImmediateExit;
            cpu->Signals.Pending = 0;   // a child starts with no pending signals
            ForgetOtherVcpus(cpu);
            return null;
        }
    }
}
