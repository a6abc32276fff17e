using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// fork, vfork and clone without CLONE_THREAD for the program: the monitor forks itself in Dune mode (the
    /// child is a Dune process with its own VM over a copy-on-write copy of everything, program included, and
    /// returns from the same hypercall), so the child monitor goes on with the child program in ring 3 with
    /// fork's 0, under the same policy. The program's memory is host memory at the program's addresses, so the
    /// copy is the program's own fork; its pid, its exit status and SIGCHLD are the host's (wait4 and waitid
    /// are forwarded). A vfork or a clone with CLONE_VM|CLONE_VFORK (posix_spawn) becomes a fork: the child
    /// runs on its own copy (on the stack clone names), and the parent goes on at once instead of waiting for
    /// the child's exec or exit.
    /// </summary>
    internal static unsafe class UserFork
    {
        public const long Clone = 56, Fork = 57, Vfork = 58;
        private const int SigChld = 17;

        /// <summary>fork, vfork or clone (flags, stack, parent_tid, child_tid, tls) making a process.</summary>
        public static long Start(UserSpace space, in SyscallCall call)
        {
            long flags = call.Number == Clone ? call.Arg0 : SigChld;
            ulong stack = call.Number == Clone ? (ulong)call.Arg1 : 0;
            long parentTid = call.Number == Clone ? call.Arg2 : 0, childTid = call.Number == Clone ? call.Arg3 : 0;
            long error = CloneFlags.CheckProcess(flags);
            if (error != 0) return error;
            if ((flags & (CloneFlags.ParentSettid | CloneFlags.Pidfd)) != 0 && !space.IsUserAccessible((ulong)parentTid, 4, true)) return -UserKernel.EFAULT;
            if ((flags & (CloneFlags.ChildSettid | CloneFlags.ChildCleartid)) != 0 && !space.IsUserAccessible((ulong)childTid, 4, true)) return -UserKernel.EFAULT;
            // The host forks the monitor (no CLONE_VM, no new stack: the backend's fork); the thread pointer and
            // the stack are ring 3's, set in the child's frame below.
            long hostFlags = flags & ~(CloneFlags.Vm | CloneFlags.Vfork | CloneFlags.Settls);
            long r = Syscall.Invoke(Clone, hostFlags, 0, parentTid, childTid, 0, 0);
            if (r != 0) return r;
            Ring3.SetSyscallMsrs();
            UserFrame* frame = call.Frame;
            if (stack != 0) frame->Rsp = stack;
            if ((flags & CloneFlags.Settls) != 0) frame->FsBase = (ulong)call.Arg4;
            // The child has only the thread that forked, now its leader, with nothing pending.
            ThreadSignals thread = Ring3.CurrentThread;
            space.Signals.ForkedBy(thread);
            thread.HostTid = Syscall.Invoke(SyscallNumber.Gettid);
            space.Leader = thread;
            return 0;
        }
    }
}
