using System.Runtime.InteropServices;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Host signals meant for the sandboxed program reach it instead of ending the monitor, with their sender's siginfo
    /// (<see cref="HostSignalSenders"/>: kill's si_pid and si_uid, sigqueue's value, SIGCHLD's child and status): the terminal's
    /// (SIGHUP, SIGINT, SIGQUIT, the stop signals), another process's (SIGUSR1, SIGUSR2, SIGTERM, real-time signals:
    /// the program's parent's kill reaches it this way), the timers it set through the host (alarm, setitimer:
    /// SIGALRM, SIGVTALRM, SIGPROF; POSIX timers: their own signal), its children's ends (SIGCHLD) and its CPU limit (SIGXCPU); see <see cref="Relays"/>. Each gets a C# handler
    /// (<see cref="PosixSignals"/>) that makes it pending for the run in progress on this CPU, with the sender's
    /// siginfo (SI_KERNEL if it was lost), or for a POSIX timer of the program's (<see cref="ProgramTimers"/>) the host's own siginfo
    /// (<see cref="HostTimerSignals"/>: SI_TIMER, si_tid, si_overrun, si_value; to the timer's thread for
    /// SIGEV_THREAD_ID), and cancels the monitor's default action; between runs the default action is the monitor's.
    /// The handler runs in ring 0: at the host's signal interrupt when ring 3 was running (<see cref="Ring3"/>
    /// takes it as a preemption point), or inside the monitor's own work.
    /// </summary>
    internal static class HostSignalRelay
    {
        /// <summary>
        /// The monitor's own signal that wakes a thread of the program from a host call (<see cref="Ring3.Wake"/>): its
        /// handler does nothing, so the call returns EINTR and the monitor looks at the thread's signals again. The
        /// collector's stop is 35, the KVM host halves' kick 36, the backends' delivery retry 37.
        /// </summary>
        public const int WakeSignal = 38;
        /// <summary>
        /// The host signal of the program's POSIX timers whose own signal is the monitor's (<see cref="Relays"/> is false
        /// for it; <see cref="ProgramTimers"/>): the wake, whose handler raises the timer's signal from the timer's siginfo.
        /// </summary>
        public const int TimerCarrier = WakeSignal;
        private static bool s_installed;
        /// <summary><see cref="IgnoredAtStart"/>, once read (bit 63 set: read).</summary>
        private static ulong s_ignoredAtStart;
        private const ulong Read = 1UL << 63;

        /// <summary>
        /// The relayed signals (bit n-1: signal n) the process started with ignored, read before the relay's handlers
        /// replace them: the program starts with them ignored too, as a program exec'd by nohup would.
        /// </summary>
        public static ulong IgnoredAtStart()
        {
            if ((s_ignoredAtStart & Read) != 0) return s_ignoredAtStart & ~Read;
            ulong ignored = 0;
            for (int signal = 1; signal <= ProgramSignals.Count; signal++)
                if (Relays(signal) && PosixSignals.IsIgnored(signal)) ignored |= 1UL << (signal - 1);
            s_ignoredAtStart = ignored | Read;
            return ignored;
        }

        /// <summary>
        /// Whether a host signal <paramref name="signal"/> to the monitor becomes the program's: every catchable one
        /// but the faults the runtime handles itself (SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS), SIGPIPE (the
        /// monitor ignores it; the program gets its own from EPIPE) and the runtime's and the monitor's own (35 to 38).
        /// </summary>
        public static bool Relays(int signal) =>
            signal >= 1 && signal <= ProgramSignals.Count && signal != 4 && signal != 5 && signal != 7 && signal != 8 && signal != 9
            && signal != 11 && signal != 13 && signal != 19 && signal != 31 && (signal < 35 || signal > WakeSignal);

        /// <summary>
        /// Registers the handlers once per process (the first run), without restart: a wait of the monitor's own
        /// that such a signal interrupts returns EINTR, and one it caught before it started is made after the relay
        /// (Backends/Host/HypercallForwarding), so the monitor's work never fails for a signal meant for the program.
        /// </summary>
        public static void Install()
        {
            if (s_installed) return;
            s_installed = true;
            IgnoredAtStart();
            for (int signal = 1; signal <= ProgramSignals.Count; signal++)
            {
                if (!Relays(signal)) continue;
                int relayed = signal;
                PosixSignals.Register((PosixSignal)relayed, context => Relay(relayed, context), false);
            }
            PosixSignals.Register((PosixSignal)WakeSignal, OnWake, false);
        }

        /// <summary>
        /// The signal becomes the process's, for a thread that does not block it (preferably the one it interrupted), which
        /// is woken; with a timer's siginfo for each of the program's timers that sent it. Held for later
        /// (<see cref="Ring3.HoldRelay"/>) when it interrupted this CPU's monitor inside the program's signal state.
        /// </summary>
        private static void Relay(int signal, PosixSignalContext context)
        {
            UserSpace space = Ring3.Space;
            if (space == null) return;
            context.Cancel = true;
            if (!Ring3.HoldRelay(space, signal)) RelayTo(space, signal);
        }

        /// <summary>The monitor's wake does nothing but interrupt a wait; as <see cref="TimerCarrier"/> it brings the signals of the timers it carries.</summary>
        private static void OnWake(PosixSignalContext context)
        {
            context.Cancel = true;
            UserSpace space = Ring3.Space;
            if (space != null && !Ring3.HoldRelay(space, WakeSignal)) RelayTo(space, WakeSignal);
        }

        /// <summary>
        /// Relays <paramref name="signal"/> (a relayed one, or <see cref="WakeSignal"/> with the timers it carries) into
        /// <paramref name="space"/>'s signal state; this CPU's monitor is not inside it.
        /// </summary>
        internal static void RelayTo(UserSpace space, int signal)
        {
            if (signal == WakeSignal)
            {
                while (HostTimerSignals.Take(TimerCarrier, out ulong carried, out ulong carriedValue))
                {
                    int timerSignal = space.Timers.CarriedSignalOf((int)carried);
                    if (timerSignal != 0) RaiseTimer(space, timerSignal, carried, carriedValue);
                }
                return;
            }
            bool timer = false;
            while (HostTimerSignals.Take(signal, out ulong timerAndOverrun, out ulong sigval))
            {
                RaiseTimer(space, signal, timerAndOverrun, sigval);
                timer = true;
            }
            if (timer) return;
            SignalInfo info = HostSignalSenders.Take(signal, out int code, out ulong sender, out ulong detail)
                ? SignalInfo.FromSiginfo(signal, code, sender, detail)
                : SignalInfo.FromKernel(signal);
            Ring3.Wake(space.Signals.Raise(info, Ring3.CurrentThread));
        }

        /// <summary>Timer <paramref name="timerAndOverrun"/>'s <paramref name="signal"/>, for its thread (SIGEV_THREAD_ID) or the process.</summary>
        private static void RaiseTimer(UserSpace space, int signal, ulong timerAndOverrun, ulong sigval)
        {
            SignalInfo info = SignalInfo.FromTimer(signal, timerAndOverrun, sigval);
            ThreadSignals target = space.Timers.TargetOf((int)timerAndOverrun);
            if (target != null) target.Raise(info);
            Ring3.Wake(target ?? space.Signals.Raise(info, Ring3.CurrentThread));
        }
    }
}
