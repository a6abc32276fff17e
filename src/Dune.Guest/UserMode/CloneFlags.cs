namespace Dune.UserMode
{
    /// <summary>
    /// Which clone flags the sandbox gives a program (linux/sched.h values): a process the monitor forks for, or a
    /// thread on a vCPU of its own. Pure.
    /// </summary>
    public static class CloneFlags
    {
        public const long ExitSignalMask = 0xff, Vm = 0x100, Fs = 0x200, Files = 0x400, Sighand = 0x800, Pidfd = 0x1000,
            Ptrace = 0x2000, Vfork = 0x4000, Thread = 0x10000, Sysvsem = 0x40000, Settls = 0x80000, ParentSettid = 0x100000,
            ChildCleartid = 0x200000, Detached = 0x400000, Untraced = 0x800000, ChildSettid = 0x1000000, Io = 0x8000_0000L;
        /// <summary>CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET: privileged, EPERM as for the program's other privileged calls.</summary>
        public const long NewNamespaces = 0x20000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000 | 0x4000_0000;
        /// <summary>What a forked child may ask for: sharing the monitor's descriptor table, file system context or parent is not offered.</summary>
        private const long ProcessAllowed = ExitSignalMask | Vm | Vfork | Settls | ParentSettid | ChildSettid | ChildCleartid | Detached
            | Pidfd | Ptrace | Untraced | Io;
        /// <summary>What pthread_create passes at least, and what else a thread may ask for.</summary>
        private const long ThreadRequired = Vm | Sighand | Thread;
        private const long ThreadAllowed = ThreadRequired | Fs | Files | Sysvsem | Settls | ParentSettid | ChildCleartid | Detached | ChildSettid;
        private const long EPERM = 1, EINVAL = 22;

        /// <summary>Whether the flags ask for a thread (CLONE_THREAD), not a process.</summary>
        public static bool IsThread(long flags) => (flags & Thread) != 0;

        /// <summary>A process: 0, or -errno (namespaces EPERM; memory shared without vfork, descriptors, file system context or handlers shared EINVAL).</summary>
        public static long CheckProcess(long flags)
        {
            if ((flags & NewNamespaces) != 0) return -EPERM;
            if ((flags & ~ProcessAllowed) != 0) return -EINVAL;
            if ((flags & Vm) != 0 && (flags & Vfork) == 0) return -EINVAL;
            return 0;
        }

        /// <summary>A thread: 0, or -EINVAL (it must share memory and handlers, and gets no exit signal or namespaces).</summary>
        public static long CheckThread(long flags) =>
            (flags & ThreadRequired) == ThreadRequired && (flags & ~ThreadAllowed) == 0 ? 0 : -EINVAL;
    }
}
