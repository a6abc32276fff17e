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
        /// names), relative to the directory descriptor <paramref name="dirfd"/> (AT_FDCWD: the working directory;
        /// execveat's, or with an empty path the descriptor's file): 0, or the -errno execve fails with. Asked before
        /// the host checks the file.
        /// </summary>
        public virtual long MayExecute(int dirfd, string path) => 0;

        /// <summary>
        /// A run ended the program (in whichever thread): the process's exit status, after any report. The default
        /// is <see cref="ExitStatus"/>.
        /// </summary>
        public virtual int ProcessEnded(in RunResult result) => ExitStatus(result);

        /// <summary>The shell's convention: the exit code (low 8 bits), or 128 + N for an end by signal N (the policy's kill: SIGSYS).</summary>
        public static int ExitStatus(in RunResult result)
        {
            const int SigSys = 31;
            switch (result.End)
            {
                case RunEnd.Exited: return result.ExitCode & 0xff;
                case RunEnd.Killed: return 128 + SigSys;
                default: return 128 + result.Signal;
            }
        }
    }
}
