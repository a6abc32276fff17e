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
        /// <paramref name="changeVm"/>(cpu, nr, block), which returns the result. A call a signal kept from starting
        /// (<see cref="ForwardedCall.NotStarted"/>), or an -EINTR with a pending signal whose handler asks for restart,
        /// sets the block's restart flag instead of a result: the guest's handlers run first (delivered before the
        /// stub continues), then the stub repeats the call.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Perform(PerCpu* cpu, delegate*<PerCpu*, long, HypercallBlock*, long> changeVm)
        {
            HypercallBlock* b = &cpu->Hypercall;
            long nr = b->Nr;
            long r = PlainHypercalls.Contains(nr) ? Forward() : changeVm(cpu, nr, b);
            if (r == ForwardedCall.NotStarted
                || (r == -EINTR && cpu->Signals.Pending != 0 && PosixSignals.Restarts(cpu->Signals.Pending, nr)))
            {
                b->Flags |= HypercallBlock.RestartFlag;
                return;
            }
            b->Result = r;
        }
    }
}
