using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The program's own calls that may wait, made for it by the monitor (the passed-through ones, sleeps and polls,
    /// rt_sigsuspend's pause): a host signal for the program (a relayed one, or the monitor's wake) fails them with
    /// EINTR, and the monitor then restarts the call or returns EINTR as Linux would (<see cref="Ring3"/>,
    /// <see cref="UserKernel"/>'s waits). Every other call of the monitor goes on through such a signal
    /// (Backends/Host/HypercallForwarding): its own work never sees an EINTR meant for the program.
    /// A call the thread has a signal to take before (relayed during the monitor's own work, or raised by another
    /// thread) is EINTR at once: nothing would interrupt its wait (the wake came before it).
    /// </summary>
    internal static unsafe class ProgramCall
    {
        private const long EINTR = 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long Invoke(long nr, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0)
        {
            PerCpu* cpu = PerCpu.Current;
            cpu->Signals.InterruptibleCall = 1;
            ThreadSignals thread = Ring3.CurrentThread;
            long r = thread != null && (thread.NextDeliverable() != 0 || thread.Ending) ? -EINTR : Syscall.Invoke(nr, a0, a1, a2, a3, a4, a5);
            cpu->Signals.InterruptibleCall = 0;
            return r;
        }
    }
}
