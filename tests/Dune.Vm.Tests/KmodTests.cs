using System.Text.Json;
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

    /// <summary>
    /// Issue 13's goal: getpid through a dune.ko hypercall costs at most 40 % of the KVM backend's (both
    /// measured under --icount in the same boot: kmod-bench and bench/paper's getpid row).
    /// </summary>
    [Fact]
    public void GetpidHypercallCostsAtMostFortyPercentOfTheKvmBackends()
    {
        VmResult bench = Passed("kmod-bench", "kmod-test bench: ok");
        ulong kmod = ulong.Parse(bench.Stdout.Split('\n').Single(l => l.StartsWith("getpid-hypercall ")).Split(' ')[1]);

        VmResult paper = _vm.Result("paper-icount");
        Assert.True(paper.Passed, paper.ToString());
        JsonElement row = JsonDocument.Parse(paper.Stdout).RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "getpid");
        ulong kvm = row.GetProperty("dune").GetProperty("median").GetUInt64();

        Assert.True(kmod * 100 <= kvm * 40, $"getpid hypercall: dune.ko {kmod} instructions, KVM backend {kvm}\n{bench.Stdout}");
    }

    /// <summary>
    /// The same goal for the C# guest library: bench/paper's getpid row (a hypercall from ring-0 C#) on the dune.ko
    /// backend at most 40 % of the same binary's on the KVM backend, both in the --icount boot.
    /// </summary>
    [Fact]
    public void CSharpGetpidOnDuneKoCostsAtMostFortyPercentOfTheKvmBackends()
    {
        ulong kvm = PaperDune("paper-icount", "getpid"), kmod = PaperDune("paper-icount-kmod", "getpid");
        Assert.True(kmod * 100 <= kvm * 40, $"bench/paper getpid: dune.ko backend {kmod} instructions, KVM backend {kvm}");
    }

    /// <summary>The Dune column's median of a bench/paper row.</summary>
    private ulong PaperDune(string program, string row)
    {
        VmResult paper = _vm.Result(program);
        Assert.True(paper.Passed, paper.ToString());
        return JsonDocument.Parse(paper.Stdout).RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == row).GetProperty("dune").GetProperty("median").GetUInt64();
    }
}
