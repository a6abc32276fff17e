using System.Runtime.CompilerServices;
using System.Runtime;

namespace Dune.Platform
{
    /// <summary>
    /// The one path for every system call the runtime makes. The assembly stub issues <c>syscall</c> in host
    /// mode and a hypercall once the process runs in Dune mode, so callers never care which mode they are in.
    /// Returns the raw kernel result: negative values are -errno.
    /// </summary>
    public static unsafe class Syscall
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_syscall6")]
        private static extern long Raw(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

        /// <summary>System call <paramref name="nr"/> with no arguments.</summary>
        public static long Invoke(long nr) => Raw(nr, 0, 0, 0, 0, 0, 0);
        /// <summary>System call <paramref name="nr"/> with one argument.</summary>
        public static long Invoke(long nr, long a0) => Raw(nr, a0, 0, 0, 0, 0, 0);
        /// <summary>System call <paramref name="nr"/> with two arguments.</summary>
        public static long Invoke(long nr, long a0, long a1) => Raw(nr, a0, a1, 0, 0, 0, 0);
        /// <summary>System call <paramref name="nr"/> with three arguments.</summary>
        public static long Invoke(long nr, long a0, long a1, long a2) => Raw(nr, a0, a1, a2, 0, 0, 0);
        /// <summary>System call <paramref name="nr"/> with four arguments.</summary>
        public static long Invoke(long nr, long a0, long a1, long a2, long a3) => Raw(nr, a0, a1, a2, a3, 0, 0);
        /// <summary>System call <paramref name="nr"/> with six arguments.</summary>
        public static long Invoke(long nr, long a0, long a1, long a2, long a3, long a4, long a5) => Raw(nr, a0, a1, a2, a3, a4, a5);
    }

    /// <summary>x86-64 Linux system call numbers used by the runtime and libdune.</summary>
    public static class SyscallNumber
    {
        /// <summary>The numbers of read, write, open, close, fstat, lseek, mmap, mprotect, munmap, brk and the other calls named.</summary>
        public const long Read = 0, Write = 1, Open = 2, Close = 3, Fstat = 5, Lseek = 8, Mmap = 9, Mprotect = 10,
            Munmap = 11, Brk = 12, RtSigaction = 13, RtSigprocmask = 14, RtSigreturn = 15, Ioctl = 16, Pread64 = 17,
            Pwrite64 = 18, Madvise = 28, Getpid = 39, Clone = 56, Fork = 57, Exit = 60, Wait4 = 61, Kill = 62,
            Uname = 63, Fcntl = 72, Ftruncate = 77, Getcwd = 79, Unlink = 87, Readlink = 89, Gettid = 186,
            ArchPrctl = 158, Tkill = 200, Futex = 202, ClockGettime = 228, ExitGroup = 231, Tgkill = 234,
            Openat = 257, Sigaltstack = 131, Prctl = 157, Nanosleep = 35, SchedYield = 24;
    }
}
