namespace Dune.Platform
{
    /// <summary>
    /// The Dune process's own file descriptors (the KVM backend's, a sandbox's report channel) live at or above
    /// <see cref="Floor"/>, just below the soft RLIMIT_NOFILE, so a program run in ring 3 numbers its descriptors
    /// as Linux would from 0 and can be refused every descriptor at or above the floor (EBADF, as if they did
    /// not exist; the program is told the floor is its limit).
    /// </summary>
    public static unsafe class MonitorFds
    {
        private const long Prlimit64 = 302, RlimitNofile = 7, FDupfdCloexec = 1030;
        /// <summary>Descriptors kept for the monitor below the limit.</summary>
        private const int Reserved = 64;

        private static int s_floor;

        /// <summary>The lowest descriptor number kept for the monitor.</summary>
        public static int Floor
        {
            get
            {
                if (s_floor == 0) s_floor = ComputeFloor();
                return s_floor;
            }
        }

        /// <summary>Moves <paramref name="fd"/> to the lowest free descriptor at or above the floor (close-on-exec); the new number, or fd unchanged if it cannot.</summary>
        public static int Hide(int fd) => Hide(fd, &Syscall.Invoke);

        /// <summary>
        /// <see cref="Hide(int)"/> through <paramref name="syscall"/>: the KVM and dune.ko host halves issue the real
        /// instruction while the guest runs, where <see cref="Syscall"/> would be a hypercall.
        /// </summary>
        public static int Hide(int fd, delegate*<long, long, long, long, long, long, long, long> syscall)
        {
            if (fd < 0 || fd >= Floor) return fd;
            long high = syscall(SyscallNumber.Fcntl, fd, FDupfdCloexec, Floor, 0, 0, 0);
            if (high < 0) return fd;
            syscall(SyscallNumber.Close, fd, 0, 0, 0, 0, 0);
            return (int)high;
        }

        private static unsafe int ComputeFloor()
        {
            ulong* limit = stackalloc ulong[2];
            ulong soft = Syscall.Invoke(Prlimit64, 0, RlimitNofile, 0, (long)limit) == 0 ? limit[0] : 1024;
            if (soft > 1UL << 20) soft = 1UL << 20;
            return soft >= 2 * Reserved ? (int)soft - Reserved : (int)soft / 2;
        }
    }
}
