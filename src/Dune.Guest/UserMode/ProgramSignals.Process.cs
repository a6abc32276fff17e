namespace Dune.UserMode
{
    /// <summary>What fork and execve do to the program's signals, as Linux does.</summary>
    public sealed partial class ProgramSignals
    {
        /// <summary>
        /// A forked child: only <paramref name="forking"/> (the thread that forked) lives on, with nothing pending;
        /// dispositions, its mask and its alternate stack are inherited.
        /// </summary>
        public void ForkedBy(ThreadSignals forking)
        {
            lock (this)
            {
                _pending.Clear(ref Queued);
                forking.ForgetPending();
                _threads.Clear();
                _threads.Add(forking);
                Queued = 0; // the other threads' queues are gone with them
            }
        }

        /// <summary>
        /// execve, and clone3's CLONE_CLEAR_SIGHAND in the child: handlers go back to SIG_DFL (after execve the new
        /// image does not have them), ignored signals stay ignored; the pending set is kept (at execve the exec-ing
        /// thread's part: <see cref="ThreadSignals.ResetForExec"/>).
        /// </summary>
        public void ResetHandlers()
        {
            for (int signal = 1; signal <= Count; signal++)
                if (Handler(signal) != SigIgn) ResetToDefault(signal);
                else ClearActionExceptHandler(signal);
        }

        /// <summary>An ignored signal keeps SIG_IGN, but its flags, restorer and mask belonged to the old image.</summary>
        private unsafe void ClearActionExceptHandler(int signal)
        {
            fixed (byte* slot = &_actions[(signal - 1) * ActionBytes])
                for (int i = 8; i < ActionBytes; i++) slot[i] = 0;
        }
    }
}
