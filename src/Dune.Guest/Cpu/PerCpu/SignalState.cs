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
        /// Nonzero while the guest makes a call whose caller decides itself whether a signal restarts it (a sandboxed
        /// program's, UserMode/ProgramCall): a pending signal fails it with EINTR unless its registration asked for
        /// restart. The guest's other calls never fail for a signal (Backends/Host/HypercallForwarding).
        /// <see cref="DeliveredBeforeCall"/>: handlers of a signal without restart ran in the guest after the caller's
        /// last look at its signals and before the hypercall, so the call fails with EINTR without starting.
        /// </summary>
        public long InterruptibleCall;

        /// <summary><see cref="InterruptibleCall"/> once a delivery (Traps/SignalDelivery) ran inside the call's window.</summary>
        public const long DeliveredBeforeCall = 2;
    }
}
