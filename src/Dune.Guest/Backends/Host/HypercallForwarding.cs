using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// How either backend's host half performs a guest's system call: a plain one (<see cref="PlainHypercalls"/>)
    /// straight from the hypercall block, the others through the backend's own follow-up (fork, threads, the mirror),
    /// and a call a signal interrupted restarts after the guest's handlers when Linux would restart it.
    /// </summary>
    internal static unsafe class HypercallForwarding
    {
        private const long EINTR = 4;

        /// <summary>Makes the call in the calling vCPU's hypercall block (host-half.S: GS base is that vCPU's PerCpu) and returns its result.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_forward_hypercall")]
        public static extern long Forward();

        /// <summary>
        /// Performs the call in <paramref name="cpu"/>'s block: plain ones here, the others through
        /// <paramref name="changeVm"/>(cpu, nr, block), which returns the result. A call the signals interrupted sets
        /// the block's restart flag instead of a result when Linux would restart it: the guest's handlers run first
        /// (delivered before the stub continues), then the stub repeats the call.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Perform(PerCpu* cpu, delegate*<PerCpu*, long, HypercallBlock*, long> changeVm)
        {
            HypercallBlock* b = &cpu->Hypercall;
            long nr = b->Nr;
            long interruptible = cpu->Signals.InterruptibleCall;
            if (interruptible == SignalState.DeliveredBeforeCall)
            {
                // The program's signal came after its call's last look and was relayed before the hypercall: the call
                // would wait with it unseen, as if it had not started.
                b->Result = -EINTR;
                return;
            }
            long r;
            if (PlainHypercalls.Contains(nr))
            {
                // The guest's own calls start whatever came since the loop looked (a signal never fails them, and its
                // handlers run as soon as the call returns) unless the collector's stop waits: a blocking call must not
                // sleep on that. Under signals faster than a delivery, a call that waited for none would never start.
                if (interruptible == 0 && (cpu->Signals.Pending & Traps.SignalDelivery.StopPending) == 0) *cpu->Signals.ExitRequest = 0;
                r = Forward();
            }
            else r = changeVm(cpu, nr, b);
            if (r == -EINTR || r == ForwardedCall.NotStarted)
            {
                if (Restarts(r, cpu->Signals.Pending, interruptible != 0, nr, b->A1))
                {
                    b->Flags |= HypercallBlock.RestartFlag;
                    return;
                }
                r = -EINTR;
            }
            b->Result = r;
        }

        /// <summary>
        /// Whether a call that returned <paramref name="r"/> (-EINTR from the kernel, or <see cref="ForwardedCall.NotStarted"/>)
        /// runs again after the handlers of <paramref name="pending"/>.
        /// The guest's own calls never fail for a signal: one the kernel interrupted restarts (but for the waits Linux
        /// never restarts), one that never started is made after the handlers, as Linux makes a call after a handler
        /// that ran just before it.
        /// An <paramref name="interruptible"/> call (<see cref="SignalState.InterruptibleCall"/>), one the kernel
        /// interrupted, restarts when every pending handler asks for it. One that never started is as on Linux when the
        /// signal comes just before a call that waits for it: EINTR unless the handlers ask for restart; one that never
        /// waits (a futex wake) is made after them; with the signals already taken (none pending) it is simply made.
        /// </summary>
        private static bool Restarts(long r, ulong pending, bool interruptible, long nr, long a1)
        {
            if (!interruptible) return r == ForwardedCall.NotStarted || (pending != 0 && !PosixSignals.NeverRestarted(nr));
            if (r == -EINTR) return pending != 0 && PosixSignals.Restarts(pending, nr);
            return pending == 0 || PosixSignals.Restarts(pending, nr) || PosixSignals.NeverWaits(nr, a1);
        }
    }
}
