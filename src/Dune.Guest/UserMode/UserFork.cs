using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// fork, vfork, clone and clone3 without CLONE_THREAD for the program (<see cref="CloneRequest"/>): the monitor
    /// forks itself in Dune mode (the child is a Dune process with its own VM over a copy-on-write copy of everything, program included, and
    /// returns from the same hypercall), so the child monitor goes on with the child program in ring 3 with
    /// fork's 0, under the same policy. The program's memory is host memory at the program's addresses, so the
    /// copy is the program's own fork; its pid, its exit status and SIGCHLD are the host's (wait4 and waitid
    /// are forwarded). A vfork or a clone with CLONE_VM|CLONE_VFORK (posix_spawn) becomes a fork: the child
    /// runs on its own copy (on the stack clone names), and the parent waits for the child's exec or exit, as
    /// Linux's vfork does (a pipe the child's monitor holds the write end of: closed at the program's execve, or by
    /// the child's end). A child that exits without exec first sends back what it changed in the parent's stack
    /// above the call (<see cref="VforkStack"/>), which the parent writes before its vfork returns: that is where
    /// glibc's posix_spawn child reports exec's error, and where vfork's callers keep what the child sets.
    /// </summary>
    internal static unsafe class UserFork
    {
        public const long Clone = 56, Fork = 57, Vfork = 58, Clone3 = 435;
        private const int EINTR = 4;
        private const long Pipe2 = 293, OCloexec = 0x80000;

        /// <summary>A process for <paramref name="request"/> (the call's registers in <paramref name="call"/>): the child's pid, 0 in the child, or -errno.</summary>
        public static long Start(UserSpace space, in SyscallCall call, in CloneRequest request)
        {
            long flags = request.Flags;
            long error = CloneFlags.CheckProcess(flags);
            if (error != 0) return error;
            if ((flags & CloneFlags.ParentSettid) != 0 && !space.IsUserAccessible(request.ParentTid, 4, true)) return -UserKernel.EFAULT;
            if ((flags & CloneFlags.Pidfd) != 0 && !space.IsUserAccessible(request.Pidfd, 4, true)) return -UserKernel.EFAULT;
            if ((flags & (CloneFlags.ChildSettid | CloneFlags.ChildCleartid)) != 0 && !space.IsUserAccessible(request.ChildTid, 4, true)) return -UserKernel.EFAULT;
            // The host forks the monitor (no CLONE_VM, no new stack: the backend's fork); the thread pointer and
            // the stack are ring 3's, set in the child's frame below. The parent's tid is stored here after the
            // fork (the child, on its own copy, does not see it either way), so a pidfd can use the host's one
            // pointer argument, as clone3's separate fields allow.
            long hostFlags = flags & ~(CloneFlags.Vm | CloneFlags.Vfork | CloneFlags.Settls | CloneFlags.ParentSettid);
            bool vfork = (flags & CloneFlags.Vfork) != 0;
            int* release = stackalloc int[2];
            release[0] = release[1] = -1;
            if (vfork && Syscall.Invoke(Pipe2, (long)release, OCloexec) == 0)
            {
                release[0] = MonitorFds.Hide(release[0]);
                release[1] = MonitorFds.Hide(release[1]);
            }
            long r = Syscall.Invoke(Clone, hostFlags, 0, (long)request.Pidfd, (long)request.ChildTid, 0, 0);
            if (r != 0)
            {
                if (r > 0 && (flags & CloneFlags.ParentSettid) != 0) *(int*)request.ParentTid = (int)r;
                if (vfork) WaitForRelease(space, release, r > 0);
                return r;
            }
            Ring3.SetSyscallMsrs();
            // The child releases its vfork parent at its exec or exit (its end closes the pipe's write end); one
            // inherited from a vfork of its own parent is not its to hold.
            if (space.VforkRelease >= 0) Syscall.Invoke(SyscallNumber.Close, space.VforkRelease);
            space.VforkRelease = release[1];
            if (release[0] >= 0) Syscall.Invoke(SyscallNumber.Close, release[0]);
            UserFrame* frame = call.Frame;
            space.VforkStack = release[1] >= 0 ? VforkStack.Snapshot(space, frame->Rsp) : null;
            if (request.Stack != 0) frame->Rsp = request.Stack;
            if ((flags & CloneFlags.Settls) != 0) frame->FsBase = request.Tls;
            if (request.ClearHandlers) space.Signals.ResetHandlers();
            // The child has only the thread that forked, with nothing pending.
            ThreadSignals thread = Ring3.CurrentThread;
            space.Signals.ForkedBy(thread);
            space.Timers.Forget();
            thread.HostTid = thread.Tid = Syscall.Invoke(SyscallNumber.Gettid);
            return 0;
        }

        /// <summary>
        /// vfork's parent: waits until the child execs or ends (the pipe's read end sees EOF), as Linux's vfork does,
        /// and writes what the child changed in its stack (<see cref="VforkStack.Apply"/>).
        /// </summary>
        private static void WaitForRelease(UserSpace space, int* release, bool started)
        {
            if (release[1] >= 0) Syscall.Invoke(SyscallNumber.Close, release[1]);
            if (release[0] < 0) return;
            if (started)
            {
                byte[] changes = VforkStack.ReadAll(release[0]);
                if (changes != null) VforkStack.Apply(space, changes);
            }
            Syscall.Invoke(SyscallNumber.Close, release[0]);
        }

        /// <summary>The program's execve releases the process that vforked it (Ring3.Exec.cs): the new image's memory is not the parent's.</summary>
        public static void ReleaseVforkParent(UserSpace space)
        {
            if (space.VforkRelease < 0) return;
            Syscall.Invoke(SyscallNumber.Close, space.VforkRelease);
            space.VforkRelease = -1;
            space.VforkStack = null;
        }

        /// <summary>The program exits (exit or exit_group): a vfork child hands back what it changed in its parent's stack, then releases it.</summary>
        public static void ExitVforkChild(UserSpace space)
        {
            if (space.VforkRelease < 0) return;
            space.VforkStack?.SendChanges(space, space.VforkRelease);
            ReleaseVforkParent(space);
        }
    }
}
