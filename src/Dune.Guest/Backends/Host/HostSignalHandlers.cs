using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// The host half's own signal handlers (the shootdown's kick, the delivery retry timer): SA_RESTART, so the host
    /// half's calls go on after them, and every signal blocked while they run (<see cref="ForwardedCall.HandlerMask"/>).
    /// </summary>
    internal static unsafe class HostSignalHandlers
    {
        private const ulong SaSigInfo = 0x4, SaRestart = 0x10000000, SaRestorer = 0x04000000;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_signal_restorer_address")]
        private static extern ulong SignalRestorer();

        /// <summary>At entry: <paramref name="handler"/> for <paramref name="signal"/>; false if the kernel refused.</summary>
        public static bool Install(int signal, delegate* unmanaged<int, void*, void*, void> handler)
        {
            ulong* action = stackalloc ulong[4];
            action[0] = (ulong)handler;
            action[1] = SaSigInfo | SaRestart | SaRestorer;
            action[2] = SignalRestorer();
            action[3] = ForwardedCall.HandlerMask;
            return HostSyscall.Invoke(SyscallNumber.RtSigaction, signal, (long)action, 0, 8, 0, 0) == 0;
        }
    }
}
