using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// dune.ko's own test program (tests/vm/kmod/kmod-test.c), the same modes on each vendor: loaded at boot beside
/// the vendor's KVM module, a ring-0 guest with hypercalls and nested page faults, signals, per-thread vCPUs, a
/// KVM guest alongside, no leaks, an ioctl fuzz and unload/load cycles. The VM panics on an oops, which these
/// report as "lost". Programs are named PREFIX-MODE in VmPrograms.cs.
/// </summary>
public abstract class KmodTestModes
{
    private readonly string _prefix;
    private readonly VmRun _run;

    protected KmodTestModes(VmFixture vm, VmRun run, string prefix)
    {
        Vm = vm;
        _run = run;
        _prefix = prefix;
    }

    protected VmFixture Vm { get; }

    protected VmResult Passed(string mode)
    {
        VmResult r = _run.Result(_prefix + "-" + mode);
        Assert.True(r.Passed, r.ToString());
        Assert.Contains("kmod-test " + mode + ": ok", r.Stdout);
        Assert.Equal("", r.Stderr);
        return r;
    }

    [Fact]
    public void GuestMakesHypercallsAndTakesNestedPageFaults()
    {
        VmResult r = Passed("guest");
        // The write hypercall's output, performed for the guest by the same thread.
        Assert.StartsWith("hello from the guest\n", r.Stdout);
    }

    [Fact]
    public void SignalsEndTheGuestRunAndSigkillStopsABusyGuest() => Passed("signal");

    [Fact]
    public void ThreadsHaveTheirOwnVcpusWhileTheHostRemapsTheirMemory() => Passed("threads");

    /// <summary>The vendor's KVM module runs a guest at the same time (on VT-x it holds VMX on meanwhile).</summary>
    [Fact]
    public void RunsBesideAKvmGuest() => Passed("coexist");

    [Fact]
    public void ProcessesLeaveNoMemoryBehind() => Passed("leaks");

    /// <summary>Includes states VM entry refuses (flipped bits in dune_sregs): they must come back as exits.</summary>
    [Fact]
    public void IoctlFuzzNeverOopses() => Passed("fuzz");

    [Fact]
    public void UnloadIsRefusedInUseAndTenCyclesWork() => Passed("cycles");
}

/// <summary>dune.ko on AMD-V in the test VM (SVM with NPT), and its hypercall cost against the KVM backend's.</summary>
[Collection("vm")]
public sealed class KmodTests : KmodTestModes
{
    public KmodTests(VmFixture vm) : base(vm, vm.Kvm, "kmod")
    {
    }

    /// <summary>
    /// Issue 13's goal: getpid through a dune.ko hypercall costs at most 40 % of the KVM backend's (both
    /// measured under --icount in the same boot: kmod-bench and bench/paper's getpid row).
    /// </summary>
    [Fact]
    public void GetpidHypercallCostsAtMostFortyPercentOfTheKvmBackends() => GetpidRatios.AssertModuleAtMostFortyPercent(Vm.Kvm);

    /// <summary>
    /// The same goal for the C# guest library: bench/paper's getpid row (a hypercall from ring-0 C#) on the dune.ko
    /// backend at most 40 % of the same binary's on the KVM backend, both in the --icount boot.
    /// </summary>
    [Fact]
    public void CSharpGetpidOnDuneKoCostsAtMostFortyPercentOfTheKvmBackends() => GetpidRatios.AssertCSharpAtMostFortyPercent(Vm.Kvm);
}
