using System.Text.RegularExpressions;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// C# trap handlers (Dune.Traps) on real paging and exception hardware in the test VM: tests/programs/traps does one
/// thing per argument (see VmPrograms); samples/pagefault is the demonstration pager. Code offsets refer to the
/// machine code listing in tests/programs/traps/Program.cs.
/// </summary>
[Collection("vm")]
public class TrapTests
{
    private readonly VmRun _vm;

    public TrapTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected TrapTests(VmRun vm) => _vm = vm;

    private VmResult Passed(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        return r;
    }

    [Fact]
    public void ExceptionsReachCSharpWithVectorRipAndErrorCodeAndResumeAfterTheInstruction()
    {
        // #BP is a trap (rip already past int3); the faults report the faulting instruction and are skipped by the
        // decoder; int 0x80's handler adds 42 to rax.
        Assert.Equal(
            "traps: #BP vector 3 rip code+0x1 error 0x0 ring 0, returned 0\n"
            + "traps: #UD vector 6 rip code+0x4 error 0x0 ring 0, returned 7 (ud2 at code+0x4)\n"
            + "traps: #GP non-canonical vector 13 rip code+0x16 error 0x0 ring 0, returned 5 (load at code+0x16)\n"
            + "traps: #GP rdmsr vector 13 rip code+0x24 error 0x0 ring 0, returned 9 (rdmsr at code+0x24)\n"
            + "traps: #DE vector 0 rip code+0x35 error 0x0 ring 0, returned 100 (div at code+0x35)\n"
            + "traps: int 0x80 vector 128 rip code+0x3f error 0x0 ring 0, returned 43\n"
            + "traps: 6 traps, replace returned the old handler yes, unregistered yes\n",
            Passed("traps-vectors").Stdout);
    }

    [Fact]
    public void PageFaultsAreResolvedByMappingOrUnprotectingWithMatchingErrorCodes()
    {
        Assert.Equal(
            "traps: read of a not-present page -> #PF cr2 = page rip code+0x52 error 0x0 (not present, read, supervisor), resumed: 0x1234\n"
            + "traps: write to a not-present page -> #PF cr2 = page rip code+0x56 error 0x2 (not present, write, supervisor), resumed: 0x77\n"
            + "traps: write to a read-only page -> #PF cr2 = page rip code+0x56 error 0x3 (present, write, supervisor), resumed: 0x77\n"
            + "traps: call into a not-present page -> #PF cr2 = page rip = page error 0x10 (not present, read, supervisor, fetch), resumed: 0x55\n"
            + "traps: 4 page faults handled\n",
            Passed("traps-page-faults").Stdout);
    }

    [Fact]
    public void AppelLiProtectTrapUnprotectCycleCountsEveryTrap()
    {
        string[] lines = Passed("traps-appel-li").Stdout.Split('\n');
        Assert.Equal("traps: 10000 traps for 10000 writes, wrong error codes 0, last value 9999", lines[0]);
        Assert.Matches(new Regex(@"^traps: cycles per PROT1\+TRAP\+UNPROT [1-9][0-9]*, per trap alone [1-9][0-9]*$"), lines[1]);
    }

    [Fact]
    public void HandlerMayAllocateAndCollectWhileTheInterruptedCodeHoldsObjects()
    {
        // 1,000,000 nodes of 64-byte payloads plus the 977 it kept; the 20,000-node list of the interrupted code survives,
        // and so does an array whose only plain reference is in the interrupted code's registers (the saved frame).
        Assert.Equal("traps: handler allocated 64000977 bytes with 2 or more collections; list sum 199990000, damaged nodes 0\n"
            + "traps: array held only in registers: 64 of 64 bytes intact\n",
            Passed("traps-gc").Stdout);
    }

    [Fact]
    public void AvxStateIsSavedAroundHandlers()
    {
        Assert.Equal("traps: ymm0 after a handler that zeroes it: 32 of 32 bytes intact\n", Passed("traps-avx").Stdout);
    }

    [Fact]
    public void DecliningHandlerEndsWithTheFaultReport()
    {
        VmResult r = _vm.Result("traps-terminate");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal("traps: the #UD handler declines\n", r.Stdout);
        Assert.StartsWith("dune: unhandled guest exception #UD invalid opcode (vector 6) in ring 0\n", r.Stderr);
    }

    [Fact]
    public void VectorWithoutHandlerKeepsTheFaultReport()
    {
        VmResult r = _vm.Result("traps-unhandled");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal("traps: #DE without a handler\n", r.Stdout);
        Assert.StartsWith("dune: unhandled guest exception #DE divide error (vector 0) in ring 0\n", r.Stderr);
    }

    [Fact]
    public void StackOverflowStillReportsWithAPageFaultHandler()
    {
        // The fault is on the stack the handler would run on: it goes to the backend, which reports the original fault.
        VmResult r = _vm.Result("traps-overflow");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.Equal("traps: unbounded recursion with a #PF handler\n", r.Stdout);
        Assert.StartsWith("dune: unhandled guest exception #PF page fault (vector 14) in ring 0\n", r.Stderr);
        Assert.EndsWith("  in Program.Recurse\n", r.Stderr);
    }

    [Fact]
    public void PagerSampleCommitsPagesOnDemand()
    {
        Assert.Equal("pagefault: reserved 1024 MiB, touched 512 pages, committed 512 on demand, pages with wrong contents 0\n",
            Passed("pagefault-sample").Stdout);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class TrapTestsOnKmod : TrapTests
{
    public TrapTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
