using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;

namespace Dune.Backends
{
    /// <summary>
    /// The host half's forwarded system call (<c>dune_forward_hypercall</c>, used by both backends) against the
    /// signals meant for the guest. Such a signal's host handler only marks it pending and sets the vCPU's exit
    /// request; the guest takes it after the next exit. A blocking call (a futex wait on the heap lock, a read)
    /// started after the handler ran would sleep with the signal unseen — for the collector's stop, until the
    /// collection that waits for it ends: never. So the stub checks the exit request right before its syscall
    /// instruction and returns <see cref="NotStarted"/> if it is set, and <see cref="Interrupt"/> moves a thread the
    /// signal caught between that check and the syscall (or whose call the kernel rewound to restart it) to the same
    /// exit. The host loop then restarts the call after the guest's handlers or returns EINTR, as Linux would
    /// (HypercallForwarding: a call that never waits, a futex wake, is always made).
    /// </summary>
    internal static unsafe class ForwardedCall
    {
        /// <summary>
        /// The signal mask of every host-half handler in Dune mode: all signals. A signal taken inside another handler
        /// would see that handler's context in <see cref="Interrupt"/>, not the forwarded call's, and leave the call to
        /// sleep once the outer handler returns (the shootdown's kick interrupting a futex wait, the collector's stop
        /// nested in it); blocked, it arrives after the outer handler, at the call itself.
        /// </summary>
        public const ulong HandlerMask = ~0UL;

        /// <summary>The stub's result for a call it did not start (-ERESTARTNOINTR: the kernel never returns it to user space).</summary>
        public const long NotStarted = HypercallBlock.NotStarted;
        private const int GregsOffset = 40, RegRip = 16;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_forward_window")]
        private static extern ulong Window(ulong* syscallAt, ulong* interrupted);

        /// <summary>From a host signal handler, with the kernel's ucontext of the interrupted host half.</summary>
        public static void Interrupt(void* context)
        {
            ulong syscallAt, interrupted;
            ulong check = Window(&syscallAt, &interrupted);
            ulong* rip = (ulong*)((byte*)context + GregsOffset) + RegRip;
            if (*rip >= check && *rip <= syscallAt) *rip = interrupted;
        }
    }
}
