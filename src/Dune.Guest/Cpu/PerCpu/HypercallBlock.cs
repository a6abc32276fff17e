using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>
    /// A CPU's system call on its way to the host: the guest's hypercall stub stores the kernel-order registers
    /// here before it leaves the guest and reads the result back; the host half sees the block at the same address.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HypercallBlock
    {
        /// <summary>The host changed page-table entries: the stub reloads CR3.</summary>
        public const long FlushTlbFlag = 1;
        /// <summary>A signal handler interrupted the call and it restarts (SA_RESTART): the stub issues it again.</summary>
        public const long RestartFlag = 2;
        /// <summary>
        /// In <see cref="Nr"/>: the caller decides itself whether a signal restarts the call (a sandboxed program's,
        /// UserMode/ProgramCall), so every signal but the collector's stop fails it with EINTR, and so do handlers that
        /// ran since the caller looked at its signals (<see cref="SignalState.HandlersRan"/>: the result is then
        /// <see cref="NotStarted"/>). The host takes it off.
        /// </summary>
        public const long InterruptibleCallFlag = 1L << 62;
        /// <summary>
        /// A <see cref="Result"/>: the host did not start the call (-ERESTARTNOINTR, which the kernel never returns to
        /// user space); for an interruptible one its caller makes it again after the handlers, as Linux makes a call
        /// after a handler that ran just before it.
        /// </summary>
        public const long NotStarted = -513;

        /// <summary>The system call number, its six arguments in kernel order, and the host's return value.</summary>
        public long Nr, A0, A1, A2, A3, A4, A5, Result;
        /// <summary>Requests from the host to the stub (<see cref="FlushTlbFlag"/>, <see cref="RestartFlag"/>); 0 on the fast path.</summary>
        public long Flags;
        /// <summary>The guest's TrapFrame* of an exception the guest did not handle (the fault report exit).</summary>
        public ulong FaultFrame;
    }
}
