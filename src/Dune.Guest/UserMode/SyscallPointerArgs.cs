namespace Dune.UserMode
{
    /// <summary>How many bytes a pointer argument covers.</summary>
    public enum PointerLength : byte
    {
        /// <summary>As many bytes as another argument says.</summary>
        Argument,
        /// <summary>A fixed number of bytes (a struct).</summary>
        Fixed,
        /// <summary>A NUL-terminated string (a path), at most <see cref="SyscallPointerArgs.PathMax"/> bytes with the NUL.</summary>
        String,
        /// <summary>An array of iovecs (16 bytes each), as many as another argument says; each iov_base covers its iov_len.</summary>
        IovecArray,
    }

    /// <summary>One pointer argument of a system call: where it is, how long the memory is and whether the kernel writes it.</summary>
    public readonly struct PointerArg
    {
        /// <summary>The argument (0-5) holding the pointer.</summary>
        public readonly byte Index;
        public readonly PointerLength Length;
        /// <summary>For <see cref="PointerLength.Argument"/> and <see cref="PointerLength.IovecArray"/>: the argument holding the count.</summary>
        public readonly byte CountIndex;
        /// <summary>For <see cref="PointerLength.Fixed"/>: the size in bytes.</summary>
        public readonly ushort FixedBytes;
        /// <summary>The kernel stores into the memory (it must be writable), rather than only reading it.</summary>
        public readonly bool KernelWrites;
        /// <summary>NULL means "none" for this argument (e.g. gettimeofday's timezone).</summary>
        public readonly bool MayBeNull;

        public PointerArg(int index, PointerLength length, int countIndex, int fixedBytes, bool kernelWrites, bool mayBeNull)
        {
            Index = (byte)index;
            Length = length;
            CountIndex = (byte)countIndex;
            FixedBytes = (ushort)fixedBytes;
            KernelWrites = kernelWrites;
            MayBeNull = mayBeNull;
        }

        /// <summary>The same argument, with NULL allowed.</summary>
        public PointerArg OrNull() => new PointerArg(Index, Length, CountIndex, FixedBytes, KernelWrites, true);
    }

    /// <summary>What pass-through knows about a call's pointers.</summary>
    public enum PointerKnowledge : byte
    {
        /// <summary>Not in the table: it may take pointers nobody checks, so pass-through refuses it.</summary>
        Unknown,
        /// <summary>Takes no pointers the kernel dereferences.</summary>
        NoPointers,
        /// <summary>Its pointers are listed and can be checked.</summary>
        Listed,
    }

    /// <summary>The pointer arguments of one call (at most three), or that it has none, or that it is not known.</summary>
    public readonly struct SyscallPointers
    {
        public readonly PointerKnowledge Knowledge;
        public readonly int Count;
        private readonly PointerArg _first, _second, _third;

        private SyscallPointers(PointerKnowledge knowledge, int count, PointerArg first, PointerArg second, PointerArg third)
        {
            Knowledge = knowledge;
            Count = count;
            _first = first;
            _second = second;
            _third = third;
        }

        public static SyscallPointers Unknown => default;
        public static SyscallPointers None => new SyscallPointers(PointerKnowledge.NoPointers, 0, default, default, default);
        public static SyscallPointers Of(PointerArg a) => new SyscallPointers(PointerKnowledge.Listed, 1, a, default, default);
        public static SyscallPointers Of(PointerArg a, PointerArg b) => new SyscallPointers(PointerKnowledge.Listed, 2, a, b, default);
        public static SyscallPointers Of(PointerArg a, PointerArg b, PointerArg c) => new SyscallPointers(PointerKnowledge.Listed, 3, a, b, c);

        /// <summary>Pointer argument <paramref name="i"/> (0 to <see cref="Count"/> - 1).</summary>
        public PointerArg this[int i] => i == 0 ? _first : i == 1 ? _second : _third;
    }

    /// <summary>
    /// The pointer arguments of the x86-64 system calls ring-3 pass-through forwards to the host, so they can be
    /// checked against the ring-3 address space first (the host kernel sees the whole Dune process, runtime
    /// included). A call missing here is <see cref="PointerKnowledge.Unknown"/> and not forwarded: a new entry
    /// must list every pointer the kernel follows. ioctl and fcntl depend on their request/command
    /// (<see cref="OfIoctl"/>, <see cref="OfFcntl"/>). Pure: no allocation, a switch per lookup.
    /// </summary>
    public static class SyscallPointerArgs
    {
        /// <summary>Linux's PATH_MAX: the longest path, NUL included.</summary>
        public const int PathMax = 4096;
        /// <summary>Linux's IOV_MAX: the most iovecs one call takes.</summary>
        public const int IovMax = 1024;
        public const int IovecBytes = 16;

        /// <summary>Kernel struct sizes on x86-64.</summary>
        public const int StatBytes = 144, StatxBytes = 256, TimespecBytes = 16, TimevalBytes = 16, TimezoneBytes = 8,
            UtsnameBytes = 390, RlimitBytes = 16, RusageBytes = 144, SysinfoBytes = 112, TmsBytes = 32, PipeFdsBytes = 8,
            TermiosBytes = 36, WinsizeBytes = 8, IntBytes = 4;

        public const long TCGETS = 0x5401, TIOCGWINSZ = 0x5413, FIONREAD = 0x541B;
        public const long F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;

        /// <summary>Memory the kernel reads: <paramref name="count"/>-th argument bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg In(int index, int count) => new PointerArg(index, PointerLength.Argument, count, 0, false, false);
        /// <summary>Memory the kernel writes: <paramref name="count"/>-th argument bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg Out(int index, int count) => new PointerArg(index, PointerLength.Argument, count, 0, true, false);
        public static PointerArg InFixed(int index, int bytes) => new PointerArg(index, PointerLength.Fixed, 0, bytes, false, false);
        public static PointerArg OutFixed(int index, int bytes) => new PointerArg(index, PointerLength.Fixed, 0, bytes, true, false);
        public static PointerArg Path(int index) => new PointerArg(index, PointerLength.String, 0, 0, false, false);
        public static PointerArg Iovecs(int index, int count, bool kernelWrites) =>
            new PointerArg(index, PointerLength.IovecArray, count, 0, kernelWrites, false);

        /// <summary>The pointers of call <paramref name="number"/> (ioctl and fcntl: see <see cref="OfIoctl"/>, <see cref="OfFcntl"/>).</summary>
        public static SyscallPointers Of(long number)
        {
            switch (number)
            {
                case 0: // read(fd, buf, count)
                case 17: // pread64(fd, buf, count, offset)
                    return SyscallPointers.Of(Out(1, 2));
                case 1: // write(fd, buf, count)
                case 18: // pwrite64(fd, buf, count, offset)
                    return SyscallPointers.Of(In(1, 2));
                case 2: // open(path, flags, mode)
                case 21: // access(path, mode)
                case 80: // chdir(path)
                case 83: // mkdir(path, mode)
                case 84: // rmdir(path)
                case 85: // creat(path, mode)
                case 87: // unlink(path)
                case 90: // chmod(path, mode)
                    return SyscallPointers.Of(Path(0));
                case 4: // stat(path, statbuf)
                case 6: // lstat(path, statbuf)
                    return SyscallPointers.Of(Path(0), OutFixed(1, StatBytes));
                case 5: // fstat(fd, statbuf)
                    return SyscallPointers.Of(OutFixed(1, StatBytes));
                case 19: // readv(fd, iov, iovcnt)
                case 295: // preadv(fd, iov, iovcnt, pos_l, pos_h)
                    return SyscallPointers.Of(Iovecs(1, 2, true));
                case 20: // writev(fd, iov, iovcnt)
                case 296: // pwritev(fd, iov, iovcnt, pos_l, pos_h)
                    return SyscallPointers.Of(Iovecs(1, 2, false));
                case 22: // pipe(fds[2])
                case 293: // pipe2(fds[2], flags)
                    return SyscallPointers.Of(OutFixed(0, PipeFdsBytes));
                case 28: // madvise(addr, length, advice): MADV_DONTNEED would zero runtime pages
                    return SyscallPointers.Of(In(0, 1));
                case 35: // nanosleep(req, rem)
                    return SyscallPointers.Of(InFixed(0, TimespecBytes), OutFixed(1, TimespecBytes).OrNull());
                case 63: // uname(buf)
                    return SyscallPointers.Of(OutFixed(0, UtsnameBytes));
                case 79: // getcwd(buf, size)
                    return SyscallPointers.Of(Out(0, 1));
                case 82: // rename(old, new)
                    return SyscallPointers.Of(Path(0), Path(1));
                case 89: // readlink(path, buf, size)
                    return SyscallPointers.Of(Path(0), Out(1, 2));
                case 96: // gettimeofday(tv, tz)
                    return SyscallPointers.Of(OutFixed(0, TimevalBytes).OrNull(), OutFixed(1, TimezoneBytes).OrNull());
                case 97: // getrlimit(resource, rlim)
                    return SyscallPointers.Of(OutFixed(1, RlimitBytes));
                case 98: // getrusage(who, usage)
                    return SyscallPointers.Of(OutFixed(1, RusageBytes));
                case 99: // sysinfo(info)
                    return SyscallPointers.Of(OutFixed(0, SysinfoBytes));
                case 100: // times(buf)
                    return SyscallPointers.Of(OutFixed(0, TmsBytes).OrNull());
                case 201: // time(tloc)
                    return SyscallPointers.Of(OutFixed(0, 8).OrNull());
                case 217: // getdents64(fd, dirp, count)
                    return SyscallPointers.Of(Out(1, 2));
                case 228: // clock_gettime(clock, tp)
                    return SyscallPointers.Of(OutFixed(1, TimespecBytes));
                case 229: // clock_getres(clock, res)
                    return SyscallPointers.Of(OutFixed(1, TimespecBytes).OrNull());
                case 230: // clock_nanosleep(clock, flags, request, remain)
                    return SyscallPointers.Of(InFixed(2, TimespecBytes), OutFixed(3, TimespecBytes).OrNull());
                case 257: // openat(dirfd, path, flags, mode)
                case 258: // mkdirat(dirfd, path, mode)
                case 263: // unlinkat(dirfd, path, flags)
                case 269: // faccessat(dirfd, path, mode)
                case 439: // faccessat2(dirfd, path, mode, flags)
                    return SyscallPointers.Of(Path(1));
                case 262: // newfstatat(dirfd, path, statbuf, flags)
                    return SyscallPointers.Of(Path(1), OutFixed(2, StatBytes));
                case 267: // readlinkat(dirfd, path, buf, size)
                    return SyscallPointers.Of(Path(1), Out(2, 3));
                case 302: // prlimit64(pid, resource, new, old)
                    return SyscallPointers.Of(InFixed(2, RlimitBytes).OrNull(), OutFixed(3, RlimitBytes).OrNull());
                case 318: // getrandom(buf, count, flags)
                    return SyscallPointers.Of(Out(0, 1));
                case 332: // statx(dirfd, path, flags, mask, statxbuf)
                    return SyscallPointers.Of(Path(1), OutFixed(4, StatxBytes));
                case 3: // close
                case 8: // lseek
                case 24: // sched_yield
                case 32: // dup
                case 33: // dup2
                case 37: // alarm
                case 39: // getpid
                case 74: // fsync
                case 75: // fdatasync
                case 77: // ftruncate
                case 81: // fchdir
                case 91: // fchmod
                case 95: // umask
                case 102: // getuid
                case 104: // getgid
                case 107: // geteuid
                case 108: // getegid
                case 110: // getppid
                case 111: // getpgrp
                case 121: // getpgid
                case 124: // getsid
                case 186: // gettid
                case 292: // dup3
                    return SyscallPointers.None;
                default:
                    return SyscallPointers.Unknown;
            }
        }

        /// <summary>The pointer of ioctl(fd, request, arg) for the requests pass-through supports; others are Unknown.</summary>
        public static SyscallPointers OfIoctl(long request)
        {
            switch (request)
            {
                case TCGETS: return SyscallPointers.Of(OutFixed(2, TermiosBytes));
                case TIOCGWINSZ: return SyscallPointers.Of(OutFixed(2, WinsizeBytes));
                case FIONREAD: return SyscallPointers.Of(OutFixed(2, IntBytes));
                default: return SyscallPointers.Unknown;
            }
        }

        /// <summary>fcntl(fd, cmd, arg): the integer commands take no pointer; the rest (locks, owners) are Unknown.</summary>
        public static SyscallPointers OfFcntl(long command)
        {
            switch (command)
            {
                case F_DUPFD:
                case F_GETFD:
                case F_SETFD:
                case F_GETFL:
                case F_SETFL:
                case F_DUPFD_CLOEXEC:
                    return SyscallPointers.None;
                default:
                    return SyscallPointers.Unknown;
            }
        }
    }
}
