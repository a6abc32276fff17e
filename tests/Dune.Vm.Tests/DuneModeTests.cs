using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Dune mode on the KVM backend, in the test VM: tests/programs/dune-mode enters Dune mode and then does
/// one thing per argument (see VmPrograms); samples/hello-dune is the demonstration program.
/// </summary>
[Collection("vm")]
public class DuneModeTests
{
    private readonly VmRun _vm;

    public DuneModeTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected DuneModeTests(VmRun vm) => _vm = vm;

    private VmResult Passed(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        return r;
    }

    [Fact]
    public void RunsInRingZeroWithPagingAndOurPageTables()
    {
        // CR3 = the page-table pool, the first guest-physical window (GuestPhysicalLayout.FirstGpa).
        Assert.Equal("dune-mode: cpl 0, active yes, cr3 0x200000, efer.lma 1, efer.nxe 1, cr4.osfxsr 1\n",
            Passed("dune-ring0").Stdout);
    }

    [Fact]
    public void FileRoundTripThroughHypercalls()
    {
        Assert.Equal("dune-mode: wrote 100000, read 100000, differing bytes 0\n", Passed("dune-file").Stdout);
    }

    [Fact]
    public void HeapGrowsAfterEntry()
    {
        // 200,000 list nodes kept alive, 2,000 arrays and about 80 MB of garbage, all allocated after entry.
        Assert.Equal("dune-mode: list sum 19999900000, arrays 5998000, string 200\n", Passed("dune-alloc").Stdout);
    }

    [Fact]
    public void ExceptionsThreadStaticsAndCollectionsWorkInRingZero()
    {
        Assert.Equal("dune-mode: caught \"thrown in ring 0 #7\", thread static 5, list 998001, map 2\n",
            Passed("dune-runtime").Stdout);
    }

    [Fact]
    public void StackGrowsOnDemandInTheGuest()
    {
        // 3 MiB of frames; entering grows the stack by only 256 KiB, the guest's page faults do the rest.
        Assert.Equal("dune-mode: recursion checksum 98691\n", Passed("dune-deep").Stdout);
    }

    [Fact]
    public void StackOverflowEndsWithTheFaultReport()
    {
        VmResult r = _vm.Result("dune-overflow");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal("dune-mode: unbounded recursion\n", r.Stdout);
        Assert.StartsWith("dune: unhandled guest exception #PF page fault (vector 14) in ring 0\n", r.Stderr);
        Assert.Contains(", not present)", r.Stderr);
        Assert.EndsWith("  in Program.Recurse\n", r.Stderr);
    }

    [Fact]
    public void MmapMunmapAndMprotectAfterEntryAreMirrored()
    {
        Assert.Equal("dune-mode: sum 8587837440, munmap 0, same address yes, zero pages 4096, mprotect 0, read-only page reads 0\n",
            Passed("dune-mmap").Stdout);
    }

    [Fact]
    public void StdoutAndStderrPassThrough()
    {
        VmResult r = Passed("dune-stdio");
        Assert.Equal("dune-mode: to stdout\n", r.Stdout);
        Assert.Equal("dune-mode: to stderr\n", r.Stderr);
    }

    [Fact]
    public void ExitCodePropagates()
    {
        VmResult r = _vm.Result("dune-exit");
        Assert.Equal(("exit", "42"), (r.Status, r.Code));
        Assert.Equal("", r.Stdout + r.Stderr);
    }

    [Fact]
    public void BadPointerInASyscallGivesEfault()
    {
        Assert.Equal("dune-mode: write from a bad pointer returned -14\n", Passed("dune-efault").Stdout);
    }

    [Theory]
    [InlineData("dune-null", "", "  error code 0x0000000000000000  cr2 0x0000000000000000 (read, not present)", "Program.Main")]
    [InlineData("dune-wild", "", "  error code 0x0000000000000002  cr2 0x0000300000000000 (write, not present)", "Program.Main")]
    [InlineData("dune-readonly", "dune-mode: page is read-only now, value 1\n", "  error code 0x0000000000000003  cr2 0x", "Program.WriteReadOnly")]
    [InlineData("dune-unmapped", "dune-mode: page unmapped\n", "  error code 0x0000000000000000  cr2 0x", "Program.UseAfterMunmap")]
    public void PageFaultsGiveTheReportAndExitCode139(string name, string stdout, string errorLine, string function)
    {
        VmResult r = _vm.Result(name);
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal(stdout, r.Stdout);
        string[] lines = r.Stderr.Split('\n');
        Assert.Equal("dune: unhandled guest exception #PF page fault (vector 14) in ring 0", lines[0]);
        Assert.StartsWith(errorLine, lines[1]);
        Assert.StartsWith("  rip 0x", lines[2]);
        Assert.StartsWith("  rax 0x", lines[3]);
        Assert.StartsWith("  r13 0x", lines[6]);
        Assert.Equal("  in " + function, lines[7]);
        Assert.Equal(9, lines.Length); // and nothing after the report
    }

    [Fact]
    public void ProgramsOwnRingZeroHandlerResolvesAPageFault()
    {
        Assert.Equal("dune-mode: handler resolved 1 fault(s), value 42\n", Passed("dune-handler").Stdout);
    }

    [Fact]
    public void TripleFaultIsReportedNotHung()
    {
        VmResult r = _vm.Result("dune-triple");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal("dune-mode: loading an empty IDT\n", r.Stdout);
        Assert.Equal("dune: triple fault: the guest could not deliver an exception\n", r.Stderr);
    }

    [Fact]
    public void GuestBusyLoopIsKilledAtTheTimeout()
    {
        VmResult r = _vm.Result("dune-spin");
        Assert.Equal(("timeout", "3"), (r.Status, r.Code));
        Assert.Equal("dune-mode: spinning in ring 0\n", r.Stdout);
    }

    [Fact]
    public void SignalEndsTheProcessDuringAGuestBusyLoop()
    {
        VmResult r = _vm.Result("dune-alarm");
        Assert.Equal(("exit", "142"), (r.Status, r.Code)); // 128 + SIGALRM
        Assert.Equal("dune-mode: alarm in 1 s, spinning in ring 0\n", r.Stdout);
    }

    [Fact]
    public void GetpidBenchmarkMeasuresBothPaths()
    {
        string[] lines = Passed("getpid-bench").Stdout.Split('\n');
        Assert.Equal("getpid-bench: 2000 calls each, rdtsc cycles per call", lines[0]);
        long native = long.Parse(lines[1].Substring("getpid-bench: native (ring 3 syscall):   ".Length));
        long dune = long.Parse(lines[2].Substring("getpid-bench: dune   (ring 0 hypercall): ".Length));
        Assert.InRange(native, 1, 1_000_000);
        Assert.True(dune > native, $"a hypercall ({dune}) leaves the VM, a native syscall ({native}) does not");
    }

    [Fact]
    public void HelloDuneSample()
    {
        Assert.Equal(
            "hello-dune: host mode, cpl 3\n" +
            $"hello-dune: entered Dune mode, backend {_vm.Backend.ToString().ToLowerInvariant()}\n" +
            "hello-dune: cpl 0, cr3 0x200000, paging on\n" +
            "hello-dune: wrote 35 bytes, read back 35, identical\n",
            Passed("hello-dune").Stdout);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class DuneModeTestsOnKmod : DuneModeTests
{
    public DuneModeTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
