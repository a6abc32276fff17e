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
        public const long CloneVm = 0x100, CloneVfork = 0x4000, CloneThread = 0x10000, CloneSettls = 0x80000;
        private const long ExitSignalMask = 0xff, CloneFs = 0x200, CloneFiles = 0x400, CloneSighand = 0x800, ClonePidfd = 0x1000,
            CloneParentSettid = 0x100000, CloneChildCleartid = 0x200000, CloneDetached = 0x400000, CloneChildSettid = 0x1000000,
            CloneSysvsem = 0x40000, CloneParent = 0x8000, ClonePtrace = 0x2000, CloneUntraced = 0x800000, CloneIo = 0x8000_0000L;
        /// <summary>CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET: privileged, EPERM as for the program's other privileged calls.</summary>
        private const long NewNamespaces = 0x20000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000 | 0x4000_0000;
        /// <summary>What a forked child may ask for; sharing the monitor's descriptor table, file system context or parent is not offered.</summary>
        private const long ForkFlags = ExitSignalMask | CloneVm | CloneVfork | CloneSettls | CloneParentSettid | CloneChildSettid
            | CloneChildCleartid | CloneDetached | ClonePidfd | ClonePtrace | CloneUntraced | CloneIo;
        private const int SigChld = 17;

        /// <summary>Whether clone's <paramref name="flags"/> ask for a thread, not a process.</summary>
        public static bool IsThread(long flags) => (flags & CloneThread) != 0;

        /// <summary>
        /// Which clone flags make a process the monitor can fork for: 0, or -errno (namespaces EPERM; sharing memory
        /// without vfork, descriptors, file system context or signal handlers with the parent EINVAL).
        /// </summary>
        public static long CheckProcessFlags(long flags)
        {
            if ((flags & NewNamespaces) != 0) return -UserKernel.EPERM;
            if ((flags & ~ForkFlags) != 0) return -UserKernel.EINVAL;
            if ((flags & CloneVm) != 0 && (flags & CloneVfork) == 0) return -UserKernel.EINVAL;
            return 0;
        }

        /// <summary>fork, vfork or clone (flags, stack, parent_tid, child_tid, tls) making a process.</summary>
        public static long Start(UserSpace space, in SyscallCall call)
        {
            long flags = call.Number == Clone ? call.Arg0 : SigChld;
            ulong stack = call.Number == Clone ? (ulong)call.Arg1 : 0;
            long parentTid = call.Number == Clone ? call.Arg2 : 0, childTid = call.Number == Clone ? call.Arg3 : 0;
            long error = CheckProcessFlags(flags);
            if (error != 0) return error;
            if ((flags & (CloneParentSettid | ClonePidfd)) != 0 && !space.IsUserAccessible((ulong)parentTid, 4, true)) return -UserKernel.EFAULT;
            if ((flags & (CloneChildSettid | CloneChildCleartid)) != 0 && !space.IsUserAccessible((ulong)childTid, 4, true)) return -UserKernel.EFAULT;
            // The host forks the monitor (no CLONE_VM, no new stack: the backend's fork); the thread pointer and
            // the stack are ring 3's, set in the child's frame below.
            long hostFlags = flags & ~(CloneVm | CloneVfork | CloneSettls);
            long r = Syscall.Invoke(Clone, hostFlags, 0, parentTid, childTid, 0, 0);
            if (r != 0) return r;
            UserFrame* frame = call.Frame;
            if (stack != 0) frame->Rsp = stack;
            if ((flags & CloneSettls) != 0) frame->FsBase = (ulong)call.Arg4;
            space.Signals.ForgetPending();
            return 0;
        }
    }
}
