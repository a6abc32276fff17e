using Dune.Platform;
using Xunit;

namespace Dune.Guest.Tests.Platform;

/// <summary>The host's siginfo of a signal another process sent, kept per signal for the sandbox's relay.</summary>
public unsafe class HostSignalSendersTests
{
    private static void Deliver(int signal, int code, ulong union, ulong detail)
    {
        byte* info = stackalloc byte[HostSiginfo.Bytes];
        HostSiginfo.Fill(info, signal, code, union, detail);
        HostSignalSenders.Record(signal, info);
    }

    [Fact]
    public void TheLastSendersSiginfoIsTakenOnce()
    {
        Deliver(12, 0, 4242 | 1000UL << 32, 0);         // kill: SI_USER, pid 4242, uid 1000
        Deliver(12, -1, 4343 | 1000UL << 32, 77);       // sigqueue before the relay took the kill's: replaces it
        Assert.True(HostSignalSenders.Take(12, out int code, out ulong sender, out ulong detail));
        Assert.Equal((-1, 4343 | 1000UL << 32, 77UL), (code, sender, detail));
        Assert.False(HostSignalSenders.Take(12, out _, out _, out _));
    }

    [Fact]
    public void TimersAndOtherSignalsAreNotMixedIn()
    {
        Deliver(17, 1, 99 | 0UL << 32, 3);              // SIGCHLD: CLD_EXITED, child 99, status 3
        Deliver(45, -2, 5, 0x55);                       // a POSIX timer's: HostTimerSignals keeps those
        Assert.False(HostSignalSenders.Take(45, out _, out _, out _));
        Assert.False(HostSignalSenders.Take(16, out _, out _, out _));
        Assert.True(HostSignalSenders.Take(17, out int code, out ulong sender, out ulong detail));
        Assert.Equal((1, 99UL, 3UL), (code, sender, detail));
    }
}
