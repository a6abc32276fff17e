using Dune.Platform;

namespace System.Runtime.InteropServices
{
    /// <summary>
    /// A handler for a POSIX signal, as on .NET: <see cref="Create"/> registers it, <see cref="Dispose"/>
    /// removes it. Handlers run on the thread the signal interrupted, at the point it was interrupted (in Dune
    /// mode: in guest ring 0), one signal at a time; unless one sets <see cref="PosixSignalContext.Cancel"/>,
    /// the signal's default action follows (Platform/PosixSignals.cs, README "Signals").
    /// </summary>
    public sealed class PosixSignalRegistration : IDisposable
    {
        private readonly int _number;
        private readonly PosixSignal _signal;
        private Action<PosixSignalContext> _handler;

        private PosixSignalRegistration(int number, PosixSignal signal, Action<PosixSignalContext> handler)
        {
            _number = number;
            _signal = signal;
            _handler = handler;
        }

        /// <summary>
        /// Registers <paramref name="handler"/> for <paramref name="signal"/>; system calls it interrupts restart (SA_RESTART),
        /// and a signal the process started with ignored (nohup's SIGHUP) stays ignored (SIGTERM excepted), as on .NET.
        /// </summary>
        public static PosixSignalRegistration Create(PosixSignal signal, Action<PosixSignalContext> handler) =>
            PosixSignals.Register(signal, handler, restartSystemCalls: true, keepInheritedIgnore: true);

        internal static PosixSignalRegistration Make(int number, PosixSignal signal, Action<PosixSignalContext> handler) =>
            new PosixSignalRegistration(number, signal, handler);

        internal int Number => _number;

        internal void Invoke(PosixSignalContext context)
        {
            Action<PosixSignalContext> handler = _handler;
            if (handler == null) return;
            context.Signal = _signal;
            handler(context);
        }

        public void Dispose()
        {
            if (_handler == null) return;
            _handler = null;
            PosixSignals.Unregister(this);
        }
    }
}
