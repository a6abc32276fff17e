using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// <see cref="KmodTestModes"/> on VT-x: dune.ko on an Intel CPU (bochs, run.sh --bochs: VMX with EPT and VPID),
/// loaded at boot beside kvm_intel. The same kmod-test.c, whose guest code uses VMCALL there.
/// </summary>
[Collection("vm")]
public sealed class BochsKmodTests : KmodTestModes
{
    public BochsKmodTests(VmFixture vm) : base(vm, vm.Bochs, "vtx")
    {
    }

    /// <summary>Bochs's TSC counts instructions: the VMCALL round trip's path length (reported, not bounded).</summary>
    [Fact]
    public void VmcallRoundTripIsMeasured()
    {
        VmResult r = Passed("bench");
        Assert.Matches(@"getpid-hypercall [1-9][0-9]*\n", r.Stdout);
    }
}
