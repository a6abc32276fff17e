namespace Dune.UserMode
{
    /// <summary>What the program's threads share in its space (the threads themselves: <see cref="ProgramSignals"/>), and a vfork child's hold on its parent.</summary>
    public sealed partial class UserSpace
    {
        /// <summary>How the last thread ended when the program's threads all ended with exit: the process's status, as on Linux.</summary>
        internal RunResult LastExit;

        /// <summary>A vfork child's end of the pipe its parent waits on (<see cref="UserFork"/>); -1 for none.</summary>
        internal int VforkRelease = -1;

        /// <summary>A vfork child's copy of its parent's stack above the vfork call, as it was then: what changed is handed back at exit (<see cref="UserFork"/>).</summary>
        internal VforkStack VforkStack;

        /// <summary>Held while a call changes the space's pages, break or signal state, so threads on other vCPUs do not interleave.</summary>
        internal readonly object Changes = new object();
    }
}
