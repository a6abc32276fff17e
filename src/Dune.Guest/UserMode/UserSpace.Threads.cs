namespace Dune.UserMode
{
    /// <summary>What the program's threads share in its space (the threads themselves: <see cref="ProgramSignals"/>).</summary>
    public sealed partial class UserSpace
    {
        /// <summary>The thread whose exit status is the process's when its threads all end with exit: the first, or the last to call execve.</summary>
        internal ThreadSignals Leader;
        /// <summary>How <see cref="Leader"/> ended, once it did.</summary>
        internal RunResult LeaderResult;

        /// <summary>Held while a call changes the space's pages, break or signal state, so threads on other vCPUs do not interleave.</summary>
        internal readonly object Changes = new object();
    }
}
