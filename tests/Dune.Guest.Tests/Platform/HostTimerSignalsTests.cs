using Dune.Platform;
using Xunit;

namespace Dune.Guest.Tests.Platform;

/// <summary>The host's siginfo of a POSIX timer, kept per signal for the sandbox's relay.</summary>
public unsafe class HostTimerSignalsTests
{
    private static void Deliver(int signal, int code, ulong union, ulong sigval)
    {
        byte* info = stackalloc byte[128];
        *(int*)info = signal;
        *(int*)(info + 8) = code;
        *(ulong*)(info + 16) = union;
        *(ulong*)(info + 24) = sigval;
        HostTimerSignals.Record(signal, info);
    }

    [Fact]
    public void ATimersSiginfoIsTakenOnce()
    {
        Deliver(40, -2, 7 | 2UL << 32, 0x1234_5678_9abc);
        Assert.True(HostTimerSignals.Take(40, out ulong timer, out ulong sigval));
        Assert.Equal((7 | 2UL << 32, 0x1234_5678_9abcUL), (timer, sigval));
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
    public void TheLaterOfTwoTimersOfOneSignalIsKept()
    {
        Deliver(42, -2, 1, 10);
        Deliver(42, -2, 2, 20);
        Assert.True(HostTimerSignals.Take(42, out ulong timer, out ulong sigval));
        Assert.Equal((2UL, 20UL), (timer, sigval));
    }
}
