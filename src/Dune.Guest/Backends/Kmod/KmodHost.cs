using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dune.Cpu;
using Dune.Platform;
using Dune.Traps;

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// The host half on dune.ko: runs on its own stack in the same thread, looping in DUNE_RUN and performing
    /// the guest's system calls (<see cref="HypercallForwarding"/>). The address space side (mirroring what a call
    /// changed, growing the stack, resolving faults on memory the guest does not see yet) is
    /// <see cref="GuestMemory"/>, shared with the KVM backend. It only uses <see cref="HostSyscall"/> and never allocates.
    /// </summary>
    internal static unsafe partial class KmodHost
    {
        private const long ENOSYS = 38, EINTR = 4, EAGAIN = 11;
        private const long Clone3 = 435;
        /// <summary>bench/paper's bare exit: `out %al, $0xd2` (2 bytes), answered at once (as the KVM backend's probe port).</summary>
        private const ulong SvmExitIoio = 0x7B, ProbePort = 0xD2, ProbeInstructionLength = 2;

        /// <summary>The XSAVE components dune_kmod_run keeps across exits (0: FXSAVE).</summary>
        private static ulong s_xsaveMask;
        /// <summary>This process's /dev/dune descriptor (its guest).</summary>
        private static int s_dune;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kmod_run")]
        private static extern long RunGuest(int fd, ulong request, DuneRun* run, byte* fpu, ulong xsaveMask);

        /// <summary>At entry: the guest, and the XSAVE components every vCPU's FPU state keeps across exits.</summary>
        public static void Prepare(int dune, ulong xsaveMask)
        {
            s_dune = dune;
            s_xsaveMask = xsaveMask;
        }

        /// <summary>The first vCPU's host loop, which the enter stub calls on the host stack (backend_enter).</summary>
        [UnmanagedCallersOnly]
        internal static void EnterLoop(PerCpu* cpu) => Loop(cpu);

        private static void Loop(PerCpu* cpu)
        {
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            EntryRegisters.Write(&cpu->Resume, (ulong*)&vcpu->Run->Regs, rspFirst: false);
            while (true)
            {
                // Read again each time: a forked child continues here with its own vCPU.
                DuneRun* run = vcpu->Run;
                // Cleared before looking at Pending: a signal after the look sets it again and DUNE_RUN returns at once.
                run->ImmediateExit = 0;
                bool retry = false;
                if (PendingSignals.DueForDelivery(cpu))
                {
                    retry = DeliveryRetry.Defer(cpu, run->Regs.Rip);
                    if (!retry) DeliverSignals(cpu, vcpu);
                }
                long r = RunGuest(vcpu->Fd, DuneAbi.Run, run, vcpu->FpuArea, s_xsaveMask);
                if (retry) DeliveryRetry.Disarm(cpu);
                if (r < 0)
                {
                    if (r == -EINTR || r == -EAGAIN) continue;
                    Failure(run, "DUNE_RUN failed, errno", (ulong)(-r));
                }
                switch ((DuneExitReason)run->ExitReason)
                {
                    case DuneExitReason.Hypercall:
                        HypercallForwarding.Perform(cpu, &ChangeVm);
                        continue;
                    case DuneExitReason.Signal:
                        continue;
                    case DuneExitReason.Hlt:
                        TrapFrame* frame = (TrapFrame*)cpu->Hypercall.FaultFrame;
                        if (frame == null) Failure(run, "guest halted", 0);
                        // Resolved: the trap entry delivers pending signals on its way out (traps.S, resume).
                        if (GuestMemory.TryResolvePageFault(cpu, frame, ref vcpu->LastResolvedAddress, ref vcpu->LastResolvedRip)) continue;
                        FaultReport.GuestException(frame);
                        break;
                    case DuneExitReason.MemoryFault:
                        Failure(run, "guest touched memory the process cannot access that way, guest-physical address", run->Info[0]);
                        break;
                    case DuneExitReason.Shutdown:
                        FaultReport.TripleFault();
                        break;
                    case DuneExitReason.InvalidState:
                        Failure(run, "the CPU refused the guest state (DUNE_EXIT_INVALID_STATE)", 0);
                        break;
                    case DuneExitReason.Unhandled:
                        if (run->Info[0] == SvmExitIoio && (run->Info[1] >> 16) == ProbePort)
                        {
                            run->Regs.Rip += ProbeInstructionLength;
                            continue;
                        }
                        Failure(run, "exit dune.ko does not handle, vendor exit code", run->Info[0]);
                        break;
                }
                Failure(run, "unexpected DUNE_RUN exit reason", run->ExitReason);
            }
        }

        /// <summary>fork, threads and their exit, and the calls after which the mirror or the vCPU must follow the host (PlainHypercalls).</summary>
        private static long ChangeVm(PerCpu* cpu, long nr, HypercallBlock* b)
        {
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            if (nr == SyscallNumber.Fork || nr == ForkCall.Vfork || (nr == SyscallNumber.Clone && ForksProcess(b->A0, b->A1)))
                return Fork(cpu, vcpu, nr, b);
            if (nr == PlainHypercalls.StartThread) return StartThread(b);
            // Threads start through IBackend.StartThread (a new thread needs a vCPU and the runtime's entry).
            if (nr == SyscallNumber.Clone || nr == Clone3) return -ENOSYS;
            if (nr == SyscallNumber.Exit) ExitThread(cpu);
            long r = HostSyscall.Invoke(nr, b->A0, b->A1, b->A2, b->A3, b->A4, b->A5);
            bool ok = GuestMemory.MirrorChanges(cpu, nr, b, r);
            if (nr == SyscallNumber.ArchPrctl && b->A0 == ArchSetFs && r == 0) ok = SetGuestFsBase(vcpu->Fd, (ulong)b->A1);
            if (!ok)
                FaultReport.Fatal("cannot mirror a new mapping into the guest (guest-physical space, windows or page-table pool exhausted)");
            return r;
        }

        /// <summary>
        /// Makes the guest take <see cref="SignalDelivery.Vector"/> now, as the CPU would deliver an interrupt
        /// (dune.ko injects no events): its frame on the gate's stack, RIP at the gate's handler, which runs the
        /// pending signals' handlers in ring 0 (or, during a ring-3 run, enters the monitor) and resumes the
        /// interrupted code. From ring 3 the vCPU also moves to ring 0 (CS and SS through DUNE_SET_SREGS).
        /// </summary>
        private static void DeliverSignals(PerCpu* cpu, KmodVcpu* vcpu)
        {
            DuneSregs s;
            if (HostSyscall.Ioctl(vcpu->Fd, DuneAbi.GetSregs, &s) < 0) Failure(vcpu->Run, "DUNE_GET_SREGS failed", 0);
            ulong* gate = (ulong*)s.Idt.Base + 2 * (int)SignalDelivery.Vector;
            ulong low = gate[0], high = gate[1];
            if (!InterruptDelivery.IsPresent(low)) Failure(vcpu->Run, "the signal delivery vector has no IDT gate", 0);
            DuneRegs* regs = &vcpu->Run->Regs;
            bool fromRing3 = (s.Cs.Selector & 3) != 0;
            int ist = InterruptDelivery.Ist(low);
            byte* tss = (byte*)s.Tr.Base;
            ulong stack = InterruptDelivery.Stack(ist, fromRing3, regs->Rsp, ist != 0 ? *(ulong*)(tss + Tss64.IstOffset(ist)) : 0,
                *(ulong*)(tss + Tss64.Rsp0));
            ulong frame = InterruptDelivery.FrameAddress(stack);
            InterruptDelivery.WriteFrame((ulong*)frame, regs->Rip, s.Cs.Selector, regs->Rflags, regs->Rsp, s.Ss.Selector);
            if (fromRing3)
            {
                s.Cs = KmodVcpuState.KernelCode(InterruptDelivery.Selector(low));
                s.Ss = KmodVcpuState.NullStack();
                if (HostSyscall.Ioctl(vcpu->Fd, DuneAbi.SetSregs, &s) < 0) Failure(vcpu->Run, "DUNE_SET_SREGS failed", 0);
            }
            regs->Rsp = frame;
            regs->Rip = InterruptDelivery.Handler(low, high);
            regs->Rflags = InterruptDelivery.HandlerFlags(regs->Rflags, InterruptDelivery.IsInterruptGate(low));
        }

        private static bool SetGuestFsBase(int vcpu, ulong fsBase)
        {
            DuneSregs sregs;
            if (HostSyscall.Ioctl(vcpu, DuneAbi.GetSregs, &sregs) < 0) return false;
            sregs.Fs.Base = fsBase;
            return HostSyscall.Ioctl(vcpu, DuneAbi.SetSregs, &sregs) >= 0;
        }

        /// <summary>The guest stopped in a way it could not report itself: the report with the registers of the run page, exit 139.</summary>
        private static void Failure(DuneRun* run, string what, ulong detail) =>
            FaultReport.GuestStopped(what, detail, (ulong*)&run->Regs, rspFirst: false);
    }
}
