using Xunit;

namespace Dune.Vm.Tests;

/// <summary>The test VM itself: real KVM inside it, and failures reported faithfully.</summary>
[Collection("vm")]
public sealed class HarnessTests
{
    private readonly VmFixture _vm;

    public HarnessTests(VmFixture vm) => _vm = vm;

    [Fact]
    public void KvmSmokeRunsALongModeGuestWithSse()
    {
        VmResult r = _vm.Result("kvm-smoke");
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("kvm-smoke: ok (long-mode guest computed 450 with SSE)\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void NonZeroExitIsReportedAsFailureWithItsCode()
    {
        VmResult r = _vm.Result("exit3");
        Assert.False(r.Passed);
        Assert.Equal(("exit", "3"), (r.Status, r.Code));
        Assert.Equal("exit3: stdout line\n", r.Stdout);
        Assert.Equal("exit3: stderr line\n", r.Stderr);
    }

    [Fact]
    public void HangingProgramIsKilledAtItsTimeout()
    {
        VmResult r = _vm.Result("hang");
        Assert.Equal(("timeout", "3"), (r.Status, r.Code));
        // Output written before the kill still arrives.
        Assert.Equal("hang: spinning forever\n", r.Stdout);
    }

    [Fact]
    public void RunFailsBecauseOfTheFailingPrograms()
    {
        // 1 = some program failed; 3 would mean the VM itself broke.
        Assert.True(_vm.RunExitCode == 1, $"run.sh exit {_vm.RunExitCode}:\n{_vm.RunLog}");
    }
}
