using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// The host half: runs on its own stack (the guest owns the thread's stack) in the same thread, looping
    /// in KVM_RUN and performing the guest's system calls. It only uses <see cref="HostSyscall"/> and never
    /// allocates managed memory. What belongs to a vCPU is in its <see cref="PerCpu"/> and <see cref="KvmVcpu"/>;
    /// the statics here are the VM's; the address space the guest sees is <see cref="GuestMemory"/>, shared with dune.ko.
    /// </summary>
    internal static unsafe partial class KvmHost
    {
        private const long ENOSYS = 38, EINTR = 4, EAGAIN = 11;
        private const long Clone3 = 435;
        private const long ArchSetFs = 0x1002;

        private static int s_kvm, s_vm;
        private static byte* s_area;

        public static void Prepare(int kvm, int vm, byte* area)
        {
            s_kvm = kvm;
            s_vm = vm;
            s_area = area;
        }

        /// <summary>The first vCPU's host loop, which the enter stub calls on the host stack (backend_enter).</summary>
        [UnmanagedCallersOnly]
        internal static void EnterLoop(PerCpu* cpu) => Loop(cpu);

        private static void Loop(PerCpu* cpu)
        {
            KvmVcpu* vcpu = (KvmVcpu*)cpu->Backend;
            KvmRegs regs;
            EntryRegisters.Write(&cpu->Resume, (ulong*)&regs, rspFirst: true);
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.SetRegs, &regs) < 0)
                FaultReport.VmFailure(vcpu->Fd, "KVM_SET_REGS failed", 0);
            while (true)
            {
                // Read again each time: a forked child continues here with its own vCPU.
                int fd = vcpu->Fd;
                byte* run = vcpu->Run;
                // Cleared before looking at Pending: a signal after the look sets it again and KVM_RUN returns at once.
                *cpu->Signals.ExitRequest = 0;
                bool retry = PendingSignals.DueForDelivery(cpu) && !InjectSignalDelivery(cpu, fd);
                long r = HostSyscall.Ioctl(fd, KvmApi.Run, 0);
                if (retry) DeliveryRetry.Disarm(cpu);
                if (r < 0)
                {
                    if (r == -EINTR || r == -EAGAIN) continue;
                    FaultReport.VmFailure(fd, "KVM_RUN failed, errno", (ulong)(-r));
                }
                uint reason = *(uint*)(run + KvmApi.RunExitReason);
                if (reason == KvmApi.ExitIo)
                {
                    ushort port = *(ushort*)(run + KvmApi.RunIoPort);
                    if (port == HypercallPorts.Hypercall) { HypercallForwarding.Perform(cpu, &ChangeVm); continue; }
                    if (port == HypercallPorts.Probe) continue;
                    if (port == HypercallPorts.StartThread) { cpu->Hypercall.Result = StartThread(&cpu->Hypercall); continue; }
                    if (port == HypercallPorts.Shootdown) { Shootdown(cpu); continue; }
                    if (port == HypercallPorts.Fault)
                    {
                        Traps.TrapFrame* frame = (Traps.TrapFrame*)cpu->Hypercall.FaultFrame;
                        // Resolved: the guest returns through its trap entry, which delivers pending signals itself.
                        if (GuestMemory.TryResolvePageFault(cpu, frame, ref vcpu->LastResolvedAddress, ref vcpu->LastResolvedRip)) continue;
                        FaultReport.GuestException(frame);
                    }
                    FaultReport.VmFailure(fd, "unexpected port I/O exit, port", port);
                }
                if (reason == KvmApi.ExitShutdown) FaultReport.TripleFault();
                if (reason == KvmApi.ExitInternalError)
                    FaultReport.VmFailure(fd, "KVM internal error, suberror", *(uint*)(run + KvmApi.RunInternalSuberror));
                if (reason == KvmApi.ExitFailEntry)
                    FaultReport.VmFailure(fd, "VM entry failed, hardware reason", *(ulong*)(run + KvmApi.RunFailEntryReason));
                if (reason == KvmApi.ExitMmio)
                    FaultReport.VmFailure(fd, "guest touched unbacked physical address", *(ulong*)(run + KvmApi.RunMmioPhysAddr));
                if (reason == KvmApi.ExitHlt) FaultReport.VmFailure(fd, "guest halted", 0);
                FaultReport.VmFailure(fd, "unexpected KVM exit reason", reason);
            }
        }

        /// <summary>
        /// fork, threads, and the calls after which the mirror or the vCPU must follow the host. exit ends this
        /// vCPU's thread; clone with CLONE_VM and clone3 get ENOSYS, as threads start through IBackend.StartThread
        /// (a new thread needs a vCPU and the runtime's entry).
        /// </summary>
        private static long ChangeVm(PerCpu* cpu, long nr, HypercallBlock* b)
        {
            if (nr == SyscallNumber.Fork || nr == ForkCall.Vfork || (nr == SyscallNumber.Clone && ForksProcess(b->A0, b->A1)))
                return Fork(cpu, nr, b);
            if (nr == SyscallNumber.Clone || nr == Clone3) return -ENOSYS;
            if (nr == SyscallNumber.Exit) ExitThread(cpu);
            long r = HostSyscall.Invoke(nr, b->A0, b->A1, b->A2, b->A3, b->A4, b->A5);
            bool ok = GuestMemory.MirrorChanges(cpu, nr, b, r);
            if (nr == SyscallNumber.ArchPrctl && b->A0 == ArchSetFs && r == 0) ok = SetGuestFsBase(((KvmVcpu*)cpu->Backend)->Fd, (ulong)b->A1);
            if (!ok)
                FaultReport.Fatal("cannot mirror a new mapping into the guest (guest-physical space, memslots or page-table pool exhausted)");
            return r;
        }

        /// <summary>
        /// Makes the vCPU take <see cref="Traps.SignalDelivery.Vector"/> before its next instruction, whatever
        /// RFLAGS.IF says (an injected event is not gated by it): the guest's handler then runs the pending
        /// signals' handlers in ring 0 and resumes the interrupted code. Not while another event is being
        /// delivered, nor in the guest's ring-crossing code: false then, with the retry timer armed for the coming
        /// run (<see cref="DeliveryRetry"/>).
        /// </summary>
        private static bool InjectSignalDelivery(PerCpu* cpu, int fd)
        {
            KvmRegs regs;
            if (HostSyscall.Ioctl(fd, KvmApi.GetRegs, &regs) < 0)
                FaultReport.VmFailure(fd, "KVM_GET_REGS failed", 0);
            if (DeliveryRetry.Defer(cpu, regs.Rip)) return false;
            KvmVcpuEvents events;
            if (HostSyscall.Ioctl(fd, KvmApi.GetVcpuEvents, &events) < 0)
                FaultReport.VmFailure(fd, "KVM_GET_VCPU_EVENTS failed", 0);
            if (events.ExceptionInjected != 0 || events.InterruptInjected != 0 || events.NmiInjected != 0)
            {
                DeliveryRetry.Arm(cpu);
                return false;
            }
            // Leaves the pending NMI alone: a shootdown's kick may queue one between the two ioctls.
            events.Flags &= ~KvmApi.VcpuEventValidNmiPending;
            events.InterruptInjected = 1;
            events.InterruptNr = (byte)Traps.SignalDelivery.Vector;
            events.InterruptSoft = 0;
            if (HostSyscall.Ioctl(fd, KvmApi.SetVcpuEvents, &events) < 0)
                FaultReport.VmFailure(fd, "KVM_SET_VCPU_EVENTS failed", 0);
            return true;
        }

        /// <summary>AddressSpaceMirror's window registration on KVM: window n as memslot n.</summary>
        internal static bool RegisterMemslot(int vmFd, int slot, Memory.GpaWindow* w)
        {
            KvmMemoryRegion region = new KvmMemoryRegion
            {
                Slot = (uint)slot,
                GuestPhysAddr = w->Gpa,
                MemorySize = w->Size,
                UserspaceAddr = w->HostVa,
            };
            return HostSyscall.Ioctl(vmFd, KvmApi.SetUserMemoryRegion, &region) >= 0;
        }

        private static bool SetGuestFsBase(int vcpu, ulong fsBase)
        {
            KvmSregs sregs;
            if (HostSyscall.Ioctl(vcpu, KvmApi.GetSregs, &sregs) < 0) return false;
            sregs.Fs.Base = fsBase;
            return HostSyscall.Ioctl(vcpu, KvmApi.SetSregs, &sregs) >= 0;
        }
    }
}
