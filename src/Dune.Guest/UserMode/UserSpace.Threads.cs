namespace Dune.UserMode
{
    /// <summary>What the program's threads share in its space.</summary>
    public sealed partial class UserSpace
    {
        /// <summary>The program's live threads (1 at the start and in a forked child); execve is refused while there are more.</summary>
        internal int ThreadCount = 1;

        /// <summary>Held while a call changes the space's pages, break or signal state, so threads on other vCPUs do not interleave.</summary>
        internal readonly object Changes = new object();
    }
}
