using System.Text.Json;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The CI guard on the paper's table (bench/paper --json, run under --icount so every figure is an exact
/// instruction count): Dune's advantages over Linux must hold with margin, and a hypercall may cost little
/// more than the bare exit measured in the same run. Ratios, not absolute numbers, so kernel or QEMU updates
/// that shift both columns do not trip it; a regression in our own paths does.
/// </summary>
[Collection("vm")]
public sealed class PaperRatioTests
{
    private readonly VmFixture _vm;

    public PaperRatioTests(VmFixture vm) => _vm = vm;

    private JsonElement Report(string program = "paper-icount")
    {
        VmResult r = _vm.Result(program);
        Assert.True(r.Passed, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private JsonElement Row(string name, string program = "paper-icount")
    {
        foreach (JsonElement row in Report(program).GetProperty("rows").EnumerateArray())
            if (row.GetProperty("name").GetString() == name)
                return row;
        throw new Xunit.Sdk.XunitException("bench/paper reported no row " + name);
    }

    private static ulong Median(JsonElement row, string column) => row.GetProperty(column).GetProperty("median").GetUInt64();

    /// <summary>Dune / Linux of the medians, recomputed from the counts (not the printed ratio).</summary>
    private double Ratio(string name, string program = "paper-icount")
    {
        JsonElement row = Row(name, program);
        ulong linux = Median(row, "linux"), dune = Median(row, "dune");
        Assert.True(linux > 0 && dune > 0, $"{name}: linux {linux}, dune {dune}");
        return (double)dune / linux;
    }

    [Theory]
    [InlineData("trap", 1.0 / 5)]             // today 0.10; the paper 0.21
    [InlineData("appel1", 1.0 / 7)]           // today 0.05; the paper 0.13
    [InlineData("appel2", 1.0 / 7)]           // today 0.10; the paper 0.14
    [InlineData("interposition", 1.0 / 20)]   // today 0.006; the paper 0.04
    [InlineData("page fault", 2.3)]           // today 2.05, bound by KVM's exit (see below); the paper 1.9
    public void DuneKeepsItsAdvantageOverLinux(string row, double atMost)
    {
        double ratio = Ratio(row);
        Assert.True(ratio <= atMost, $"{row}: Dune/Linux = {ratio:F3}, allowed at most {atMost:F3}\n{_vm.Result("paper-icount").Stdout}");
    }

    /// <summary>
    /// Issue 10's page-fault goal, met on the paper's own architecture: dune.ko maps the page in the kernel without
    /// a trip to user space (today 1.35; the KVM backend's exit to user space puts a floor near 2 under the row above).
    /// </summary>
    [Fact]
    public void OnDuneKoThePageFaultCostsAtMostOneAndAHalfLinuxFaults()
    {
        double ratio = Ratio("page fault", "paper-icount-kmod");
        Assert.True(ratio <= 1.5, $"page fault on dune.ko: Dune/Linux = {ratio:F3}, allowed at most 1.5\n{_vm.Result("paper-icount-kmod").Stdout}");
    }

    [Fact]
    public void GetpidHypercallCostsLittleMoreThanTheBareExit()
    {
        ulong getpid = Median(Row("getpid"), "dune");
        ulong floor = Report().GetProperty("exitFloor").GetProperty("median").GetUInt64();
        Assert.True(floor > 0, "no exit floor measured");
        Assert.True(getpid <= floor + 500, $"getpid as a hypercall {getpid} instructions, bare exit {floor}: {getpid - floor} above the floor, allowed 500");
    }

    /// <summary>
    /// The first-touch fault in Dune mode is one nested-paging exit that KVM handles in the kernel: the exit
    /// itself (the kernel exit probe, CPUID) plus KVM mapping a page the host already has (the nested fault
    /// probe, minus the exit) plus the host kernel allocating the page, which is Linux's own fault minus its
    /// exception entry and exit. What our side adds is nothing; the guard keeps it that way: Dune's fault may
    /// cost at most the kernel exit + the nested fault's mapping + Linux's fault, with 10% margin.
    /// </summary>
    [Fact]
    public void PageFaultCostsNoMoreThanKvmsExitAndMapPlusLinuxsFault()
    {
        JsonElement report = Report();
        ulong dune = Median(Row("page fault"), "dune"), linux = Median(Row("page fault"), "linux");
        ulong exit = report.GetProperty("kernelExit").GetProperty("median").GetUInt64();
        ulong nested = report.GetProperty("nestedFault").GetProperty("median").GetUInt64();
        Assert.True(exit > 0 && nested > exit, $"kernel exit {exit}, nested fault {nested}");
        ulong bound = (nested + linux) * 11 / 10;
        Assert.True(dune <= bound, $"Dune's page fault {dune} instructions; nested fault {nested} (kernel exit {exit}) + Linux's fault {linux} = {nested + linux}, allowed {bound}");
    }

    /// <summary>
    /// Entering Dune mode (the thread's CPU time, instructions under --icount) in bare exits measured in the
    /// same run: at most 570, which is 2 M instructions at today's exit floor of 3,519 (today about 410).
    /// About half of it is KVM_CREATE_VM and KVM_CREATE_VCPU in the kernel.
    /// </summary>
    [Fact]
    public void EnteringDuneModeCostsAtMost570BareExits()
    {
        JsonElement report = Report();
        ulong floor = report.GetProperty("exitFloor").GetProperty("median").GetUInt64();
        long enter = report.GetProperty("enterCpuNanoseconds").GetInt64();
        Assert.True(floor > 0 && enter > 0, $"exit floor {floor}, entering {enter}");
        Assert.True(enter <= 570L * (long)floor, $"entering Dune mode {enter} instructions = {(double)enter / floor:F0} bare exits of {floor}, allowed 570");
    }

    [Fact]
    public void EveryRowIsMeasuredInBothColumnsAndThePageWalkIsMarkedUnderEmulation()
    {
        JsonElement report = Report();
        Assert.True(report.GetProperty("underHypervisor").GetBoolean());
        var names = new List<string>();
        foreach (JsonElement row in report.GetProperty("rows").EnumerateArray())
        {
            string name = row.GetProperty("name").GetString()!;
            names.Add(name);
            Assert.True(Median(row, "linux") > 0 && Median(row, "dune") > 0, name + " has an empty column");
            Assert.Equal(name != "page walk", row.GetProperty("meaningful").GetBoolean());
        }
        Assert.Equal(new[] { "getpid", "page fault", "page walk", "interposition", "trap", "appel1", "appel2" }, names);
    }
}
