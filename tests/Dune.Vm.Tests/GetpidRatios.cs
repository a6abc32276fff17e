using System.Text.Json;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Issue 13's getpid goal, on the results of one --icount boot: a getpid hypercall through dune.ko costs at most 40 % of
/// the KVM backend's (bench/paper's getpid row, paper-icount). Instruction counts, exact under --icount.
/// </summary>
public static class GetpidRatios
{
    /// <summary>kmod-test's round trip (kmod-bench, the module alone) against the KVM backend's C# getpid.</summary>
    public static void AssertModuleAtMostFortyPercent(VmRun icount)
    {
        VmResult bench = icount.Result("kmod-bench");
        Assert.True(bench.Passed, bench.ToString());
        ulong kmod = ulong.Parse(bench.Stdout.Split('\n').Single(l => l.StartsWith("getpid-hypercall ")).Split(' ')[1]);
        ulong kvm = PaperDune(icount, "paper-icount", "getpid");
        Assert.True(kmod * 100 <= kvm * 40, $"getpid hypercall: dune.ko {kmod} instructions, KVM backend {kvm}\n{bench.Stdout}");
    }

    /// <summary>The same binary's getpid row on both backends (paper-icount-kmod with DUNE_BACKEND=kmod).</summary>
    public static void AssertCSharpAtMostFortyPercent(VmRun icount)
    {
        ulong kvm = PaperDune(icount, "paper-icount", "getpid"), kmod = PaperDune(icount, "paper-icount-kmod", "getpid");
        Assert.True(kmod * 100 <= kvm * 40, $"bench/paper getpid: dune.ko backend {kmod} instructions, KVM backend {kvm}");
    }

    /// <summary>The Dune column's median of a bench/paper row.</summary>
    public static ulong PaperDune(VmRun icount, string program, string row)
    {
        VmResult paper = icount.Result(program);
        Assert.True(paper.Passed, paper.ToString());
        return JsonDocument.Parse(paper.Stdout).RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == row).GetProperty("dune").GetProperty("median").GetUInt64();
    }
}
