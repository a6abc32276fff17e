using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The program's signal bookkeeping: Linux's rules for the process and each thread.</summary>
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
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        SetHandler(p, 2, 0x40_1000);
        p.Raise(SignalInfo.FromKernel(10), s);
        p.Raise(SignalInfo.FromKernel(2), s);
        ulong block = 1UL << 1;
        s.Mask(0, &block, null, 8);
        Assert.Equal(10, s.NextDeliverable());
        Assert.Equal(10, s.Take(10).Signal);
        Assert.Equal(0, s.NextDeliverable());
        s.Mask(1, &block, null, 8);
        Assert.Equal(2, s.NextDeliverable());
    }

    [Fact]
    public void AProcessSignalItsThreadNowBlocksGoesToAThreadThatTakesIt()
    {
        var p = new ProgramSignals();
        ThreadSignals a = p.AddThread(0), b = p.AddThread(0), c = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        SetHandler(p, 12, 0x40_1000);
        ulong usr2 = 1UL << 11;
        b.Mask(0, &usr2, null, 8);
        Assert.Same(a, p.Raise(SignalInfo.FromKernel(10), a));
        Assert.Same(a, p.Raise(SignalInfo.FromKernel(12), a));
        ulong both = 1UL << 9 | usr2;
        a.Mask(0, &both, null, 8);
        // SIGUSR1: b is the first other thread that takes it; SIGUSR2: b blocks it, c takes it.
        Assert.Equal(new[] { b, c }, p.Retarget(both, a));
        Assert.Empty(p.Retarget(1UL << 13, a)); // nothing pending of it
        c.Mask(0, &both, null, 8);
        b.Mask(0, &both, null, 8);
        Assert.Empty(p.Retarget(both, a)); // nobody takes them: they wait for an unblock
    }

    /// <summary>Linux's prepare_signal: a stop signal with the default action stays pending (its action is to stop), a stop drops a pending SIGCONT and SIGCONT every pending stop, the thread's own too.</summary>
    [Fact]
    public void StopsAndContinuesCancelEachOther()
    {
        var p = new ProgramSignals();
        ThreadSignals t = p.AddThread(0);
        Assert.False(p.IsIgnored(20));
        Assert.True(p.IsIgnored(ProgramSignals.SigCont));
        Assert.Equal((true, true, true, true, false, false), (ProgramSignals.StopsByDefault(19), ProgramSignals.StopsByDefault(20), ProgramSignals.StopsByDefault(21),
            ProgramSignals.StopsByDefault(22), ProgramSignals.StopsByDefault(18), ProgramSignals.StopsByDefault(23)));
        ulong cont = 1UL << 17;
        t.Mask(0, &cont, null, 8); // blocked, so a pending SIGCONT is kept although its default ignores it
        p.Raise(SignalInfo.FromKernel(ProgramSignals.SigCont), t);
        Assert.Equal(cont, t.PendingBlocked);
        p.Raise(SignalInfo.FromKernel(20), t);
        Assert.Equal(0UL, t.PendingBlocked);
        Assert.Equal(20, t.NextDeliverable());
        t.Raise(SignalInfo.FromKernel(22));
        p.Raise(SignalInfo.FromKernel(ProgramSignals.SigCont), t);
        Assert.Equal(0, t.NextDeliverable());
        Assert.Equal(cont, t.PendingBlocked);
    }

    [Fact]
    public void IgnoredSignalsAreDroppedUnlessBlocked()
    {
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
        p.Raise(SignalInfo.FromKernel(17), s); // SIGCHLD: ignored by default
        SetHandler(p, 10, ProgramSignals.SigIgn);
        p.Raise(SignalInfo.FromKernel(10), s);
        Assert.Equal(0UL, p.Pending);
        ulong block = 1UL << 9;
        s.Mask(0, &block, null, 8);
        p.Raise(SignalInfo.FromKernel(10), s);
        Assert.Equal(block, p.Pending);
        // Setting "ignore" again discards the pending one, as Linux does.
        SetHandler(p, 10, ProgramSignals.SigIgn);
        Assert.Equal(0UL, p.Pending);
    }

    [Fact]
    public void SigkillAndSigstopCannotBeCaughtOrBlocked()
    {
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
        ulong* act = stackalloc ulong[4];
        Assert.Equal(-22, p.Action(9, (byte*)act, null, 8));
        Assert.Equal(-22, p.Action(19, (byte*)act, null, 8));
        ulong all = ~0UL;
        s.Mask(2, &all, null, 8);
        Assert.Equal(~0UL & ~(1UL << 8) & ~(1UL << 18), s.Blocked);
        p.Raise(SignalInfo.FromKernel(9), s);
        Assert.Equal(9, s.NextDeliverable());
    }

    [Fact]
    public void SigactionReadsTheNewActionBeforeWritingTheOldOne()
    {
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        ulong* both = stackalloc ulong[4];
        both[0] = 0x40_3000;
        both[1] = ProgramSignals.SaRestorer;
        Assert.Equal(0, p.Action(10, (byte*)both, (byte*)both, 8));
        Assert.Equal(0x40_1000UL, both[0]);
        Assert.Equal(0x40_3000UL, p.Handler(10));
    }

    [Fact]
    public void AlternateStackReportsOnStackAndDisarmsWhenAsked()
    {
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
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
        var p = new ProgramSignals();
        ThreadSignals s = p.AddThread(0);
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

    [Fact]
    public void EachThreadHasItsOwnMaskAndAProcessSignalGoesToAThreadThatDoesNotBlockIt()
    {
        var p = new ProgramSignals();
        ThreadSignals main = p.AddThread(0), worker = p.AddThread(0);
        SetHandler(p, 10, 0x40_1000);
        ulong usr1 = 1UL << 9;
        main.Mask(0, &usr1, null, 8);
        Assert.Equal((usr1, 0UL), (main.Blocked, worker.Blocked));
        Assert.Same(worker, p.Raise(SignalInfo.FromKernel(10), main)); // main blocks it: the worker takes it
        Assert.Equal((0, 10), (main.NextDeliverable(), worker.NextDeliverable()));
        Assert.Equal(10, worker.Take(10).Signal);
        Assert.Equal((0UL, 0), (p.Pending, main.NextDeliverable()));
        worker.Mask(0, &usr1, null, 8);
        Assert.Null(p.Raise(SignalInfo.FromKernel(10), main)); // everyone blocks it: pending for the process
        Assert.Equal(usr1, main.PendingBlocked);
    }

    [Fact]
    public void AThreadSignalIsThatThreadsAlone()
    {
        var p = new ProgramSignals();
        ThreadSignals main = p.AddThread(0), worker = p.AddThread(0);
        SetHandler(p, 12, 0x40_1000);
        worker.Raise(SignalInfo.FromProcess(12, SignalInfo.SiTkill, 1, 0));
        Assert.Equal((0, 12), (main.NextDeliverable(), worker.NextDeliverable()));
        Assert.Equal(SignalInfo.SiTkill, worker.Take(12).Code);
        Assert.Equal(0, worker.NextDeliverable());
    }

    [Fact]
    public void SigwaitTakesABlockedSignalAndMakesTheWaiterATarget()
    {
        var p = new ProgramSignals();
        ThreadSignals waiter = p.AddThread(0), other = p.AddThread(0);
        ulong usr2 = 1UL << 11;
        waiter.Mask(0, &usr2, null, 8);
        other.Mask(0, &usr2, null, 8);
        waiter.Waiting = usr2;
        Assert.Same(waiter, p.Raise(SignalInfo.FromKernel(12), other)); // blocked everywhere, but the waiter waits for it
        Assert.Equal((0, 12), (waiter.NextDeliverable(), waiter.NextOf(usr2)));
        Assert.Equal(12, waiter.Take(12).Signal);
        Assert.Equal(0, other.NextOf(usr2));
    }

    [Fact]
    public void ATimersExpiriesWhileItsSignalIsPendingCountAsOverruns()
    {
        var p = new ProgramSignals();
        ThreadSignals t = p.AddThread(ulong.MaxValue); // blocks everything
        const ulong Timer = 3;
        p.Raise(SignalInfo.FromTimer(34, Timer, 0x77), t);
        p.Raise(SignalInfo.FromTimer(34, Timer, 0x77), t);
        p.Raise(SignalInfo.FromTimer(34, Timer | 2UL << 32, 0x77), t); // the host had missed two itself
        p.Raise(SignalInfo.FromTimer(34, 9, 0x77), t);                 // another timer's: merges nothing
        SignalInfo taken = t.Take(34);
        Assert.Equal((3, 1 + 1 + 2, 0x77UL), (taken.TimerId, taken.Overrun, taken.Sigval));
        // A thread's own pending timer signal (SIGEV_THREAD_ID) counts the same way; a kill does not.
        t.Raise(SignalInfo.FromTimer(35, Timer, 0));
        t.Raise(SignalInfo.FromTimer(35, Timer, 0));
        t.Raise(SignalInfo.FromKernel(35));
        Assert.Equal(1, t.Take(35).Overrun);
    }

    [Fact]
    public void OverrunsStopAtDelaytimerMax()
    {
        SignalInfo pending = SignalInfo.FromTimer(34, 1 | (ulong)int.MaxValue << 32, 0);
        Assert.True(pending.TryMergeTimer(SignalInfo.FromTimer(34, 1, 0)));
        Assert.Equal(int.MaxValue, pending.Overrun);
        Assert.False(pending.TryMergeTimer(SignalInfo.FromKernel(34)));
    }

    [Fact]
    public void SignalsIgnoredAtStartStartIgnored()
    {
        ProgramSignals p = ProgramSignals.IgnoringAtStart(1UL << 0 | 1UL << 8 | 1UL << 9); // SIGHUP, SIGKILL, SIGUSR1
        Assert.Equal((ProgramSignals.SigIgn, ProgramSignals.SigDfl, ProgramSignals.SigIgn, ProgramSignals.SigDfl), (p.Handler(1), p.Handler(9), p.Handler(10), p.Handler(2)));
        Assert.Null(p.Raise(SignalInfo.FromKernel(1), null));
        Assert.Equal(0UL, p.Pending);
    }

    [Fact]
    public void TgkillFindsAThreadByTheTidTheProgramSees()
    {
        var p = new ProgramSignals();
        ThreadSignals execed = p.AddThread(0);
        execed.HostTid = 1234;
        execed.Tid = 1000; // after an execve from a thread that was not the first: the pid
        Assert.Same(execed, p.ThreadWithTid(1000));
        Assert.Null(p.ThreadWithTid(1234));
    }

    [Fact]
    public void AnEndedThreadTakesNoSignals()
    {
        var p = new ProgramSignals();
        ThreadSignals first = p.AddThread(0), second = p.AddThread(0);
        second.HostTid = second.Tid = 42;
        Assert.Same(second, p.ThreadWithTid(42));
        p.RemoveThread(second);
        Assert.Null(p.ThreadWithTid(42));
        Assert.Equal(1, p.ThreadCount);
        SetHandler(p, 10, 0x40_1000);
        Assert.Same(first, p.Raise(SignalInfo.FromKernel(10), second));
        Assert.Single(p.OtherThreads(second));
    }

    private static SignalInfo Queued(int signal, ulong value) =>
        new SignalInfo { Signal = signal, Code = -1 /* SI_QUEUE */, Value = 7, Sigval = value };

    [Fact]
    public void RealTimeSignalsQueueEveryInstanceInOrderStandardOnesOnce()
    {
        var p = new ProgramSignals();
        ThreadSignals t = p.AddThread(ulong.MaxValue);
        foreach (ulong value in new ulong[] { 1, 2, 3 }) p.Raise(Queued(34, value), t);
        p.Raise(Queued(10, 4), t);
        p.Raise(Queued(10, 5), t);
        t.Raise(Queued(40, 6));
        t.Raise(Queued(40, 7));
        Assert.Equal(6, p.Queued);
        Assert.Equal((4UL, 1UL, 2UL, 3UL), (t.Take(10).Sigval, t.Take(34).Sigval, t.Take(34).Sigval, t.Take(34).Sigval));
        Assert.Equal(1UL << 39, t.PendingBlocked); // 10 and 34 are gone, 40 still has two
        Assert.Equal((6UL, 7UL), (t.Take(40).Sigval, t.Take(40).Sigval));
        Assert.Equal((0UL, 0), (t.PendingBlocked, p.Queued));
        Assert.Equal(0, t.Take(40).Signal); // none pending: nothing taken, nothing counted (a fault takes its signal's before it raises it)
        Assert.Equal(0, p.Queued);
    }

    [Fact]
    public void QueuesStopAtTheLimitButASignalNotPendingAlwaysBecomesPending()
    {
        var p = new ProgramSignals { QueueLimit = 2 };
        ThreadSignals t = p.AddThread(ulong.MaxValue);
        p.Raise(Queued(34, 1), t, out bool full);
        Assert.False(full);
        Assert.True(t.Raise(Queued(35, 2)));
        p.Raise(Queued(34, 3), t, out full);
        Assert.True(full);
        Assert.False(t.Raise(Queued(35, 4)));
        p.Raise(Queued(36, 5), t, out full); // a third signal: pending, over the limit
        Assert.False(full);
        p.Raise(Queued(10, 6), t, out full);
        Assert.False(full);
        Assert.Equal((1UL, 2UL, 5UL), (t.Take(34).Sigval, t.Take(35).Sigval, t.Take(36).Sigval));
        Assert.Equal(1UL << 9, t.PendingBlocked);
    }

    [Fact]
    public void ATimersSignalIsQueuedOnceWhileOtherTimersQueueTheirOwn()
    {
        var p = new ProgramSignals();
        ThreadSignals t = p.AddThread(ulong.MaxValue);
        p.Raise(SignalInfo.FromTimer(34, 3, 0x33), t);
        p.Raise(SignalInfo.FromTimer(34, 9, 0x99), t);
        p.Raise(SignalInfo.FromTimer(34, 9, 0x99), t); // timer 9's next expiry: an overrun of its queued one
        SignalInfo first = t.Take(34), second = t.Take(34);
        Assert.Equal((3, 0, 9, 1), (first.TimerId, first.Overrun, second.TimerId, second.Overrun));
        Assert.Equal(0UL, p.Pending);
    }

    [Fact]
    public void IgnoringOrForkingDropsEveryQueuedInstance()
    {
        var p = new ProgramSignals();
        ThreadSignals t = p.AddThread(ulong.MaxValue);
        for (ulong value = 0; value < 4; value++)
        {
            p.Raise(Queued(34, value), t);
            t.Raise(Queued(34, value));
        }
        Assert.Equal(8, p.Queued);
        SetHandler(p, 34, ProgramSignals.SigIgn);
        Assert.Equal((0UL, 0), (t.PendingBlocked, p.Queued));
        SetHandler(p, 34, ProgramSignals.SigDfl);
        p.Raise(Queued(34, 1), t);
        t.Raise(Queued(35, 2));
        t.Raise(Queued(35, 3));
        p.ForkedBy(t);
        Assert.Equal((0UL, 0), (t.PendingBlocked, p.Queued));
    }
}
