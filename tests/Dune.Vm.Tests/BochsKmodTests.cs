using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// <see cref="KmodTests"/> on VT-x: dune.ko on an Intel CPU (bochs, run.sh --bochs: VMX with EPT and VPID),
/// loaded at boot beside kvm_intel. The same kmod-test.c, whose guest code uses VMCALL there.
/// </summary>
[Collection("vm")]
public sealed class BochsKmodTests
{
    private readonly VmFixture _vm;

    public BochsKmodTests(VmFixture vm) => _vm = vm;

    private VmResult Passed(string name, string expectedStart)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Contains(expectedStart, r.Stdout);
        Assert.Equal("", r.Stderr);
        return r;
    }

    [Fact]
    public void GuestMakesVmcallHypercallsAndTakesEptViolations()
    {
        VmResult r = Passed("vtx-guest", "kmod-test guest: ok");
        Assert.StartsWith("hello from the guest\n", r.Stdout);
    }

    [Fact]
    public void SignalsEndTheGuestRunAndSigkillStopsABusyGuest() => Passed("vtx-signal", "kmod-test signal: ok");

    [Fact]
    public void ThreadsHaveTheirOwnVcpusWhileTheHostRemapsTheirMemory() =>
        Passed("vtx-threads", "kmod-test threads: ok");

    /// <summary>kvm_intel has VMX on while its guest runs: dune.ko shares it one entry at a time.</summary>
    [Fact]
    public void RunsBesideAKvmIntelGuest() => Passed("vtx-coexist", "kmod-test coexist: ok");

    [Fact]
    public void ProcessesLeaveNoMemoryBehind() => Passed("vtx-leaks", "kmod-test leaks: ok");

    /// <summary>Includes states VM entry refuses (flipped bits in dune_sregs): they must come back as exits.</summary>
    [Fact]
    public void IoctlFuzzNeverOopses() => Passed("vtx-fuzz", "kmod-test fuzz: ok");

    [Fact]
    public void UnloadIsRefusedInUseAndTenCyclesWork() => Passed("vtx-cycles", "kmod-test cycles: ok");

    /// <summary>Bochs's TSC counts instructions: the VMCALL round trip's path length (reported, not bounded).</summary>
    [Fact]
    public void VmcallRoundTripIsMeasured()
    {
        VmResult r = Passed("vtx-bench", "kmod-test bench: ok");
        Assert.Matches(@"getpid-hypercall [1-9][0-9]*\n", r.Stdout);
    }
}
