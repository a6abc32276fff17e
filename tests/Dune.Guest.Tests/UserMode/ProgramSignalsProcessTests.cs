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
        var s = new ProgramSignals();
        SetHandler(s, 10, 0x40_1000);
        SetHandler(s, 12, ProgramSignals.SigIgn);
        ulong block = 1UL << 9;
        s.Mask(0, &block, null, 8);
        s.Raise(SignalInfo.FromKernel(10));
        byte* stack = stackalloc byte[ProgramSignals.StackBytes];
        *(ulong*)stack = 0x70_0000;
        *(int*)(stack + 8) = 0;
        *(ulong*)(stack + 16) = 8192;
        Assert.Equal(0, s.AltStack(stack, null, 0x10_0000));

        s.ResetForExec();

        Assert.Equal((ProgramSignals.SigDfl, 0UL, 0UL, 0UL), (s.Handler(10), s.Flags(10), s.Restorer(10), s.HandlerMask(10)));
        Assert.Equal((ProgramSignals.SigIgn, 0UL, 0UL), (s.Handler(12), s.Flags(12), s.HandlerMask(12)));
        Assert.Equal(block, s.Blocked);
        Assert.Equal(1UL << 9, s.Pending);
        s.SavedAltStack(0x10_0000, out ulong sp, out int flags, out ulong size);
        Assert.Equal((0UL, ProgramSignals.SsDisable, 0UL), (sp, flags, size));
    }

    [Fact]
    public void AForkedChildStartsWithNothingPending()
    {
        var s = new ProgramSignals();
        SetHandler(s, 10, 0x40_1000);
        ulong block = 1UL << 9;
        s.Mask(0, &block, null, 8);
        s.Raise(SignalInfo.FromKernel(10));
        s.ForgetPending();
        Assert.Equal((0UL, block, 0x40_1000UL), (s.Pending, s.Blocked, s.Handler(10)));
    }
}
