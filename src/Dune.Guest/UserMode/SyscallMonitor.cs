namespace Dune.UserMode
{
    /// <summary>
    /// The supervisor's side of a ring-3 run: emulates the calls the policy marks Emulate and sees every
    /// decision. It runs in ring 0 on the runtime's stack with the runtime's page tables, so it may allocate
    /// and print; it must not throw (it is called from the SYSCALL entry stub).
    /// </summary>
    public abstract class SyscallMonitor
    {
        /// <summary>The result (a value or -errno) of a call the policy routes to handler <paramref name="handler"/>.</summary>
        public virtual long Emulate(int handler, in SyscallCall call) => -SyscallPolicy.ENOSYS;

        /// <summary>Called after each decision with the result ring 3 gets (for Kill and exits: 0, the run ends).</summary>
        public virtual void Observe(in SyscallCall call, SyscallAction action, long result) { }

        /// <summary>
        /// Whether an execve may load <paramref name="path"/> (as the program gave it, or a #! or ELF interpreter it
        /// names): 0, or the -errno execve fails with. Asked before the host checks the file.
        /// </summary>
        public virtual long MayExecute(string path) => 0;
    }
}
