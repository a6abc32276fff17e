using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Signals for the program in ring 3, as Linux delivers them to a thread: before ring 3 resumes, each
    /// deliverable signal (<see cref="ProgramSignals"/>) is dropped (ignored), ends the run (default action:
    /// <see cref="RunEnd.Signaled"/>), or gets a <see cref="SignalFrame"/> on the program's stack (or its
    /// alternate stack) and runs the handler there; rt_sigreturn restores the context the frame saved. A fault
    /// becomes its signal when the program handles it, and ends the run otherwise. A call a signal interrupted
    /// restarts when no handler runs, or when the handler has SA_RESTART and Linux would restart the call.
    /// A not-present fault just below the program's stack maps more of it (<see cref="UserSpace.TryGrowStack"/>).
    /// </summary>
    public static unsafe partial class Ring3
    {
        private const ulong SigDflOrIgn = ProgramSignals.SigIgn;
        private const ulong PageFault = 14;
        private const long Sendto = 44, Sendmsg = 46, MsgNoSignal = 0x4000;

        /// <summary>
        /// Whether the relay of <paramref name="signal"/> waits (for <see cref="RelayHeld"/>): a host signal's
        /// handler runs on the code it interrupted, and this CPU's monitor holds <paramref name="space"/>'s signal lock
        /// (the lock lets its owner in again: the relay would change the pending sets in the middle of that change).
        /// </summary>
        internal static bool HoldRelay(UserSpace space, int signal)
        {
            if (!System.Threading.Monitor.IsEntered(space.Signals)) return false;
            RunState run = Current();
            run.HeldRelays |= ProgramSignals.Bit(signal);
            return true;
        }

        /// <summary>Relays the signals <see cref="HoldRelay"/> held back on this CPU (none is held outside the signal lock).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RelayHeld(RunState run)
        {
            ulong held;
            // An exchange, which a handler cannot split: one held while these are relayed is taken in the next round.
            while ((held = System.Threading.Interlocked.Exchange(ref run.HeldRelays, 0)) != 0)
                for (int signal = 1; signal <= ProgramSignals.Count; signal++)
                    if ((held & ProgramSignals.Bit(signal)) != 0) HostSignalRelay.RelayTo(run.Space, signal);
        }

        /// <summary><see cref="RelayHeld"/> for this CPU's run, before a look at its thread's signals that is not <see cref="Resume"/>'s.</summary>
        internal static void RelayHeldSignals(PerCpu* cpu)
        {
            RunState run = RunOn(cpu);
            if (run != null && run.HeldRelays != 0) RelayHeld(run);
        }

        /// <summary>
        /// Runs the C# handlers of the host signals pending on this CPU (<see cref="HostSignalRelay"/> among them), as
        /// Traps.SignalDelivery does in ring 0. The collector's stop parks the thread here, on the stack Run was called
        /// on (ring 3's registers are in the entry's frame above, and hold no managed references). Delivering stays set:
        /// <see cref="Resume"/>'s look follows, and the crossing code clears it.
        /// </summary>
        private static void RelayHostSignals()
        {
            PerCpu* cpu = PerCpu.Current;
            cpu->Signals.Delivering = 1;
            ulong pending;
            while ((pending = cpu->Signals.Pending) != 0)
            {
                cpu->Signals.Pending = 0;
                if ((pending & Traps.SignalDelivery.StopPending) != 0)
                {
                    ulong ringThreeRip = 0;
                    Internal.Runtime.Threads.Suspension.StopInRing0(&ringThreeRip);
                }
                PosixSignals.DeliverPending(pending & ~Traps.SignalDelivery.StopPending);
            }
        }

        private static int OnFault(RunState run, UserFrame* frame, byte* fpu)
        {
            if (run.TrapVector == PageFault && (run.TrapError & 1) == 0 && run.Space.TryGrowStack(run.TrapCr2)) return Resume(run, PerCpu.Current, frame, fpu, ResumeAll);
            SignalInfo info = FaultSignals.Of(run.TrapVector, run.TrapError, run.TrapCr2, frame->Rip, out ulong rip);
            ThreadSignals thread = run.Thread;
            int n = info.Signal;
            if (run.Space.Signals.Handler(n) <= SigDflOrIgn || (thread.Blocked & 1UL << (n - 1)) != 0)
            {
                run.Result = new RunResult
                {
                    End = RunEnd.Faulted, Vector = run.TrapVector, ErrorCode = run.TrapError, Cr2 = run.TrapCr2, Rip = frame->Rip, Signal = n,
                };
                return 1;
            }
            frame->Rip = rip;
            thread.Take(n);
            thread.Raise(info);
            return Resume(run, PerCpu.Current, frame, fpu, ResumeAll);
        }

        /// <summary>False when the run ended (its result set): a signal's default action, or another thread's execve ending this one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool DeliverSignals(RunState run, UserFrame* frame, byte* fpu)
        {
            ThreadSignals thread = run.Thread;
            if ((thread.HasDeliverable() || thread.Ending) && !DeliverPending(run, thread, frame, fpu)) return false;
            thread.RestoreSavedMask();
            return true;
        }

        /// <summary>Ends the thread if it must end, else runs or applies each deliverable signal; false when the run ended. Apart from <see cref="DeliverSignals"/>, which runs after every call: its frame is larger.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool DeliverPending(RunState run, ThreadSignals thread, UserFrame* frame, byte* fpu)
        {
            ProgramSignals signals = run.Space.Signals;
            if (thread.Ending)
            {
                run.Result = new RunResult { End = RunEnd.Exited, ThreadOnly = true };
                return false;
            }
            int n;
            while ((n = thread.NextDeliverable()) != 0)
            {
                SignalInfo info = thread.Take(n);
                run.Space.Timers.Delivered(info);
                if (n != ProgramSignals.SigKill && signals.IsIgnored(n)) continue;
                if (signals.Handler(n) == ProgramSignals.SigDfl && ProgramSignals.StopsByDefault(n))
                {
                    PosixSignals.TakeDefaultAction(n); // the host stops the whole process with n, as Linux stops the program
                    continue;
                }
                if (n == ProgramSignals.SigKill || signals.Handler(n) == ProgramSignals.SigDfl || !PushFrame(run.Space, thread, n, info, frame, fpu))
                {
                    run.Result = new RunResult { End = RunEnd.Signaled, Signal = signals.Handler(n) == ProgramSignals.SigDfl ? n : ProgramSignals.SigSegv };
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// <paramref name="thread"/>'s mask changed as rt_sigprocmask(<paramref name="how"/>, <paramref name="set"/>,
        /// <paramref name="old"/>) changes it (also a handler's frame, rt_sigreturn); a pending process signal it now
        /// blocks wakes a thread that takes it (<see cref="ProgramSignals.Retarget"/>), as Linux hands it on.
        /// </summary>
        internal static long SetMask(ThreadSignals thread, long how, ulong* set, ulong* old, long setSize = 8)
        {
            ulong before = thread.Blocked;
            long r = thread.Mask(how, set, old, setSize);
            ulong blocked = thread.Blocked & ~before;
            if (blocked != 0)
                foreach (ThreadSignals taker in thread.Process.Retarget(blocked, thread)) Wake(taker);
            return r;
        }

        /// <summary>Builds the handler's frame below ring 3's stack (or on the alternate stack) and points ring 3 at the handler.</summary>
        private static bool PushFrame(UserSpace space, ThreadSignals thread, int n, in SignalInfo info, UserFrame* frame, byte* fpu)
        {
            ProgramSignals signals = space.Signals;
            ulong flags = signals.Flags(n), handler = signals.Handler(n);
            if ((flags & ProgramSignals.SaRestorer) == 0) return false;
            ulong sp = frame->Rsp;
            thread.SavedAltStack(sp, out ulong altSp, out int altFlags, out ulong altSize);
            ulong top = sp - SignalFrame.RedZone;
            if ((flags & ProgramSignals.SaOnStack) != 0)
            {
                ulong alt = thread.EnterAltStack(sp);
                if (alt != 0) top = alt;
            }
            int fpstateBytes = UserXstate.FrameBytes;
            ulong at = SignalFrame.Place(top, fpstateBytes, out ulong fpstate);
            space.TryGrowStack(at); // a frame just below the mapped stack grows it, as a push there would
            if (!space.IsUserAccessible(at, fpstate + (ulong)fpstateBytes - at, true)) return false;
            UserXstate.SaveForHandler((byte*)fpstate, fpu);
            SignalFrame.Write((byte*)at, *frame, signals.Restorer(n), info, thread.TakeMaskToRestore(), fpstate,
                fpstateBytes != SignalFpstate.LegacyBytes, altSp, altFlags, altSize);
            ulong blocks = ((flags & ProgramSignals.SaNoDefer) != 0 ? 0 : 1UL << (n - 1)) | signals.HandlerMask(n);
            SetMask(thread, 0, &blocks, null);
            if ((flags & ProgramSignals.SaResetHand) != 0) signals.ResetToDefault(n);
            SignalFrame.InitialFpu(fpu);
            frame->Rdi = (ulong)n;
            frame->Rsi = at + SignalFrame.Info;
            frame->Rdx = at + SignalFrame.Context;
            frame->Rax = 0;
            frame->Rsp = at;
            frame->Rip = handler;
            frame->Rflags &= ~SignalFrame.HandlerClearedFlags;
            return true;
        }

        /// <summary>rt_sigreturn: the context in the frame at ring 3's rsp comes back; a frame ring 3 cannot read ends the program with SIGSEGV.</summary>
        private static int SigReturn(RunState run, in SyscallCall call, byte* fpu)
        {
            UserFrame* frame = call.Frame;
            ulong uc = frame->Rsp;
            run.Monitor?.Observe(call, SyscallAction.Allow, 0);
            UserSpace space = run.Space;
            if (!space.IsUserAccessible(uc, SignalFrame.ContextBytes, false)) return KilledBy(run, ProgramSignals.SigSegv);
            UserFrame regs = *frame;
            SignalFrame.Read((byte*)uc, ref regs, out ulong blocked, out ulong fpstate);
            if (fpstate != 0 && !space.IsUserAccessible(fpstate, SignalFpstate.LegacyBytes, false)) return KilledBy(run, ProgramSignals.SigSegv);
            SetMask(run.Thread, 2, &blocked, null);
            byte* stack = (byte*)uc + SignalFrame.UcStack;
            run.Thread.RestoreAltStack(*(ulong*)stack, *(int*)(stack + 8), *(ulong*)(stack + 16), regs.Rsp);
            if (fpstate == 0)
            {
                SignalFrame.InitialFpu(fpu);
                UserXstate.Reset();
            }
            else if (!UserXstate.RestoreFromFrame(space, (byte*)fpstate, fpu)) return KilledBy(run, ProgramSignals.SigSegv);
            *frame = regs;
            return Resume(run, PerCpu.Current, frame, fpu, ResumeAll);
        }

        private static int KilledBy(RunState run, int signal)
        {
            run.Result = new RunResult { End = RunEnd.Signaled, Signal = signal };
            return 1;
        }

        /// <summary>
        /// A forwarded call the host interrupted (EINTR): repeated at once if no handler will run (an ignored or
        /// monitor-only signal, a stop, or none), or after the handler if it has SA_RESTART and Linux restarts the call;
        /// else the program sees EINTR. Repeating is Linux's: rax = the number again, rip back on the SYSCALL.
        /// </summary>
        private static void RestartIfNoHandlerInterrupts(ThreadSignals thread, UserFrame* frame, long nr)
        {
            ProgramSignals signals = thread.Process;
            int n = thread.NextDeliverable();
            bool handled = n != 0 && n != ProgramSignals.SigKill && signals.Handler(n) > SigDflOrIgn;
            if (handled && ((signals.Flags(n) & ProgramSignals.SaRestart) == 0 || PosixSignals.NeverRestarted(nr))) return;
            if (!handled && n != 0 && !signals.IsIgnored(n) && !ProgramSignals.StopsByDefault(n)) return; // the default action ends the program anyway
            if (nr == 130 || nr == 128) return; // rt_sigsuspend returns EINTR by definition; rt_sigtimedwait when a handler is due
            Repeat(frame, nr);
        }

        /// <summary>Ring 3 makes call <paramref name="nr"/> again when it resumes: rax = the number, rip back on the SYSCALL.</summary>
        private static void Repeat(UserFrame* frame, long nr)
        {
            frame->Rax = (ulong)nr;
            frame->Rip -= 2;
        }

        /// <summary>A write to a pipe or socket with no reader gets EPIPE and SIGPIPE (not for send with MSG_NOSIGNAL).</summary>
        private static void RaiseBrokenPipe(ThreadSignals thread, in SyscallCall call)
        {
            if ((call.Number == Sendto && (call.Arg3 & MsgNoSignal) != 0) || (call.Number == Sendmsg && (call.Arg2 & MsgNoSignal) != 0)) return;
            long pid = Syscall.Invoke(SyscallNumber.Getpid), uid = Syscall.Invoke(102);
            thread.Raise(SignalInfo.FromProcess(13, SignalInfo.SiUser, (uint)pid, (uint)uid));
        }
    }
}
