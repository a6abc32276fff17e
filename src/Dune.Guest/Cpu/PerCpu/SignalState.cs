using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>
    /// POSIX signals on their way into the guest (Platform/PosixSignals, Traps/SignalDelivery). The host half
    /// writes <see cref="Pending"/> only while the vCPU is stopped (from its signal handler or its loop), the
    /// guest only while it runs: one thread does both, so no locking.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct SignalState
    {
        /// <summary>Bit n-1: signal n arrived for this CPU and its handlers have not run yet.</summary>
        public ulong Pending;
        /// <summary>
        /// Nonzero while the guest runs handlers (the host injects no nested delivery, as Linux blocks a signal in its
        /// handler), and while a ring-3 run's monitor makes its last look at the program's signals before ring 3
        /// resumes (UserMode/Ring3: a signal relayed after that look would stay pending unseen). Whoever clears it looks
        /// at <see cref="Pending"/> again: the host held back what came meanwhile.
        /// </summary>
        public long Delivering;
        /// <summary>A byte the host sets to make the vCPU leave the guest at once (KVM: kvm_run.immediate_exit).</summary>
        public byte* ExitRequest;
        /// <summary>
        /// The host half's one-shot timer that brings the vCPU out again when it could not deliver (the guest was in
        /// its ring-crossing code, Backends/Host/DeliveryRetry), and the thread that created it (timers are per
        /// process: a forked child or another thread makes its own).
        /// </summary>
        public int RetryTimer, RetryTimerTid;
        /// <summary>
        /// Set when the guest ran the handlers of a signal other than the collector's stop (Traps/SignalDelivery); the
        /// caller of an interruptible call (<see cref="HypercallBlock.InterruptibleCallFlag"/>) clears it when it looks
        /// at its own signals before the call (UserMode/ProgramCall): set at the call, handlers made signals after that
        /// look, which the call would wait with unseen, so it does not start (<see cref="HypercallBlock.NotStarted"/>:
        /// ring 3 makes it again after the program's handler).
        /// </summary>
        public long HandlersRan;
    }
}
