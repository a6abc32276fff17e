using Dune.UserMode;

namespace Dune.Guest.Tests.UserMode;

public class SyscallPointerArgsTests
{
    private static PointerArg Single(long number)
    {
        SyscallPointers p = SyscallTable.Of(number).Pointers;
        Assert.Equal(PointerKnowledge.Listed, p.Knowledge);
        Assert.Equal(1, p.Count);
        return p[0];
    }

    private static void AssertArg(PointerArg a, int index, PointerLength length, int count, int bytes, bool writes, bool mayBeNull)
    {
        Assert.Equal((index, length, writes, mayBeNull), ((int)a.Index, a.Length, a.KernelWrites, a.MayBeNull));
        if (length == PointerLength.Fixed) Assert.Equal(bytes, (int)a.FixedBytes);
        if (length == PointerLength.Argument || length == PointerLength.IovecArray) Assert.Equal(count, (int)a.CountIndex);
    }

    [Theory]
    [InlineData(0L, true)]   // read
    [InlineData(17L, true)]  // pread64
    [InlineData(1L, false)]  // write
    [InlineData(18L, false)] // pwrite64
    public void ReadAndWriteBuffersAreArgumentOneForArgumentTwoBytes(long number, bool kernelWrites)
    {
        AssertArg(Single(number), 1, PointerLength.Argument, 2, 0, kernelWrites, false);
    }

    [Theory]
    [InlineData(19L, true)]   // readv
    [InlineData(295L, true)]  // preadv
    [InlineData(20L, false)]  // writev
    [InlineData(296L, false)] // pwritev
    public void VectoredCallsTakeAnIovecArrayCountedByArgumentTwo(long number, bool kernelWrites)
    {
        AssertArg(Single(number), 1, PointerLength.IovecArray, 2, 0, kernelWrites, false);
    }

    [Theory]
    [InlineData(2L, 0)]   // open
    [InlineData(21L, 0)]  // access
    [InlineData(83L, 0)]  // mkdir
    [InlineData(87L, 0)]  // unlink
    [InlineData(257L, 1)] // openat
    [InlineData(263L, 1)] // unlinkat
    [InlineData(269L, 1)] // faccessat
    public void PathCallsTakeOneString(long number, int index)
    {
        AssertArg(Single(number), index, PointerLength.String, 0, 0, false, false);
    }

    [Fact]
    public void StatFamilyTakesAPathAndA144ByteBufferTheKernelFills()
    {
        SyscallPointers stat = SyscallTable.Of(4).Pointers, newfstatat = SyscallTable.Of(262).Pointers;
        Assert.Equal(2, stat.Count);
        AssertArg(stat[0], 0, PointerLength.String, 0, 0, false, false);
        AssertArg(stat[1], 1, PointerLength.Fixed, 0, 144, true, false);
        Assert.Equal(2, newfstatat.Count);
        AssertArg(newfstatat[0], 1, PointerLength.String, 0, 0, false, false);
        AssertArg(newfstatat[1], 2, PointerLength.Fixed, 0, 144, true, false);
        AssertArg(Single(5), 1, PointerLength.Fixed, 0, 144, true, false); // fstat
    }

    [Fact]
    public void ReadlinkTakesAPathAndAnOutputBufferSizedByArgumentTwo()
    {
        SyscallPointers p = SyscallTable.Of(89).Pointers;
        Assert.Equal(2, p.Count);
        AssertArg(p[0], 0, PointerLength.String, 0, 0, false, false);
        AssertArg(p[1], 1, PointerLength.Argument, 2, 0, true, false);
    }

    [Fact]
    public void TimeAndSystemInformationBuffersHaveKernelStructSizes()
    {
        AssertArg(Single(228), 1, PointerLength.Fixed, 0, 16, true, false);   // clock_gettime
        AssertArg(Single(63), 0, PointerLength.Fixed, 0, 390, true, false);   // uname
        AssertArg(Single(318), 0, PointerLength.Argument, 1, 0, true, false); // getrandom
        SyscallPointers gettimeofday = SyscallTable.Of(96).Pointers;
        Assert.Equal(2, gettimeofday.Count);
        AssertArg(gettimeofday[0], 0, PointerLength.Fixed, 0, 16, true, true);
        AssertArg(gettimeofday[1], 1, PointerLength.Fixed, 0, 8, true, true);
        SyscallPointers nanosleep = SyscallTable.Of(35).Pointers;
        AssertArg(nanosleep[0], 0, PointerLength.Fixed, 0, 16, false, false);
        AssertArg(nanosleep[1], 1, PointerLength.Fixed, 0, 16, true, true);
    }

    [Theory]
    [InlineData(32L)]  // dup
    [InlineData(39L)]  // getpid
    [InlineData(110L)] // getppid
    public void PointerFreeCallsAreKnownWithNoPointers(long number)
    {
        SyscallPointers p = SyscallTable.Of(number).Pointers;
        Assert.Equal((PointerKnowledge.NoPointers, 0), (p.Knowledge, p.Count));
    }

    [Theory]
    [InlineData(13L)]  // rt_sigaction: emulated
    [InlineData(202L)] // futex: emulated
    [InlineData(16L)]  // ioctl: only through OfIoctl
    [InlineData(72L)]  // fcntl: only through OfFcntl
    [InlineData(56L)]  // clone: refused
    [InlineData(-1L)]
    [InlineData(100000L)]
    public void CallsNotForwardedHaveNoPointerList(long number)
    {
        Assert.Equal(PointerKnowledge.Unknown, SyscallTable.Of(number).Pointers.Knowledge);
    }

    [Fact]
    public void IoctlKnowsOnlyTerminalQueriesWithTheirOutputSizes()
    {
        SyscallPointers tcgets = SyscallPointerArgs.OfIoctl(0x5401), winsize = SyscallPointerArgs.OfIoctl(0x5413);
        AssertArg(tcgets[0], 2, PointerLength.Fixed, 0, 36, true, false);
        AssertArg(winsize[0], 2, PointerLength.Fixed, 0, 8, true, false);
        Assert.Equal(PointerKnowledge.Unknown, SyscallPointerArgs.OfIoctl(0x5402).Knowledge); // TCSETS
        Assert.Equal(PointerKnowledge.Unknown, SyscallPointerArgs.OfIoctl(0).Knowledge);
    }

    [Fact]
    public void FcntlKnowsIntegerCommandsAndRecordLocks()
    {
        Assert.Equal(PointerKnowledge.NoPointers, SyscallPointerArgs.OfFcntl(3).Knowledge);    // F_GETFL
        Assert.Equal(PointerKnowledge.NoPointers, SyscallPointerArgs.OfFcntl(1030).Knowledge); // F_DUPFD_CLOEXEC
        AssertArg(SyscallPointerArgs.OfFcntl(5)[0], 2, PointerLength.Fixed, 0, 32, true, false);   // F_GETLK writes a struct flock
        AssertArg(SyscallPointerArgs.OfFcntl(7)[0], 2, PointerLength.Fixed, 0, 32, false, false);  // F_SETLKW reads one
        Assert.Equal(PointerKnowledge.Unknown, SyscallPointerArgs.OfFcntl(16).Knowledge);      // F_GETOWN_EX
    }

    [Fact]
    public void OrNullKeepsEverythingElse()
    {
        PointerArg a = SyscallPointerArgs.OutFixed(3, 16).OrNull();
        AssertArg(a, 3, PointerLength.Fixed, 0, 16, true, true);
    }
}
