using Xunit;

namespace Dune.Vm.Tests;

/// <summary>Dune processes release their VM, vCPU and threads: many in a row all exit cleanly.</summary>
[Collection("vm")]
public sealed class SequentialProcessesTests
{
    private readonly VmFixture _vm;

    public SequentialProcessesTests(VmFixture vm) => _vm = vm;

    [Fact]
    public void HundredSequentialDuneProcessesAllExitCleanly()
    {
        VmResult r = _vm.Result("repeat-hello-dune");
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("repeat: 100/100 runs exited 0, nothing left running\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}
