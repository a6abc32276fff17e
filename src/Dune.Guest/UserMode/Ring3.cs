using System;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;
using Dune.Traps;

namespace Dune.UserMode
{
    /// <summary>
    /// Runs code in ring 3 from a Dune process in ring 0 and interposes on its system calls. One run at a time per CPU;
    /// <see cref="Run"/> returns when the program exits (exit/exit_group end the run, not the process), the
    /// policy kills it, or it takes an exception nobody handles.
    ///
    /// SYSCALL (LSTAR = usermode.S's entry) arrives in <see cref="OnEntry"/> on the caller's stack with the
    /// runtime's page tables and FS base: the policy decides, Allow passes the call through
    /// (<see cref="UserKernel"/>), Deny returns -errno, Emulate asks the monitor. Exceptions from ring 3 first
    /// reach the vector's handler registered with <see cref="Traps.Traps.Register"/> (its frame has
    /// <see cref="TrapFrame.FromUserMode"/>; Resume or SkipInstruction continue ring 3): while runs are in
    /// progress, Ring3's own handler is registered for every vector (but NMI, #DF, #MC) and asks the one it
    /// replaced first; that includes 32..255, whose gates let ring 3 raise them with <c>int n</c>. What it
    /// declines reaches <see cref="OnEntry"/> too, on the same stack: the signal Linux would send
    /// (<see cref="FaultSignals"/>) runs the program's handler, or ends the run with a <see cref="RunEnd.Faulted"/>
    /// report. So does the host's signal interrupt taken in ring 3 (the preemption point: a host timer or
    /// signal makes the vCPU exit, and the backend injects it), which relays host signals to the program.
    /// Before ring 3 resumes, the program's deliverable signals run its handlers (Ring3.Signals.cs). Ring-0
    /// exceptions go on to the replaced handler or the backend as usual.
    /// The run's state is the CPU's (<see cref="PerCpu.UserMode"/>); only the handler registration is the process's.
    /// </summary>
    public static unsafe partial class Ring3
    {
        private const uint MsrStar = 0xC000_0081, MsrLstar = 0xC000_0082, MsrFmask = 0xC000_0084;
        /// <summary>SYSCALL clears TF, IF, DF, IOPL, NT and AC, like Linux.</summary>
        private const ulong SyscallFlagsMask = 0x4_7700;
        private const ulong UserAddressLimit = 1UL << 47, GeneralProtection = 13;

        /// <summary>A run in progress; <see cref="UserModeState.Run"/> refers to it while the run's own frame keeps it alive.</summary>
        private sealed class RunState
        {
            public UserSpace Space;
            public SyscallPolicy Policy;
            public SyscallMonitor Monitor;
            public RunResult Result;
            /// <summary>The trap's details when ring 3 entered the monitor through one (set by <see cref="OnTrap"/>).</summary>
            public ulong TrapVector, TrapError, TrapCr2;
            /// <summary>An execve checked and answered, to complete before ring 3 resumes (Ring3.Exec.cs).</summary>
            public PendingExec Exec;
            /// <summary>The word this thread's exit zeroes and wakes (set_tid_address, CLONE_CHILD_CLEARTID); 0 for none.</summary>
            public ulong ClearChildTid;
            /// <summary>This thread's signal state (mask, alternate stack, its own pending set).</summary>
            public ThreadSignals Thread;
            /// <summary>The monitor's Emulate handler passed the call on (<see cref="PassThrough"/>) and a signal interrupted it.</summary>
            public bool PassThroughInterrupted;
            /// <summary>Bit n-1: a host signal n whose relay found this CPU's monitor inside the program's signal lock (<see cref="HoldRelay"/>).</summary>
            public ulong HeldRelays;
        }

        /// <summary><see cref="OnEntry"/>'s result: resume with IRETQ, every register restored.</summary>
        private const int ResumeAll = 2;
        private const long RtSigreturn = 15, EINTR = 4, EPIPE = 32;

        private const int Vectors = 256;

        /// <summary>The handlers Ring3's own replaced while <see cref="s_activeRuns"/> is nonzero.</summary>
        private struct ReplacedHandlers
        {
            public fixed long Of[Vectors];
        }

        private static ReplacedHandlers s_replaced;
        private static int s_activeRuns;
        /// <summary>
        /// Makes counting a run and swapping the handlers one step: a run starting on one vCPU while the last one ends
        /// on another would otherwise record Ring3's own handlers as the ones to restore, or enter ring 3 before
        /// the swap is done.
        /// </summary>
        private static Internal.Runtime.Threads.FutexLock s_handlersLock;

        /// <summary>The space of the run in progress on this CPU (null between runs).</summary>
        public static UserSpace Space => Current()?.Space;

        /// <summary>The signal state of the program's thread running on this CPU (null between runs).</summary>
        internal static ThreadSignals CurrentThread => Current()?.Thread;

        /// <summary>The signal state of the program's thread running on <paramref name="cpu"/>, this CPU (null between runs).</summary>
        internal static ThreadSignals ThreadOn(PerCpu* cpu) => RunOn(cpu)?.Thread;

        private static RunState Current() => RunOn(PerCpu.Current);

        private static RunState RunOn(PerCpu* cpu) => Unsafe.As<nint, RunState>(ref cpu->UserMode.Run);

        /// <summary>
        /// Runs ring 3 from <paramref name="start"/> in <paramref name="space"/> under <paramref name="policy"/>: the
        /// program's first thread. Returns when the program ends: exit_group, a fatal signal or the policy's kill in
        /// this thread, or the exit of its last thread (Ring3.Threads.cs).
        /// </summary>
        public static RunResult Run(UserSpace space, UserFrame start, SyscallPolicy policy, SyscallMonitor monitor = null)
        {
            ThreadSignals thread = space.Signals.AddThread(0);
            thread.HostTid = thread.Tid = Syscall.Invoke(SyscallNumber.Gettid);
            return RunAs(space, start, policy, monitor, 0, thread, true);
        }

        private static RunResult RunAs(UserSpace space, UserFrame start, SyscallPolicy policy, SyscallMonitor monitor, ulong clearChildTid, ThreadSignals thread, bool first)
        {
            if (DuneMode.CurrentPrivilegeLevel() != 0) throw new InvalidOperationException("ring 3 runs need Dune mode (ring 0)");
            PerCpu* cpu = PerCpu.Current;
            if (cpu->UserMode.Run != 0) throw new InvalidOperationException("a ring-3 run is already in progress");
            var state = new RunState { Space = space, Policy = policy, Monitor = monitor, ClearChildTid = clearChildTid, Thread = thread };
            cpu->UserMode.Run = Unsafe.As<RunState, nint>(ref state);
            SetSyscallMsrs();
            s_handlersLock.Enter();
            if (++s_activeRuns == 1) ReplaceHandlers();
            s_handlersLock.Exit();
            HostSignalRelay.Install();
            UserModeNative.Enter(&start, space.Root, &OnEntry);
            if (state.HeldRelays != 0) RelayHeld(state);
            RunResult result = ThreadEnded(state, first);
            s_handlersLock.Enter();
            if (--s_activeRuns == 0) RestoreHandlers();
            s_handlersLock.Exit();
            cpu->UserMode.Run = 0;
            return result;
        }

        /// <summary>
        /// Points this CPU's SYSCALL at the monitor (STAR, LSTAR, FMASK): at each run's start, and in a forked child,
        /// whose new vCPU may not carry these MSRs over (dune.ko's fork copies registers and segments only).
        /// </summary>
        internal static void SetSyscallMsrs()
        {
            Instructions.Wrmsr(MsrStar, (ulong)SystemTables.KernelData << 48 | (ulong)SystemTables.KernelCode << 32);
            Instructions.Wrmsr(MsrLstar, UserModeNative.SyscallEntryAddress());
            Instructions.Wrmsr(MsrFmask, SyscallFlagsMask);
        }

        private static bool Replaceable(int v) =>
            v != ExceptionVectors.Nmi && v != ExceptionVectors.DoubleFault && v != ExceptionVectors.MachineCheck;

        private static void ReplaceHandlers()
        {
            for (int v = 0; v < Vectors; v++)
                if (Replaceable(v)) s_replaced.Of[v] = (long)Traps.Traps.Register((Vector)v, &OnTrap);
        }

        private static void RestoreHandlers()
        {
            for (int v = 0; v < Vectors; v++)
                if (Replaceable(v)) Traps.Traps.Register((Vector)v, (delegate*<ref TrapFrame, TrapAction>)s_replaced.Of[v]);
        }

        /// <summary>
        /// What Allow would do with <paramref name="call"/> (<see cref="SyscallTable"/>'s treatment, pointer and
        /// descriptor checks included): for a monitor's Emulate handler that checks something first, then passes
        /// the call on. Only during a run, from the monitor. An EINTR it returns (a host signal for the program caught the
        /// call) is then treated as Allow's: the call is made again unless a handler of the program's will run.
        /// </summary>
        public static long PassThrough(in SyscallCall call)
        {
            RunState run = Current() ?? throw new InvalidOperationException("no ring-3 run in progress");
            long r = UserKernel.PassThrough(run.Space, call);
            if (r == -EINTR) run.PassThroughInterrupted = true;
            return r;
        }

        /// <summary>
        /// Every entry from ring 3: a SYSCALL, or a trap <see cref="OnTrap"/> passed on (<see cref="UserModeState.Entry"/>).
        /// <paramref name="fpu"/> is ring 3's FXSAVE image, restored on return. Returns 0 to resume with SYSRETQ,
        /// <see cref="ResumeAll"/> to resume restoring every register, 1 to end the run.
        /// </summary>
        [System.Runtime.InteropServices.UnmanagedCallersOnly]
        private static int OnEntry(UserFrame* frame, byte* fpu)
        {
            PerCpu* cpu = PerCpu.Current;
            RunState run = RunOn(cpu);
            long entry = cpu->UserMode.Entry;
            cpu->UserMode.Entry = UserModeState.SyscallEntry;
            if (entry == UserModeState.InterruptEntry)
            {
                RelayHostSignals();
                return Resume(run, cpu, frame, fpu, ResumeAll);
            }
            if (entry == UserModeState.FaultEntry) return OnFault(run, frame, fpu);

            var call = new SyscallCall(frame);
            long nr = call.Number;
            if (nr == SyscallNumber.Exit || nr == SyscallNumber.ExitGroup)
            {
                run.Result = new RunResult { End = RunEnd.Exited, ExitCode = (int)call.Arg0, ThreadOnly = nr == SyscallNumber.Exit };
                run.Monitor?.Observe(call, SyscallAction.Allow, 0);
                if (nr == SyscallNumber.Exit)
                {
                    ClearChildTid(run);
                    LeaveOnExit(run);
                }
                UserFork.ExitVforkChild(run.Space);
                return 1;
            }
            SyscallAction action = run.Policy.Decide(nr);
            long result;
            switch (action.Verdict)
            {
                case SyscallVerdict.Allow:
                    if (nr == RtSigreturn) return SigReturn(run, call, fpu);
                    result = UserKernel.PassThrough(run.Space, call);
                    if (result == -EPIPE) RaiseBrokenPipe(run.Thread, call);
                    break;
                case SyscallVerdict.Deny: result = action.DeniedResult; break;
                case SyscallVerdict.Emulate:
                    run.PassThroughInterrupted = false;
                    result = run.Monitor != null ? run.Monitor.Emulate(action.Handler, call) : -SyscallPolicy.ENOSYS;
                    break;
                default:
                    run.Result = new RunResult { End = RunEnd.Killed, SyscallNumber = nr };
                    run.Monitor?.Observe(call, action, 0);
                    return 1;
            }
            run.Monitor?.Observe(call, action, result);
            if (run.Exec != null)
            {
                if (result == 0) return CompleteExec(run, frame, fpu);
                run.Exec = null;
            }
            frame->Rax = (ulong)result;
            if (result == -EINTR && (action.Verdict == SyscallVerdict.Allow || run.PassThroughInterrupted)) RestartIfNoHandlerInterrupts(run.Thread, frame, nr);
            else if (result == HypercallBlock.NotStarted) Repeat(frame, nr); // after the handlers Resume runs, as on Linux
            return Resume(run, cpu, frame, fpu, 0);
        }

        /// <summary>Delivers the program's deliverable signals, then resumes ring 3 <paramref name="how"/> (1 if a signal ended it); <paramref name="cpu"/> is this CPU.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Resume(RunState run, PerCpu* cpu, UserFrame* frame, byte* fpu, int how)
        {
            // The host relays no signal from here on (one relayed after the look below would stay pending while ring 3
            // runs on without a call): usermode.S clears this and, if one came meanwhile, enters again to relay it.
            if (run.HeldRelays != 0) RelayHeld(run);
            cpu->Signals.Delivering = 1;
            cpu->Signals.HandlersRan = 0;
            if (!DeliverSignals(run, frame, fpu)) return 1;
            return frame->Rip < UserAddressLimit ? how : EndAtNonCanonicalRip(run, frame);
        }

        /// <summary>
        /// A monitor or a handler's context moved rip out of the lower half: SYSRET and IRET would fault in ring 0, so
        /// the run ends as with the #GP ring 3 would have taken there.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int EndAtNonCanonicalRip(RunState run, UserFrame* frame)
        {
            run.Result = new RunResult { End = RunEnd.Faulted, Vector = GeneralProtection, Rip = frame->Rip, Signal = FaultSignals.SigSegv };
            return 1;
        }

        /// <summary>
        /// The replaced handler decides first; a ring-3 exception it declines, and the host's signal interrupt
        /// from ring 3, go to the monitor (<see cref="OnEntry"/>) as an entry like a SYSCALL.
        /// </summary>
        private static TrapAction OnTrap(ref TrapFrame frame)
        {
            PerCpu* cpu = PerCpu.Current;
            bool user = frame.FromUserMode && cpu->UserMode.Run != 0;
            if (user && frame.Vector == (ulong)SignalDelivery.Vector) return EnterMonitor(ref frame, cpu, UserModeState.InterruptEntry);
            var replaced = (delegate*<ref TrapFrame, TrapAction>)s_replaced.Of[frame.Vector];
            if (replaced != null)
            {
                TrapAction action = replaced(ref frame);
                if (action != TrapAction.Terminate) return action;
            }
            return user ? EnterMonitor(ref frame, cpu, UserModeState.FaultEntry) : TrapAction.Terminate;
        }

        /// <summary>
        /// Writes ring 3's registers where the SYSCALL entry builds its frame (whose fsbase slot already holds ring
        /// 3's FS base) and makes the trap return to usermode.S's trap entry in ring 0, which calls <see cref="OnEntry"/>.
        /// Runs on the trap stack: no allocation.
        /// </summary>
        private static TrapAction EnterMonitor(ref TrapFrame t, PerCpu* cpu, long entry)
        {
            RunState run = Current();
            cpu->UserMode.Entry = entry;
            run.TrapVector = t.Vector;
            run.TrapError = t.ErrorCode;
            run.TrapCr2 = t.Cr2;
            var u = (UserFrame*)(cpu->UserMode.KernelRsp - (ulong)sizeof(UserFrame));
            u->R15 = t.R15; u->R14 = t.R14; u->R13 = t.R13; u->R12 = t.R12; u->R11 = t.R11; u->R10 = t.R10; u->R9 = t.R9; u->R8 = t.R8;
            u->Rbp = t.Rbp; u->Rdi = t.Rdi; u->Rsi = t.Rsi; u->Rdx = t.Rdx; u->Rcx = t.Rcx; u->Rbx = t.Rbx; u->Rax = t.Rax;
            u->Rip = t.Rip; u->Cs = t.Cs; u->Rflags = t.Rflags; u->Rsp = t.Rsp; u->Ss = t.Ss;
            t.Rip = UserModeNative.TrapEntryAddress();
            t.Cs = SystemTables.KernelCode;
            t.Ss = SystemTables.KernelData;
            t.Rsp = (ulong)u;
            t.Rflags = UserFrame.InitialFlags;
            return TrapAction.Resume;
        }
    }
}
