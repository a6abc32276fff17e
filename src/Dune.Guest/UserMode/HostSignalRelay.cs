using System.Runtime.InteropServices;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Host signals meant for the sandboxed program reach it instead of ending the monitor: the terminal's
    /// (SIGHUP, SIGINT, SIGQUIT), another process's (SIGUSR1, SIGUSR2, SIGTERM), the timers it set through the
    /// host (alarm, setitimer: SIGALRM, SIGVTALRM, SIGPROF), its children's ends (SIGCHLD) and its CPU limit (SIGXCPU). Each gets a C# handler
    /// (<see cref="PosixSignals"/>) that makes it pending for the run in progress on this CPU, with si_code
    /// SI_KERNEL, and cancels the monitor's default action; between runs the default action is the monitor's.
    /// The handler runs in ring 0: at the host's signal interrupt when ring 3 was running (<see cref="Ring3"/>
    /// takes it as a preemption point), or inside the monitor's own work.
    /// </summary>
    internal static class HostSignalRelay
    {
        private static readonly int[] s_relayed = { 1, 2, 3, 10, 12, 14, 15, 17, 24, 26, 27 };
        private static bool s_installed;

        /// <summary>Registers the handlers once per process (the first run).</summary>
        public static void Install()
        {
            if (s_installed) return;
            s_installed = true;
            for (int i = 0; i < s_relayed.Length; i++)
            {
                int signal = s_relayed[i];
                PosixSignals.Register((PosixSignal)signal, context => Relay(signal, context), false);
            }
        }

        private static void Relay(int signal, PosixSignalContext context)
        {
            UserSpace space = Ring3.Space;
            if (space == null) return;
            space.Signals.Raise(SignalInfo.FromKernel(signal));
            context.Cancel = true;
        }
    }
}
