using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The program's own calls that may wait, made for it by the monitor (the passed-through ones, sleeps and polls,
    /// rt_sigsuspend's pause), marked as hypercalls whose caller decides about restarts
    /// (<see cref="HypercallBlock.InterruptibleCallFlag"/>; Dune mode only): a host signal for the program (a relayed one, or the monitor's wake) fails them with
    /// EINTR, and the monitor then restarts the call or returns EINTR as Linux would (<see cref="Ring3"/>,
    /// <see cref="UserKernel"/>'s waits). Every other call of the monitor that such a signal caught before it started
    /// is made after the relay (<see cref="HostSignalRelay"/>): its own work never fails for a signal meant for the program.
    /// A call made after the host's signals were relayed since its caller looked at the thread's signals
    /// (<see cref="SignalsDue"/>, and Ring3's look before ring 3 resumes) does not start
    /// (<see cref="HypercallBlock.NotStarted"/>: nothing would interrupt its wait, the wake came before it); ring 3
    /// makes it again after the program's handler.
    /// </summary>
    internal static unsafe class ProgramCall
    {
        /// <summary>The program's call <paramref name="call"/> as it made it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long Invoke(in SyscallCall call) =>
            Syscall.Invoke(call.Number | HypercallBlock.InterruptibleCallFlag, call.Arg0, call.Arg1, call.Arg2, call.Arg3, call.Arg4, call.Arg5);

        /// <summary>System call <paramref name="nr"/> for the program.</summary>
        public static long Invoke(long nr, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0) =>
            Syscall.Invoke(nr | HypercallBlock.InterruptibleCallFlag, a0, a1, a2, a3, a4, a5);

        /// <summary>
        /// The look at <paramref name="thread"/>'s signals before a call of the program's: whether it has one to take
        /// (or must end, or is none). The host's signals relayed after the look make the call EINTR.
        /// </summary>
        public static bool SignalsDue(ThreadSignals thread)
        {
            PerCpu* cpu = PerCpu.Current;
            Ring3.RelayHeldSignals(cpu);
            cpu->Signals.HandlersRan = 0;
            return thread == null || thread.HasDeliverable() || thread.Ending;
        }
    }
}
