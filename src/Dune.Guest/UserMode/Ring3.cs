using System;
using Dune.Platform;
using Dune.Traps;

namespace Dune.UserMode
{
    /// <summary>
    /// Runs code in ring 3 from a Dune process in ring 0 and interposes on its system calls. One run at a time;
    /// <see cref="Run"/> returns when the program exits (exit/exit_group end the run, not the process), the
    /// policy kills it, or it takes an exception nobody handles.
    ///
    /// SYSCALL (LSTAR = usermode.S's entry) arrives in <see cref="OnSyscall"/> on the caller's stack with the
    /// runtime's page tables and FS base: the policy decides, Allow passes the call through
    /// (<see cref="UserKernel"/>), Deny returns -errno, Emulate asks the monitor. Exceptions from ring 3 first
    /// reach the vector's handler registered with <see cref="Traps.Traps.Register"/> (its frame has
    /// <see cref="TrapFrame.FromUserMode"/>; Resume or SkipInstruction continue ring 3). Unhandled ones reach
    /// the run's catch-all handler, installed in <see cref="TrapHandler"/>'s slot for the duration of the run
    /// (it replaces one installed before and removes itself after), which ends the run with a
    /// <see cref="RunEnd.Faulted"/> report. Ring-0 exceptions go on to the backend as usual.
    /// </summary>
    public static unsafe class Ring3
    {
        private const uint MsrStar = 0xC000_0081, MsrLstar = 0xC000_0082, MsrFmask = 0xC000_0084;
        /// <summary>SYSCALL clears TF, IF, DF, IOPL, NT and AC, like Linux.</summary>
        private const ulong SyscallFlagsMask = 0x4_7700;
        private const ulong UserAddressLimit = 1UL << 47, GeneralProtection = 13;

        private static SyscallPolicy s_policy;
        private static SyscallMonitor s_monitor;
        private static UserSpace s_space;
        private static RunResult s_result;
        private const int SoftwareVectorEnd = 256;
        /// <summary>Which software vectors this run gave <see cref="OnSoftwareInterrupt"/> (those without a handler of their own).</summary>
        private static readonly bool[] s_installed = new bool[SoftwareVectorEnd - (int)Vector.FirstSoftware];

        /// <summary>The space of the run in progress (null between runs).</summary>
        public static UserSpace Space => s_space;

        /// <summary>Runs ring 3 from <paramref name="start"/> in <paramref name="space"/> under <paramref name="policy"/>.</summary>
        public static RunResult Run(UserSpace space, UserFrame start, SyscallPolicy policy, SyscallMonitor monitor = null)
        {
            if (DuneMode.CurrentPrivilegeLevel() != 0) throw new InvalidOperationException("ring 3 runs need Dune mode (ring 0)");
            if (s_space != null) throw new InvalidOperationException("a ring-3 run is already in progress");
            s_space = space;
            s_policy = policy;
            s_monitor = monitor;
            s_result = default;
            Instructions.Wrmsr(MsrStar, (ulong)SystemTables.KernelData << 48 | (ulong)SystemTables.KernelCode << 32);
            Instructions.Wrmsr(MsrLstar, UserModeNative.SyscallEntryAddress());
            Instructions.Wrmsr(MsrFmask, SyscallFlagsMask);
            TrapHandler.Install(&OnTrap);
            InstallSoftwareInterrupts();
            UserModeNative.Enter(&start, space.Root, &OnSyscall);
            RemoveSoftwareInterrupts();
            TrapHandler.Remove();
            s_space = null;
            s_policy = null;
            s_monitor = null;
            return s_result;
        }

        /// <summary>
        /// What Allow would do with <paramref name="call"/> (<see cref="SyscallTable"/>'s treatment, pointer and
        /// descriptor checks included): for a monitor's Emulate handler that checks something first, then passes
        /// the call on. Only during a run, from the monitor.
        /// </summary>
        public static long PassThrough(in SyscallCall call)
        {
            if (s_space == null) throw new InvalidOperationException("no ring-3 run in progress");
            return UserKernel.PassThrough(s_space, call);
        }

        /// <summary>Returns nonzero to end the run, zero to resume ring 3 with rax = the result.</summary>
        [System.Runtime.InteropServices.UnmanagedCallersOnly]
        private static int OnSyscall(UserFrame* frame)
        {
            var call = new SyscallCall(frame);
            long nr = call.Number;
            if (nr == SyscallNumber.Exit || nr == SyscallNumber.ExitGroup)
            {
                s_result = new RunResult { End = RunEnd.Exited, ExitCode = (int)call.Arg0 };
                s_monitor?.Observe(call, SyscallAction.Allow, 0);
                return 1;
            }
            SyscallAction action = s_policy.Decide(nr);
            long result;
            switch (action.Verdict)
            {
                case SyscallVerdict.Allow: result = UserKernel.PassThrough(s_space, call); break;
                case SyscallVerdict.Deny: result = action.DeniedResult; break;
                case SyscallVerdict.Emulate: result = s_monitor != null ? s_monitor.Emulate(action.Handler, call) : -SyscallPolicy.ENOSYS; break;
                default:
                    s_result = new RunResult { End = RunEnd.Killed, SyscallNumber = nr };
                    s_monitor?.Observe(call, action, 0);
                    return 1;
            }
            s_monitor?.Observe(call, action, result);
            if (s_space.Signals.FatalSignal != 0)
            {
                s_result = new RunResult { End = RunEnd.Signaled, Signal = s_space.Signals.FatalSignal };
                return 1;
            }
            frame->Rax = (ulong)result;
            if (frame->Rip >= UserAddressLimit)
            {
                // A monitor moved rip out of the lower half: SYSRET (and IRET) would fault in ring 0, so end the
                // run as the #GP ring 3 would have taken there.
                s_result = new RunResult { End = RunEnd.Faulted, Vector = GeneralProtection, Rip = frame->Rip };
                return 1;
            }
            return 0;
        }

        [System.Runtime.InteropServices.UnmanagedCallersOnly]
        private static int OnTrap(TrapFrame* frame)
        {
            if ((frame->Cs & 3) != 3) return 0;
            EndRun(frame);
            return 1;
        }

        /// <summary>
        /// Vectors 32-255 can be raised from ring 3 with <c>int n</c> (their gates allow it, for programs that use
        /// them in ring 0) and reach only registered handlers, not the catch-all. During a run every one without a
        /// handler gets this one, so <c>int $0x80</c> or <c>int $0x20</c> ends the run as a fault instead of the process.
        /// </summary>
        private static TrapAction OnSoftwareInterrupt(ref TrapFrame frame)
        {
            if ((frame.Cs & 3) != 3) return TrapAction.Terminate;
            fixed (TrapFrame* f = &frame) EndRun(f);
            return TrapAction.Resume;
        }

        private static void InstallSoftwareInterrupts()
        {
            for (int v = (int)Vector.FirstSoftware; v < SoftwareVectorEnd; v++)
            {
                s_installed[v - (int)Vector.FirstSoftware] = Traps.Traps.HandlerOf((Vector)v) == null;
                if (s_installed[v - (int)Vector.FirstSoftware]) Traps.Traps.Register((Vector)v, &OnSoftwareInterrupt);
            }
        }

        private static void RemoveSoftwareInterrupts()
        {
            for (int v = (int)Vector.FirstSoftware; v < SoftwareVectorEnd; v++)
                if (s_installed[v - (int)Vector.FirstSoftware]) Traps.Traps.Unregister((Vector)v);
        }

        /// <summary>Records how ring 3 ended and makes the frame return to ring 0 at the fault exit of usermode.S.</summary>
        private static void EndRun(TrapFrame* frame)
        {
            s_result = new RunResult
            {
                End = RunEnd.Faulted, Vector = frame->Vector, ErrorCode = frame->ErrorCode, Cr2 = frame->Cr2, Rip = frame->Rip,
            };
            // iretq to ring 0 at the exit stub, which restores the runtime's CR3 and FS base and returns from Enter.
            frame->Rip = UserModeNative.FaultExitAddress();
            frame->Cs = SystemTables.KernelCode;
            frame->Ss = SystemTables.KernelData;
            frame->Rsp = UserModeNative.KernelStack();
            frame->Rflags = UserFrame.InitialFlags;
        }
    }
}
