namespace Dune.Platform
{
    /// <summary>File, directory, clock and CPU system calls behind System.IO, Environment and Stopwatch. Results are raw: negative is -errno.</summary>
    public static unsafe partial class Linux
    {
        /// <summary>The errno values the runtime tests for: ENOENT, EINTR, EIO, EBADF, EAGAIN, EACCES, EEXIST, ENOTDIR, EISDIR, EPIPE, ENAMETOOLONG, ENOTEMPTY.</summary>
        public const int ENOENT = 2, EINTR = 4, EIO = 5, EBADF = 9, EAGAIN = 11, EACCES = 13, EEXIST = 17, ENOTDIR = 20,
            EISDIR = 21, EPIPE = 32, ENAMETOOLONG = 36, ENOTEMPTY = 39;
        /// <summary>The open(2) flags: O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_CLOEXEC.</summary>
        public const int ORdOnly = 0, OWrOnly = 1, ORdWr = 2, OCreat = 0x40, OExcl = 0x80, OTrunc = 0x200, OAppend = 0x400,
            ODirectory = 0x10000, OCloExec = 0x80000;
        /// <summary>The lseek(2) origins: SEEK_SET, SEEK_CUR, SEEK_END.</summary>
        public const int SeekSet = 0, SeekCur = 1, SeekEnd = 2;
        /// <summary>AT_FDCWD (paths relative to the working directory) and AT_REMOVEDIR (unlinkat removes a directory).</summary>
        public const int AtFdCwd = -100, AtRemoveDir = 0x200;
        /// <summary>The clocks CLOCK_REALTIME and CLOCK_MONOTONIC.</summary>
        public const int ClockRealtime = 0, ClockMonotonic = 1;
        private const int AtEmptyPath = 0x1000, StatxTypeModeSize = 0x203;
        // statx(2) result: stx_mode (u16) at 28, stx_size (u64) at 40.
        private const int StatxModeOffset = 28, StatxSizeOffset = 40;
        /// <summary>The file type mask S_IFMT and its values S_IFDIR and S_IFREG.</summary>
        public const uint SIfMt = 0xF000, SIfDir = 0x4000, SIfReg = 0x8000;

        /// <summary>read(2): up to <paramref name="count"/> bytes into <paramref name="buffer"/>; the number read.</summary>
        public static long Read(int fd, byte* buffer, nuint count) => Syscall.Invoke(SyscallNumber.Read, fd, (long)buffer, (long)count);

        /// <summary>openat(AT_FDCWD, ...): opens <paramref name="path"/>; the new descriptor.</summary>
        public static long Open(byte* path, int flags, int mode) => Syscall.Invoke(SyscallNumber.Openat, AtFdCwd, (long)path, flags, mode);

        /// <summary>close(2).</summary>
        public static long Close(int fd) => Syscall.Invoke(SyscallNumber.Close, fd);

        /// <summary>lseek(2): the new offset.</summary>
        public static long Lseek(int fd, long offset, int whence) => Syscall.Invoke(SyscallNumber.Lseek, fd, offset, whence);

        /// <summary>ftruncate(2).</summary>
        public static long Ftruncate(int fd, long length) => Syscall.Invoke(SyscallNumber.Ftruncate, fd, length);

        /// <summary>fsync(2).</summary>
        public static long Fsync(int fd) => Syscall.Invoke(Nr.Fsync, fd);

        /// <summary>statx(2) of a path (or of an open fd with an empty path); fills mode and size.</summary>
        public static long Stat(byte* path, out uint mode, out long size)
        {
            byte* buf = stackalloc byte[256];
            long r = Syscall.Invoke(Nr.Statx, AtFdCwd, (long)path, 0, StatxTypeModeSize, (long)buf, 0);
            mode = r == 0 ? *(ushort*)(buf + StatxModeOffset) : 0u;
            size = r == 0 ? *(long*)(buf + StatxSizeOffset) : 0;
            return r;
        }

        /// <summary>statx(2) of an open descriptor (AT_EMPTY_PATH); fills mode and size.</summary>
        public static long Fstat(int fd, out uint mode, out long size)
        {
            byte* buf = stackalloc byte[256];
            byte empty = 0;
            long r = Syscall.Invoke(Nr.Statx, fd, (long)&empty, AtEmptyPath, StatxTypeModeSize, (long)buf, 0);
            mode = r == 0 ? *(ushort*)(buf + StatxModeOffset) : 0u;
            size = r == 0 ? *(long*)(buf + StatxSizeOffset) : 0;
            return r;
        }

        /// <summary>unlinkat(AT_FDCWD, ...): removes a file, or a directory with <see cref="AtRemoveDir"/>.</summary>
        public static long Unlink(byte* path, int flags) => Syscall.Invoke(Nr.Unlinkat, AtFdCwd, (long)path, flags);

        /// <summary>renameat2(AT_FDCWD, ...): renames <paramref name="from"/> to <paramref name="to"/>.</summary>
        public static long Rename(byte* from, byte* to, int flags) => Syscall.Invoke(Nr.Renameat2, AtFdCwd, (long)from, AtFdCwd, (long)to, flags, 0);

        /// <summary>mkdirat(AT_FDCWD, ...): creates a directory.</summary>
        public static long Mkdir(byte* path, int mode) => Syscall.Invoke(Nr.Mkdirat, AtFdCwd, (long)path, mode);

        /// <summary>getdents64(2): directory entries into <paramref name="buffer"/>; the bytes filled, 0 at the end.</summary>
        public static long GetDents(long fd, byte* buffer, nuint size) => Syscall.Invoke(Nr.Getdents64, fd, (long)buffer, (long)size);

        /// <summary>getcwd(2): the working directory into <paramref name="buffer"/>.</summary>
        public static long Getcwd(byte* buffer, nuint size) => Syscall.Invoke(SyscallNumber.Getcwd, (long)buffer, (long)size);

        /// <summary>chdir(2).</summary>
        public static long Chdir(byte* path) => Syscall.Invoke(Nr.Chdir, (long)path);

        /// <summary>clock_gettime(2) of <paramref name="clock"/>.</summary>
        public static long ClockGettime(int clock, out long seconds, out long nanoseconds)
        {
            long* ts = stackalloc long[2];
            long r = Syscall.Invoke(SyscallNumber.ClockGettime, clock, (long)ts);
            seconds = ts[0];
            nanoseconds = ts[1];
            return r;
        }

        /// <summary>sched_getaffinity(0): fills the CPU mask, returns its size in bytes.</summary>
        public static long SchedGetaffinity(byte* mask, nuint size) => Syscall.Invoke(Nr.SchedGetaffinity, 0, (long)size, (long)mask);

        /// <summary>getrandom(2): fills <paramref name="buffer"/> with random bytes; the number filled.</summary>
        public static long GetRandom(byte* buffer, nuint count) => Syscall.Invoke(Nr.GetRandom, (long)buffer, (long)count, 0);

        /// <summary>x86-64 numbers of the calls above that SyscallNumber does not list.</summary>
        private static class Nr
        {
            public const long Fsync = 74, Chdir = 80, SchedGetaffinity = 204, Mkdirat = 258, Unlinkat = 263, Renameat2 = 316,
                GetRandom = 318, Statx = 332, Getdents64 = 217;
        }
    }
}
