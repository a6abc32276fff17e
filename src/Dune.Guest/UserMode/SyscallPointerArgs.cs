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
        /// <summary>An array of <see cref="PointerArg.FixedBytes"/>-byte elements, as many as another argument says (pollfds, epoll events, gids).</summary>
        Array,
        /// <summary>An fd_set for select: ceil(nfds / 64) 8-byte words, nfds in another argument; the kernel rewrites it.</summary>
        FdSet,
        /// <summary>A buffer whose length is the 32-bit value another argument points to (socklen_t *), which the kernel rewrites: both are checked.</summary>
        Socklen,
        /// <summary>A struct msghdr: the struct, its name, its iovecs and their buffers, its control buffer.</summary>
        Msghdr,
        /// <summary>pselect6's { const sigset_t *ss; size_t ss_len }: the pair and the mask it points to.</summary>
        SigmaskPack,
    }

    /// <summary>
    /// One pointer argument of a system call: where it is, how long the memory is and whether the kernel writes it.
    /// Packed in one word so the syscall table's thousand constants stay in registers (a struct of several
    /// fields would give its big switch a stack frame of tens of kilobytes).
    /// </summary>
    public readonly struct PointerArg
    {
        private readonly ulong _bits;

        /// <summary>A pointer at argument <paramref name="index"/> of the given kind, count argument, size, direction and nullability.</summary>
        public PointerArg(int index, PointerLength length, int countIndex, int fixedBytes, bool kernelWrites, bool mayBeNull)
        {
            _bits = (ulong)(byte)index | (ulong)(byte)length << 8 | (ulong)(byte)countIndex << 16 | (ulong)(ushort)fixedBytes << 24 |
                (kernelWrites ? 1UL << 40 : 0) | (mayBeNull ? 1UL << 41 : 0);
        }

        /// <summary>The argument (0-5) holding the pointer.</summary>
        public byte Index => (byte)_bits;
        /// <summary>How the length of the memory is found.</summary>
        public PointerLength Length => (PointerLength)(byte)(_bits >> 8);
        /// <summary>For <see cref="PointerLength.Argument"/>, <see cref="PointerLength.IovecArray"/> and the other counted kinds: the argument holding the count.</summary>
        public byte CountIndex => (byte)(_bits >> 16);
        /// <summary>For <see cref="PointerLength.Fixed"/>: the size in bytes (for <see cref="PointerLength.Array"/>: of one element).</summary>
        public ushort FixedBytes => (ushort)(_bits >> 24);
        /// <summary>The kernel stores into the memory (it must be writable), rather than only reading it.</summary>
        public bool KernelWrites => (_bits & 1UL << 40) != 0;
        /// <summary>NULL means "none" for this argument (e.g. gettimeofday's timezone).</summary>
        public bool MayBeNull => (_bits & 1UL << 41) != 0;

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

    /// <summary>The pointer arguments of one call (at most five), or that it has none, or that it is not known.</summary>
    public readonly struct SyscallPointers
    {
        /// <summary>The most pointer arguments one call can list.</summary>
        public const int Capacity = 5;
        /// <summary>Whether the call's pointers are unknown, absent or listed.</summary>
        public readonly PointerKnowledge Knowledge;
        /// <summary>The number of listed pointer arguments.</summary>
        public readonly int Count;
        private readonly PointerArg _a, _b, _c, _d, _e;

        private SyscallPointers(PointerKnowledge knowledge, int count, PointerArg a, PointerArg b, PointerArg c, PointerArg d, PointerArg e)
        {
            Knowledge = knowledge;
            Count = count;
            _a = a;
            _b = b;
            _c = c;
            _d = d;
            _e = e;
        }

        /// <summary>A call whose pointers are not known.</summary>
        public static SyscallPointers Unknown => default;
        /// <summary>A call that takes no pointers.</summary>
        public static SyscallPointers None => new SyscallPointers(PointerKnowledge.NoPointers, 0, default, default, default, default, default);
        /// <summary>A call with this one pointer argument.</summary>
        public static SyscallPointers Of(PointerArg a) => new SyscallPointers(PointerKnowledge.Listed, 1, a, default, default, default, default);
        /// <summary>A call with these two pointer arguments.</summary>
        public static SyscallPointers Of(PointerArg a, PointerArg b) => new SyscallPointers(PointerKnowledge.Listed, 2, a, b, default, default, default);
        /// <summary>A call with these three pointer arguments.</summary>
        public static SyscallPointers Of(PointerArg a, PointerArg b, PointerArg c) => new SyscallPointers(PointerKnowledge.Listed, 3, a, b, c, default, default);
        /// <summary>A call with these four pointer arguments.</summary>
        public static SyscallPointers Of(PointerArg a, PointerArg b, PointerArg c, PointerArg d) => new SyscallPointers(PointerKnowledge.Listed, 4, a, b, c, d, default);
        /// <summary>A call with these five pointer arguments.</summary>
        public static SyscallPointers Of(PointerArg a, PointerArg b, PointerArg c, PointerArg d, PointerArg e) => new SyscallPointers(PointerKnowledge.Listed, 5, a, b, c, d, e);

        /// <summary>Pointer argument <paramref name="i"/> (0 to <see cref="Count"/> - 1).</summary>
        public PointerArg this[int i] => i == 0 ? _a : i == 1 ? _b : i == 2 ? _c : i == 3 ? _d : _e;
    }

    /// <summary>
    /// How pointer arguments are described (the kinds and struct sizes <see cref="SyscallTable"/> lists for each
    /// forwarded call, so they can be checked against the ring-3 address space first: the host kernel sees the
    /// whole Dune process, runtime included), and the pointers of the ioctl requests and fcntl commands that are
    /// forwarded (<see cref="OfIoctl"/>, <see cref="OfFcntl"/>). Pure: no allocation.
    /// </summary>
    public static class SyscallPointerArgs
    {
        /// <summary>Linux's PATH_MAX: the longest path, NUL included.</summary>
        public const int PathMax = 4096;
        /// <summary>Linux's IOV_MAX: the most iovecs one call takes.</summary>
        public const int IovMax = 1024;
        /// <summary>The size of one struct iovec in bytes.</summary>
        public const int IovecBytes = 16;

        /// <summary>Kernel struct sizes on x86-64.</summary>
        public const int StatBytes = 144, StatxBytes = 256, TimespecBytes = 16, TimevalBytes = 16, TimezoneBytes = 8,
            UtsnameBytes = 390, RlimitBytes = 16, RusageBytes = 144, SysinfoBytes = 112, TmsBytes = 32, PipeFdsBytes = 8,
            TermiosBytes = 36, WinsizeBytes = 8, IntBytes = 4, StatfsBytes = 120, PollfdBytes = 8, SigsetBytes = 8,
            EpollEventBytes = 12, SiginfoBytes = 128, ItimervalBytes = 32, ItimerspecBytes = 32, CapHeaderBytes = 8,
            CapDataBytes = 24, MsghdrBytes = 56, FlockBytes = 32;

        /// <summary>The ioctl requests with known pointers: TCGETS (struct termios), TIOCGWINSZ (struct winsize), FIONREAD (int).</summary>
        public const long TCGETS = 0x5401, TIOCGWINSZ = 0x5413, FIONREAD = 0x541B;
        /// <summary>The fcntl commands (F_DUPFD ... F_OFD_SETLKW) with Linux's numbers.</summary>
        public const long F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7,
            F_DUPFD_CLOEXEC = 1030, F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38;

        /// <summary>Memory the kernel reads: <paramref name="count"/>-th argument bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg In(int index, int count) => new PointerArg(index, PointerLength.Argument, count, 0, false, false);
        /// <summary>Memory the kernel writes: <paramref name="count"/>-th argument bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg Out(int index, int count) => new PointerArg(index, PointerLength.Argument, count, 0, true, false);
        /// <summary>Memory the kernel reads: <paramref name="bytes"/> bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg InFixed(int index, int bytes) => new PointerArg(index, PointerLength.Fixed, 0, bytes, false, false);
        /// <summary>Memory the kernel writes: <paramref name="bytes"/> bytes at argument <paramref name="index"/>.</summary>
        public static PointerArg OutFixed(int index, int bytes) => new PointerArg(index, PointerLength.Fixed, 0, bytes, true, false);
        /// <summary>A path the kernel reads: a NUL-terminated string at argument <paramref name="index"/>.</summary>
        public static PointerArg Path(int index) => new PointerArg(index, PointerLength.String, 0, 0, false, false);
        /// <summary>An iovec array at argument <paramref name="index"/>, with as many entries as argument <paramref name="count"/> says.</summary>
        public static PointerArg Iovecs(int index, int count, bool kernelWrites) =>
            new PointerArg(index, PointerLength.IovecArray, count, 0, kernelWrites, false);
        /// <summary>An array at argument <paramref name="index"/> of <paramref name="elementBytes"/>-byte elements, as many as argument <paramref name="count"/> says.</summary>
        public static PointerArg ArrayOf(int index, int count, int elementBytes, bool kernelWrites) =>
            new PointerArg(index, PointerLength.Array, count, elementBytes, kernelWrites, false);
        /// <summary>An fd_set at argument <paramref name="index"/> that the kernel rewrites, sized by argument <paramref name="nfds"/>.</summary>
        public static PointerArg FdSet(int index, int nfds) => new PointerArg(index, PointerLength.FdSet, nfds, 0, true, false);
        /// <summary>A buffer at argument <paramref name="index"/> whose length is the socklen_t argument <paramref name="lengthPointer"/> points to.</summary>
        public static PointerArg Socklen(int index, int lengthPointer) => new PointerArg(index, PointerLength.Socklen, lengthPointer, 0, true, false);
        /// <summary>A struct msghdr at argument <paramref name="index"/>, with everything it points to.</summary>
        public static PointerArg Msghdr(int index, bool kernelWrites) => new PointerArg(index, PointerLength.Msghdr, 0, MsghdrBytes, kernelWrites, false);
        /// <summary>pselect6's sigmask pair at argument <paramref name="index"/>.</summary>
        public static PointerArg SigmaskPack(int index) => new PointerArg(index, PointerLength.SigmaskPack, 0, 16, false, false);

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

        /// <summary>fcntl(fd, cmd, arg): the integer commands take no pointer, the record locks a struct flock; the rest (owners, leases, seals...) are Unknown.</summary>
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
                case F_GETLK:
                case F_OFD_GETLK:
                    return SyscallPointers.Of(OutFixed(2, FlockBytes));
                case F_SETLK:
                case F_SETLKW:
                case F_OFD_SETLK:
                case F_OFD_SETLKW:
                    return SyscallPointers.Of(InFixed(2, FlockBytes));
                default:
                    return SyscallPointers.Unknown;
            }
        }
    }
}
