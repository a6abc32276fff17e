using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// POSIX signals in Dune mode (tests/programs/signals "dune MODE"): the host forces the vCPU out of
/// KVM_RUN and injects the delivery vector, the C# handler runs in guest ring 0 on the interrupted thread,
/// then the interrupted code resumes; default actions are Linux's own (exit code 128 + signal). The same
/// modes run in host mode in tests/Dune.Conformance.Tests/SignalTests.cs.
/// </summary>
[Collection("vm")]
public class SignalVmTests
{
    private readonly VmRun _vm;

    public SignalVmTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SignalVmTests(VmRun vm) => _vm = vm;

    private void AssertOutput(string mode, int exitCode, string stdout)
    {
        VmResult r = _vm.Result("signals-" + mode);
        Assert.True(r.Status == "exit" && r.Code == exitCode.ToString() && r.Stdout == stdout, r.ToString());
    }

    [Fact]
    public void TimerSignalRunsTheHandlerInRingZeroDuringABusyLoop() => AssertOutput("usr1-busy", 0,
        "signals: SIGUSR1 in 50 ms, spinning in ring 0\n" +
        "signals: handler for SIGUSR1 (raw 10) in ring 0\n" +
        "signals: the busy loop saw the handler's write and ended in ring 0\n");

    [Fact]
    public void AlarmReachesACSharpHandlerInRingZero() => AssertOutput("alarm", 0,
        "signals: alarm in 1 s, spinning in ring 0\n" +
        "signals: handler for SIGALRM (raw 14) in ring 0\n" +
        "signals: the busy loop saw the handler's write and ended in ring 0\n");

    [Fact]
    public void SigtermWithoutHandlerTerminates() => AssertOutput("term-default", 128 + 15,
        "signals: sending SIGTERM to myself\n");

    [Fact]
    public void SigtermHandlerThatCancelsKeepsTheProcess() => AssertOutput("term-cancel", 0,
        "signals: sending SIGTERM to myself\n" +
        "signals: handler for SIGTERM in ring 0, cancel yes\n" +
        "signals: still running after SIGTERM\n");

    [Fact]
    public void SigtermHandlerThatDoesNotCancelIsFollowedByTheDefaultAction() => AssertOutput("term-handled", 128 + 15,
        "signals: sending SIGTERM to myself\n" +
        "signals: handler for SIGTERM in ring 0, cancel no\n");

    [Fact]
    public void HypercallInterruptedByAHandlerWithSaRestartRestarts() => AssertOutput("restart", 0,
        "signals: reading an empty pipe, SIGALRM in 1 s, handlers with SA_RESTART\n" +
        "signals: handler for SIGALRM (raw 14) in ring 0 wrote 1 byte\n" +
        "signals: read returned 1 ('x')\n");

    [Fact]
    public void HypercallInterruptedByAHandlerWithoutSaRestartFailsWithEintr() => AssertOutput("eintr", 0,
        "signals: reading an empty pipe, SIGALRM in 1 s, handlers without SA_RESTART\n" +
        "signals: handler for SIGALRM (raw 14) in ring 0 wrote 1 byte\n" +
        "signals: read returned -4 (EINTR)\n");

    [Fact]
    public void DisposedRegistrationRestoresTheDefaultAction() => AssertOutput("dispose", 128 + 12,
        "signals: SIGUSR2 after Dispose\n");
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class SignalVmTestsOnKmod : SignalVmTests
{
    public SignalVmTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
