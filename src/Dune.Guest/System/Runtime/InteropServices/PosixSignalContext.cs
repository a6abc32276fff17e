namespace System.Runtime.InteropServices
{
    /// <summary>What a <see cref="PosixSignalRegistration"/> handler is given: the signal, and whether to skip its default action.</summary>
    public sealed class PosixSignalContext
    {
        public PosixSignalContext(PosixSignal signal) => Signal = signal;

        /// <summary>The signal as it was registered (a named value, or the raw number).</summary>
        public PosixSignal Signal { get; internal set; }

        /// <summary>Set to skip the signal's default action (terminate, stop, ...) after the handlers ran.</summary>
        public bool Cancel { get; set; }
    }
}
