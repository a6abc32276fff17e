using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// dune.ko in the test VM (tests/vm/kmod/kmod-test.c): loaded at boot beside kvm_amd, a ring-0 guest with
/// hypercalls and nested page faults, signals, per-thread vCPUs, a KVM guest alongside, no leaks, an ioctl fuzz
/// and unload/load cycles. The VM panics on an oops, which these report as "lost".
/// </summary>
[Collection("vm")]
public sealed class KmodTests
{
    private readonly VmFixture _vm;

    public KmodTests(VmFixture vm) => _vm = vm;

    private VmResult Passed(string name, string expectedStart)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Contains(expectedStart, r.Stdout);
        Assert.Equal("", r.Stderr);
        return r;
    }

    [Fact]
    public void GuestMakesHypercallsAndTakesNestedPageFaults()
    {
        VmResult r = Passed("kmod-guest", "kmod-test guest: ok");
        // The write hypercall's output, performed for the guest by the same thread.
        Assert.StartsWith("hello from the guest\n", r.Stdout);
    }

    [Fact]
    public void SignalsEndTheGuestRunAndSigkillStopsABusyGuest() => Passed("kmod-signal", "kmod-test signal: ok");

    [Fact]
    public void ThreadsHaveTheirOwnVcpusWhileTheHostRemapsTheirMemory() =>
        Passed("kmod-threads", "kmod-test threads: ok");

    [Fact]
    public void RunsBesideAKvmGuest() => Passed("kmod-coexist", "kmod-test coexist: ok");

    [Fact]
    public void ProcessesLeaveNoMemoryBehind() => Passed("kmod-leaks", "kmod-test leaks: ok");

    [Fact]
    public void IoctlFuzzNeverOopses() => Passed("kmod-fuzz", "kmod-test fuzz: ok");

    [Fact]
    public void UnloadIsRefusedInUseAndTenCyclesWork() => Passed("kmod-cycles", "kmod-test cycles: ok");
}
