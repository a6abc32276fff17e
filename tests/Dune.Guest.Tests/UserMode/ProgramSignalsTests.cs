using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The program's signal bookkeeping: Linux's rules for one thread.</summary>
public unsafe class ProgramSignalsTests
{
    private static void SetHandler(ProgramSignals s, int signal, ulong handler, ulong flags = ProgramSignals.SaRestorer, ulong mask = 0)
    {
        ulong* act = stackalloc ulong[4];
        act[0] = handler;
        act[1] = flags;
        act[2] = 0x40_2000;
        act[3] = mask;
        Assert.Equal(0, s.Action(signal, (byte*)act, null, 8));
    }

    [Fact]
    public void PendingSignalsAreDeliveredLowestFirstUnlessBlocked()
    {
        var s = new ProgramSignals();
        SetHandler(s, 10, 0x40_1000);
        SetHandler(s, 2, 0x40_1000);
        s.Raise(SignalInfo.FromKernel(10));
        s.Raise(SignalInfo.FromKernel(2));
        ulong block = 1UL << 1;
        s.Mask(0, &block, null, 8);
        Assert.Equal(10, s.NextDeliverable());
        Assert.Equal(10, s.Take(10).Signal);
        Assert.Equal(0, s.NextDeliverable());
        s.Mask(1, &block, null, 8);
        Assert.Equal(2, s.NextDeliverable());
    }

    [Fact]
    public void IgnoredSignalsAreDroppedUnlessBlocked()
    {
        var s = new ProgramSignals();
        s.Raise(SignalInfo.FromKernel(17)); // SIGCHLD: ignored by default
        SetHandler(s, 10, ProgramSignals.SigIgn);
        s.Raise(SignalInfo.FromKernel(10));
        Assert.Equal(0UL, s.Pending);
        ulong block = 1UL << 9;
        s.Mask(0, &block, null, 8);
        s.Raise(SignalInfo.FromKernel(10));
        Assert.Equal(block, s.Pending);
        // Setting "ignore" again discards the pending one, as Linux does.
        SetHandler(s, 10, ProgramSignals.SigIgn);
        Assert.Equal(0UL, s.Pending);
    }

    [Fact]
    public void SigkillAndSigstopCannotBeCaughtOrBlocked()
    {
        var s = new ProgramSignals();
        ulong* act = stackalloc ulong[4];
        Assert.Equal(-22, s.Action(9, (byte*)act, null, 8));
        Assert.Equal(-22, s.Action(19, (byte*)act, null, 8));
        ulong all = ~0UL;
        s.Mask(2, &all, null, 8);
        Assert.Equal(~0UL & ~(1UL << 8) & ~(1UL << 18), s.Blocked);
        s.Raise(SignalInfo.FromKernel(9));
        Assert.Equal(9, s.NextDeliverable());
    }

    [Fact]
    public void SigactionReadsTheNewActionBeforeWritingTheOldOne()
    {
        var s = new ProgramSignals();
        SetHandler(s, 10, 0x40_1000);
        ulong* both = stackalloc ulong[4];
        both[0] = 0x40_3000;
        both[1] = ProgramSignals.SaRestorer;
        Assert.Equal(0, s.Action(10, (byte*)both, (byte*)both, 8));
        Assert.Equal(0x40_1000UL, both[0]);
        Assert.Equal(0x40_3000UL, s.Handler(10));
    }

    [Fact]
    public void AlternateStackReportsOnStackAndDisarmsWhenAsked()
    {
        var s = new ProgramSignals();
        ulong* ss = stackalloc ulong[3];
        ss[0] = 0x5000_0000;
        ss[1] = ProgramSignals.SsAutoDisarm;
        ss[2] = 0x10000;
        Assert.Equal(0, s.AltStack((byte*)ss, null, 0x7000_0000));
        Assert.True(s.IsOnAltStack(0x5000_8000));
        Assert.False(s.IsOnAltStack(0x5000_0000)); // the lowest byte is not "on" it: sp points above what it pushes
        ulong* old = stackalloc ulong[3];
        Assert.Equal(-1, s.AltStack((byte*)ss, (byte*)old, 0x5000_8000)); // EPERM while on it
        Assert.Equal(ProgramSignals.SsOnStack | unchecked((int)ProgramSignals.SsAutoDisarm), *(int*)((byte*)old + 8));
        Assert.Equal(0x5001_0000UL, s.EnterAltStack(0x7000_0000));
        Assert.Equal(0UL, s.EnterAltStack(0x7000_0000)); // disarmed until rt_sigreturn puts it back
        s.RestoreAltStack(0x5000_0000, unchecked((int)ProgramSignals.SsAutoDisarm), 0x10000, 0x7000_0000);
        Assert.Equal(0x5001_0000UL, s.EnterAltStack(0x7000_0000));
        ss[1] = 7;
        Assert.Equal(-22, s.AltStack((byte*)ss, null, 0x7000_0000));
        ss[1] = 0;
        ss[2] = 100;
        Assert.Equal(-12, s.AltStack((byte*)ss, null, 0x7000_0000));
    }

    [Fact]
    public void SigsuspendMaskComesBackAfterTheHandlerOrAtOnce()
    {
        var s = new ProgramSignals();
        ulong alrm = 1UL << 13;
        s.Mask(2, &alrm, null, 8);
        s.SuspendWith(0);
        Assert.Equal(0UL, s.Blocked);
        Assert.Equal(alrm, s.TakeMaskToRestore()); // the handler's frame saves the old mask
        s.RestoreSavedMask();
        Assert.Equal(0UL, s.Blocked); // the handler's frame restores the old mask on rt_sigreturn
        s.Mask(2, &alrm, null, 8);
        s.SuspendWith(0);
        s.RestoreSavedMask(); // no handler ran
        Assert.Equal(alrm, s.Blocked);
    }
}
