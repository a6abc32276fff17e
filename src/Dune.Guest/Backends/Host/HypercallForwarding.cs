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
            long nr = b->Nr & ~HypercallBlock.InterruptibleCallFlag;
            bool interruptible = nr != b->Nr;
            if (interruptible && cpu->Signals.HandlersRan != 0)
            {
                // Handlers made signals after the caller's last look: the call would wait with them unseen.
                b->Result = HypercallBlock.NotStarted;
                return;
            }
            long r = PlainHypercalls.Contains(nr) ? Forward() : changeVm(cpu, nr, b);
            if (r == -EINTR || r == ForwardedCall.NotStarted)
            {
                if (Restarts(r, cpu->Signals.Pending, interruptible, nr, b->A1))
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
        /// runs again after the handlers of <paramref name="pending"/>. The guest's own call that never started is made
        /// after them, as Linux makes a call after a handler that ran just before it. One the kernel interrupted restarts when every
        /// pending handler asks for it (for an <paramref name="interruptible"/> call, <see cref="HypercallBlock.InterruptibleCallFlag"/>:
        /// when only the collector's stop is pending). An interruptible one that never started fails with EINTR unless
        /// the handlers ask for restart (its caller makes it again after the program's handler); one that never waits
        /// (a futex wake) is made after them; with the signals already taken (none pending) it is simply made.
        /// </summary>
        private static bool Restarts(long r, ulong pending, bool interruptible, long nr, long a1)
        {
            if (!interruptible && r == ForwardedCall.NotStarted) return true;
            if (r == -EINTR) return pending != 0 && PosixSignals.Restarts(pending, interruptible, nr);
            return pending == 0 || PosixSignals.Restarts(pending, interruptible, nr) || PosixSignals.NeverWaits(nr, a1);
        }
    }
}
