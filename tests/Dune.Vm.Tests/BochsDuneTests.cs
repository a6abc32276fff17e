using Dune.Tests.Shared;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The C# guest library on dune.ko on Intel VT-x (bochs, <see cref="VmFixture.Bochs"/>): the same binaries as the
/// other boots, whose hypercalls leave with VMCALL there. Each vtx-NAME program must end exactly as NAME did on
/// dune.ko on AMD-V in the same test run (status, exit code, output), signals as their table says; bochs is slow,
/// so only a few programs run: Dune mode with I/O, C# trap handlers, guest page tables, a sandboxed Debian program,
/// signals, the getpid cost, and in a boot with two CPUs the threads in Dune mode (a vCPU each: shootdowns, the
/// collector's stop, fork and a crash across vCPUs).
/// </summary>
[Collection("vm")]
public sealed class BochsDuneTests
{
    private readonly VmFixture _vm;

    public BochsDuneTests(VmFixture vm) => _vm = vm;

    [Theory]
    [InlineData("hello-dune")]
    [InlineData("traps-page-faults")]
    [InlineData("vm-protect")]
    [InlineData("sandbox-seq")]
    [InlineData("threads-dune-ring0")]
    [InlineData("threads-dune-vcpus")]
    [InlineData("threads-dune-shootdown")]
    [InlineData("threads-dune-pulse")]
    [InlineData("threads-dune-gc")]
    [InlineData("threads-dune-fork")]
    public void EndsAsOnAmd(string name)
    {
        VmResult amd = _vm.Kmod.Result(name), intel = _vm.Bochs.Result("vtx-" + name);
        Assert.True(amd.Passed, amd.ToString());
        Assert.True((amd.Status, amd.Code, amd.Stdout) == (intel.Status, intel.Code, intel.Stdout), $"AMD-V:\n{amd}\nVT-x:\n{intel}");
    }

    /// <summary>An unhandled exception on a vCPU thread: the same report and exit code 134 (ThreadVmTests checks them on AMD-V).</summary>
    [Fact]
    public void ACrashOnAVcpuThreadEndsAsOnAmd()
    {
        VmResult amd = _vm.Kmod.Result("threads-dune-crash"), intel = _vm.Bochs.Result("vtx-threads-dune-crash");
        Assert.True((amd.Status, amd.Code, amd.Stdout) == (intel.Status, intel.Code, intel.Stdout), $"AMD-V:\n{amd}\nVT-x:\n{intel}");
        Assert.StartsWith("Unhandled exception. System.InvalidOperationException: thrown on a vCPU thread\n", intel.Stderr);
    }

    [Fact]
    public void SignalInterruptsABusyGuestAsInTheTable()
    {
        (int exitCode, string stdout) = SignalExpectations.For("usr1-busy", ring: 0);
        VmResult r = _vm.Bochs.Result("vtx-signals-usr1-busy");
        Assert.True(r.Status == "exit" && r.Code == exitCode.ToString() && r.Stdout == stdout, r.ToString());
    }

    /// <summary>Bochs's TSC counts instructions: the C# VMCALL round trip's path length (kmod/README.md, "Measured").</summary>
    [Fact]
    public void GetpidHypercallIsMeasured()
    {
        VmResult r = _vm.Bochs.Result("vtx-getpid-bench");
        Assert.True(r.Passed, r.ToString());
        string[] lines = r.Stdout.Split('\n');
        long native = long.Parse(lines[1].Substring("getpid-bench: native (ring 3 syscall):   ".Length));
        long dune = long.Parse(lines[2].Substring("getpid-bench: dune   (ring 0 hypercall): ".Length));
        Assert.InRange(native, 1, 1_000_000);
        Assert.True(dune > native, $"a hypercall ({dune}) leaves the guest, a native syscall ({native}) does not");
    }
}
