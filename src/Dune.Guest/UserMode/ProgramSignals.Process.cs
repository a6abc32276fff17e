namespace Dune.UserMode
{
    /// <summary>What fork and execve do to the program's signals, as Linux does.</summary>
    public sealed partial class ProgramSignals
    {
        /// <summary>A forked child starts with nothing pending; dispositions, the mask and the alternate stack are inherited.</summary>
        public void ForgetPending() => Pending = 0;

        /// <summary>
        /// execve: handlers go back to SIG_DFL (the new image does not have them), ignored signals stay ignored, the
        /// alternate stack is gone; the mask and the pending set are kept.
        /// </summary>
        public void ResetForExec()
        {
            for (int signal = 1; signal <= Count; signal++)
                if (Handler(signal) != SigIgn) ResetToDefault(signal);
                else ClearActionExceptHandler(signal);
            _altSp = 0;
            _altSize = 0;
            _altAutoDisarm = false;
            _hasSavedMask = false;
        }

        /// <summary>An ignored signal keeps SIG_IGN, but its flags, restorer and mask belonged to the old image.</summary>
        private unsafe void ClearActionExceptHandler(int signal)
        {
            fixed (byte* slot = &_actions[(signal - 1) * ActionBytes])
                for (int i = 8; i < ActionBytes; i++) slot[i] = 0;
        }
    }
}
