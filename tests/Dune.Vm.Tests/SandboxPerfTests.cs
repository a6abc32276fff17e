using System.Text.Json;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The CI guard on issue 12's performance goals (bench/sandbox --json in the --icount boot, where every figure is
/// an exact instruction count): the sandbox's start-up, its cost per passed-through call against the bare
/// hypercall of bench/paper in the same boot, a CPU-bound program and lighttpd per request against their native
/// runs. On the KVM backend ("sandbox-bench") and on dune.ko ("sandbox-bench-kmod").
/// </summary>
[Collection("vm")]
public sealed class SandboxPerfTests
{
    private readonly VmFixture _vm;

    public SandboxPerfTests(VmFixture vm) => _vm = vm;

    private JsonElement Report(string program)
    {
        VmResult r = _vm.Result(program);
        Assert.True(r.Passed, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static ulong Get(JsonElement e, params string[] path)
    {
        foreach (string p in path) e = e.GetProperty(p);
        return e.GetUInt64();
    }

    /// <summary>Process start to the first user instruction: the sandbox process's CPU time then (first.c).</summary>
    [Theory]
    [InlineData("sandbox-bench")]        // today 3.28 M
    [InlineData("sandbox-bench-kmod")]   // today 2.17 M
    public void StartUpTakesAtMostFiveMillionInstructions(string program)
    {
        JsonElement startup = Report(program).GetProperty("startup");
        ulong sandboxed = Get(startup, "sandboxed", "cpu"), native = Get(startup, "native", "cpu");
        Assert.True(native > 0 && sandboxed > native, $"start-up: native {native}, sandboxed {sandboxed}");
        Assert.True(sandboxed <= 5_000_000, $"{program}: the sandbox's start-up took {sandboxed} instructions, allowed 5 M (native {native})");
    }

    /// <summary>
    /// A passed-through call (getppid from ring 3) costs at most the bare hypercall (bench/paper's getpid from
    /// ring 0, same boot) plus what the monitor adds: today 261 above it on KVM (4,205 against 3,944) and 267 on
    /// dune.ko (1,759 against 1,492); 483 and 487 before the fast path. The allowance is issue 12's goal, 300.
    /// </summary>
    [Theory]
    [InlineData("sandbox-bench", "paper-icount", 300)]
    [InlineData("sandbox-bench-kmod", "paper-icount-kmod", 300)]
    public void PassedThroughCallCostsLittleMoreThanTheBareHypercall(string program, string paper, int allowed)
    {
        JsonElement call = Report(program).GetProperty("call");
        ulong sandboxed = Get(call, "sandboxed"), native = Get(call, "native");
        ulong hypercall = 0;
        foreach (JsonElement row in Report(paper).GetProperty("rows").EnumerateArray())
            if (row.GetProperty("name").GetString() == "getpid")
                hypercall = Get(row, "dune", "median");
        Assert.True(hypercall > 0 && native > 0, $"hypercall {hypercall}, native call {native}");
        Assert.True(sandboxed <= hypercall + (ulong)allowed,
            $"{program}: a passed-through call {sandboxed} instructions, the bare hypercall {hypercall}: {(long)sandboxed - (long)hypercall} above it, allowed {allowed} (native call {native})");
    }

    [Theory]
    [InlineData("sandbox-bench")]        // today 1.0000 (7,995,439 against 7,995,673)
    [InlineData("sandbox-bench-kmod")]   // today 0.9998
    public void CpuBoundProgramIsWithinTwoPercentOfNative(string program)
    {
        JsonElement cpu = Report(program).GetProperty("cpuBound");
        ulong sandboxed = Get(cpu, "sandboxed"), native = Get(cpu, "native");
        Assert.True(native > 1_000_000, $"CPU-bound loop natively {native} instructions");
        double ratio = (double)sandboxed / native;
        Assert.True(ratio <= 1.02, $"{program}: CPU-bound loop sandboxed {sandboxed}, native {native}: ratio {ratio:F4}, allowed 1.02");
    }

    /// <summary>lighttpd's CPU time per request sandboxed against native, and a clean exit after SIGTERM both ways.</summary>
    [Theory]
    [InlineData("sandbox-bench", 1.6)]        // today 1.47 (71,281 against 48,527 instructions; 1.53 before)
    [InlineData("sandbox-bench-kmod", 1.3)]   // today 1.14 (54,911 against 48,259; 1.20 before)
    public void LighttpdPerRequestStaysWithinItsBound(string program, double atMost)
    {
        JsonElement web = Report(program).GetProperty("lighttpd");
        Assert.Equal(0UL, Get(web, "native", "exit"));
        Assert.Equal(0UL, Get(web, "sandboxed", "exit"));
        ulong sandboxed = Get(web, "sandboxed", "perRequest"), native = Get(web, "native", "perRequest");
        Assert.True(native > 0, "lighttpd natively used no CPU time");
        double ratio = (double)sandboxed / native;
        Assert.True(ratio <= atMost, $"{program}: lighttpd per request sandboxed {sandboxed}, native {native}: ratio {ratio:F2}, allowed {atMost:F2}");
    }
}
