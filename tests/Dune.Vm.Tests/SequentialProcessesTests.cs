using Xunit;

namespace Dune.Vm.Tests;

/// <summary>Dune processes release their VM, vCPU and threads: many in a row all exit cleanly.</summary>
[Collection("vm")]
public class SequentialProcessesTests
{
    private readonly VmRun _vm;

    public SequentialProcessesTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SequentialProcessesTests(VmRun vm) => _vm = vm;

    [Fact]
    public void HundredSequentialDuneProcessesAllExitCleanly()
    {
        VmResult r = _vm.Result("repeat-hello-dune");
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("repeat: 100/100 runs exited 0, nothing left running\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class SequentialProcessesTestsOnKmod : SequentialProcessesTests
{
    public SequentialProcessesTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
