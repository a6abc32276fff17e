using System.Linq;
using Dune.Platform;
using Xunit;

namespace Dune.Guest.Tests.Platform;

/// <summary>The host's siginfo of a POSIX timer, kept per timer for the sandbox's relay.</summary>
public unsafe class HostTimerSignalsTests
{
    private static void Deliver(int signal, int code, ulong union, ulong sigval)
    {
        byte* info = stackalloc byte[HostSiginfo.Bytes];
        HostSiginfo.Fill(info, signal, code, union, sigval);
        HostTimerSignals.Record(signal, info);
    }

    /// <summary>A recorded siginfo of <paramref name="signal"/>, which must be there.</summary>
    private static (ulong Timer, ulong Sigval) Taken(int signal)
    {
        Assert.True(HostTimerSignals.Take(signal, out ulong timer, out ulong sigval));
        return (timer, sigval);
    }

    [Fact]
    public void ATimersSiginfoIsTakenOnce()
    {
        Deliver(40, -2, 7 | 2UL << 32, 0x1234_5678_9abc);
        Assert.Equal((7 | 2UL << 32, 0x1234_5678_9abcUL), Taken(40));
        Assert.False(HostTimerSignals.Take(40, out _, out _));
    }

    [Theory]
    [InlineData(0)]      // SI_USER: kill
    [InlineData(-6)]     // SI_TKILL
    [InlineData(0x80)]   // SI_KERNEL
    public void OtherSignalsAreNotRecorded(int code)
    {
        Deliver(41, code, 1, 2);
        Assert.False(HostTimerSignals.Take(41, out _, out _));
    }

    [Fact]
    public void TwoTimersOfOneSignalAreBothKept()
    {
        Deliver(42, -2, 1, 10);
        Deliver(42, -2, 2, 20);
        Assert.Equal(new[] { (1UL, 10UL), (2UL, 20UL) }, new[] { Taken(42), Taken(42) }.OrderBy(t => t.Timer));
        Assert.False(HostTimerSignals.Take(42, out _, out _));
    }

    [Fact]
    public void ASecondSignalOfOneTimerCountsAsItsOverrun()
    {
        Deliver(43, -2, 5 | 1UL << 32, 1);
        Deliver(43, -2, 5 | 2UL << 32, 2);
        Assert.Equal((5 | 4UL << 32, 2UL), Taken(43)); // 1 + the later expiry + its own 2
        Assert.False(HostTimerSignals.Take(43, out _, out _));
    }

    [Fact]
    public void OneTimerIdUnderTwoSignalsIsTwoEntries()
    {
        Deliver(44, -2, 9, 1);
        Deliver(45, -2, 9, 2);
        Assert.Equal((9UL, 2UL), Taken(45));
        Assert.Equal((9UL, 1UL), Taken(44));
    }

    [Fact]
    public void SlotsFreedByTakeAreUsedAgain()
    {
        for (int round = 0; round < 3; round++)
        {
            for (ulong timer = 0; timer < 64; timer++) Deliver(46, -2, timer, timer + 100);
            var taken = new System.Collections.Generic.List<ulong>();
            while (HostTimerSignals.Take(46, out ulong timer, out ulong sigval))
            {
                Assert.Equal(timer + 100, sigval);
                taken.Add(timer);
            }
            Assert.Equal(Enumerable.Range(0, 64).Select(i => (ulong)i), taken.OrderBy(t => t));
        }
    }
}
