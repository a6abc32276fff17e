using Dune.Cpu;

namespace Dune.Backends
{
    /// <summary>When either backend's host half makes its vCPU take the signal vector (Traps/SignalDelivery) before the next entry.</summary>
    internal static unsafe class PendingSignals
    {
        /// <summary>
        /// Signals are pending, and no handler runs in the guest yet: a running handler gets no nested delivery,
        /// except to stop for a collection.
        /// </summary>
        public static bool DueForDelivery(PerCpu* cpu) =>
            cpu->Signals.Pending != 0
            && (cpu->Signals.Delivering == 0 || (cpu->Signals.Pending & Traps.SignalDelivery.StopPending) != 0);
    }
}
