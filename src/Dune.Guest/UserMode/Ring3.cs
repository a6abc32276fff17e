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
    /// SYSCALL (LSTAR = usermode.S's entry) arrives in <see cref="OnSyscall"/> on the caller's stack with the
    /// runtime's page tables and FS base: the policy decides, Allow passes the call through
    /// (<see cref="UserKernel"/>), Deny returns -errno, Emulate asks the monitor. Exceptions from ring 3 first
    /// reach the vector's handler registered with <see cref="Traps.Traps.Register"/> (its frame has
    /// <see cref="TrapFrame.FromUserMode"/>; Resume or SkipInstruction continue ring 3): while runs are in
    /// progress, Ring3's own handler is registered for every vector (but NMI, #DF, #MC) and asks the one it
    /// replaced first; that includes 32..255, whose gates let ring 3 raise them with <c>int n</c>. Unhandled ones end the run with a <see cref="RunEnd.Faulted"/> report. Ring-0
    /// exceptions go on to the replaced handler or the backend as usual.
    /// The run's state is the CPU's (<see cref="PerCpu.UserMode"/>); only the handler registration is the process's.
    /// </summary>
    public static unsafe class Ring3
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
        }

        private const int Vectors = 256;

        /// <summary>The handlers Ring3's own replaced while <see cref="s_activeRuns"/> is nonzero.</summary>
        private struct ReplacedHandlers
        {
            public fixed long Of[Vectors];
        }

        private static ReplacedHandlers s_replaced;
        private static int s_activeRuns;

        /// <summary>The space of the run in progress on this CPU (null between runs).</summary>
        public static UserSpace Space => Current()?.Space;

        private static RunState Current() => Unsafe.As<nint, RunState>(ref PerCpu.Current->UserMode.Run);

        /// <summary>Runs ring 3 from <paramref name="start"/> in <paramref name="space"/> under <paramref name="policy"/>.</summary>
        public static RunResult Run(UserSpace space, UserFrame start, SyscallPolicy policy, SyscallMonitor monitor = null)
        {
            if (DuneMode.CurrentPrivilegeLevel() != 0) throw new InvalidOperationException("ring 3 runs need Dune mode (ring 0)");
            PerCpu* cpu = PerCpu.Current;
            if (cpu->UserMode.Run != 0) throw new InvalidOperationException("a ring-3 run is already in progress");
            var state = new RunState { Space = space, Policy = policy, Monitor = monitor };
            cpu->UserMode.Run = Unsafe.As<RunState, nint>(ref state);
            Instructions.Wrmsr(MsrStar, (ulong)SystemTables.KernelData << 48 | (ulong)SystemTables.KernelCode << 32);
            Instructions.Wrmsr(MsrLstar, UserModeNative.SyscallEntryAddress());
            Instructions.Wrmsr(MsrFmask, SyscallFlagsMask);
            if (s_activeRuns++ == 0) ReplaceHandlers();
            UserModeNative.Enter(&start, space.Root, &OnSyscall);
            if (--s_activeRuns == 0) RestoreHandlers();
            cpu->UserMode.Run = 0;
            return state.Result;
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
        /// the call on. Only during a run, from the monitor.
        /// </summary>
        public static long PassThrough(in SyscallCall call)
        {
            RunState run = Current() ?? throw new InvalidOperationException("no ring-3 run in progress");
            return UserKernel.PassThrough(run.Space, call);
        }

        /// <summary>Returns nonzero to end the run, zero to resume ring 3 with rax = the result.</summary>
        [System.Runtime.InteropServices.UnmanagedCallersOnly]
        private static int OnSyscall(UserFrame* frame)
        {
            RunState run = Current();
            var call = new SyscallCall(frame);
            long nr = call.Number;
            if (nr == SyscallNumber.Exit || nr == SyscallNumber.ExitGroup)
            {
                run.Result = new RunResult { End = RunEnd.Exited, ExitCode = (int)call.Arg0 };
                run.Monitor?.Observe(call, SyscallAction.Allow, 0);
                return 1;
            }
            SyscallAction action = run.Policy.Decide(nr);
            long result;
            switch (action.Verdict)
            {
                case SyscallVerdict.Allow: result = UserKernel.PassThrough(run.Space, call); break;
                case SyscallVerdict.Deny: result = action.DeniedResult; break;
                case SyscallVerdict.Emulate: result = run.Monitor != null ? run.Monitor.Emulate(action.Handler, call) : -SyscallPolicy.ENOSYS; break;
                default:
                    run.Result = new RunResult { End = RunEnd.Killed, SyscallNumber = nr };
                    run.Monitor?.Observe(call, action, 0);
                    return 1;
            }
            run.Monitor?.Observe(call, action, result);
            if (run.Space.Signals.FatalSignal != 0)
            {
                run.Result = new RunResult { End = RunEnd.Signaled, Signal = run.Space.Signals.FatalSignal };
                return 1;
            }
            frame->Rax = (ulong)result;
            if (frame->Rip >= UserAddressLimit)
            {
                // A monitor moved rip out of the lower half: SYSRET (and IRET) would fault in ring 0, so end the
                // run as the #GP ring 3 would have taken there.
                run.Result = new RunResult { End = RunEnd.Faulted, Vector = GeneralProtection, Rip = frame->Rip };
                return 1;
            }
            return 0;
        }

        /// <summary>The replaced handler decides first; a ring-3 exception it declines ends the run.</summary>
        private static TrapAction OnTrap(ref TrapFrame frame)
        {
            var replaced = (delegate*<ref TrapFrame, TrapAction>)s_replaced.Of[frame.Vector];
            if (replaced != null)
            {
                TrapAction action = replaced(ref frame);
                if (action != TrapAction.Terminate) return action;
            }
            PerCpu* cpu = PerCpu.Current;
            if (!frame.FromUserMode || cpu->UserMode.Run == 0) return TrapAction.Terminate;
            Current().Result = new RunResult
            {
                End = RunEnd.Faulted, Vector = frame.Vector, ErrorCode = frame.ErrorCode, Cr2 = frame.Cr2, Rip = frame.Rip,
            };
            // iretq to ring 0 at the exit stub, which restores the runtime's CR3 and FS base and returns from Enter.
            frame.Rip = UserModeNative.FaultExitAddress();
            frame.Cs = SystemTables.KernelCode;
            frame.Ss = SystemTables.KernelData;
            frame.Rsp = cpu->UserMode.KernelRsp;
            frame.Rflags = UserFrame.InitialFlags;
            return TrapAction.Resume;
        }
    }
}
