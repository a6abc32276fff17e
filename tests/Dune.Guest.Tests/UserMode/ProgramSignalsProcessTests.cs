using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>What fork and execve do to the program's signals (Linux: signal(7), execve(2), fork(2)).</summary>
public unsafe class ProgramSignalsProcessTests
{
    private static void SetHandler(ProgramSignals s, int signal, ulong handler)
    {
        ulong* act = stackalloc ulong[4];
        act[0] = handler;
        act[1] = ProgramSignals.SaRestorer | ProgramSignals.SaRestart;
        act[2] = 0x40_2000;
        act[3] = 1UL << 5;
        Assert.Equal(0, s.Action(signal, (byte*)act, null, 8));
    }

    [Fact]
    public void ExecResetsHandlersKeepsIgnoredSignalsTheMaskAndPendingOnes()
    {
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        SetHandler(p, 12, ProgramSignals.SigIgn);
        ulong block = 1UL << 9;
        s.Mask(0, &block, null, 8);
        p.Raise(SignalInfo.FromKernel(10), s);
        byte* stack = stackalloc byte[ProgramSignals.StackBytes];
        *(ulong*)stack = 0x70_0000;
        *(int*)(stack + 8) = 0;
        *(ulong*)(stack + 16) = 8192;
        Assert.Equal(0, s.AltStack(stack, null, 0x10_0000));

        p.ResetHandlers();
        s.ResetForExec();

        Assert.Equal((ProgramSignals.SigDfl, 0UL, 0UL, 0UL), (p.Handler(10), p.Flags(10), p.Restorer(10), p.HandlerMask(10)));
        Assert.Equal((ProgramSignals.SigIgn, 0UL, 0UL), (p.Handler(12), p.Flags(12), p.HandlerMask(12)));
        Assert.Equal(block, s.Blocked);
        Assert.Equal(1UL << 9, s.PendingBlocked);
        s.SavedAltStack(0x10_0000, out ulong sp, out int flags, out ulong size);
        Assert.Equal((0UL, ProgramSignals.SsDisable, 0UL), (sp, flags, size));
    }

    [Fact]
    public void AForkedChildHasOnlyTheForkingThreadWithNothingPending()
    {
        var p = new ProgramSignals();
        ThreadSignals main = p.AddThread(0), forking = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        ulong block = 1UL << 9;
        forking.Mask(0, &block, null, 8);
        p.Raise(SignalInfo.FromKernel(10), forking);
        forking.Raise(SignalInfo.FromKernel(10));
        p.ForkedBy(forking);
        Assert.Equal((0UL, 0UL, block, 0x40_1000UL, 1), (p.Pending, forking.PendingBlocked, forking.Blocked, p.Handler(10), p.ThreadCount));
        Assert.Empty(p.OtherThreads(forking));
    }
}
