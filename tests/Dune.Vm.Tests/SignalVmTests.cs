using Dune.Tests.Shared;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// POSIX signals in Dune mode (tests/programs/signals "dune MODE", programs signals-MODE in VmPrograms.cs): the
/// host forces the vCPU out of KVM_RUN and injects the delivery vector, the C# handler runs in guest ring 0 on the
/// interrupted thread, then the interrupted code resumes; default actions are Linux's own. Held to the same table
/// as the host-mode run (tests/Shared/SignalExpectations.cs, Dune.Conformance.Tests/SignalTests).
/// </summary>
[Collection("vm")]
public class SignalVmTests
{
    private readonly VmRun _vm;

    public SignalVmTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SignalVmTests(VmRun vm) => _vm = vm;

    public static TheoryData<string> Modes => SignalExpectations.ModeData();

    [Theory]
    [MemberData(nameof(Modes))]
    public void BehavesAsInTheTable(string mode)
    {
        (int exitCode, string stdout) = SignalExpectations.For(mode, ring: 0);
        VmResult r = _vm.Result("signals-" + mode);
        Assert.True(r.Status == "exit" && r.Code == exitCode.ToString() && r.Stdout == stdout, r.ToString());
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class SignalVmTestsOnKmod : SignalVmTests
{
    public SignalVmTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
