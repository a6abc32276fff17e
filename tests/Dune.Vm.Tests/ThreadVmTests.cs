using System.Text.RegularExpressions;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Threads in Dune mode, one vCPU each (tests/programs/dune-threads, in a boot with two CPUs): a started thread runs
/// in ring 0 on a vCPU of its own with its own thread statics; counters under lock and Interlocked come out exact
/// across vCPUs, and finished threads give their vCPUs back; a page protected or unmapped through
/// Dune.Memory faults on another vCPU right after (TLB shootdown); Monitor.Wait/Pulse between vCPUs; threads that
/// allocate and share object graphs under DUNE_GC_STRESS keep every node (collections stop every vCPU); a child forked
/// with a parked vCPU and a running thread has only the forking thread, starts its own and collects; an unhandled
/// exception on a vCPU thread ends the process with the report; a thread from before Enter is refused; Linux.Spawn
/// from several threads returns after each child's exec.
/// </summary>
[Collection("vm")]
public class ThreadVmTests
{
    private readonly VmRun _vm, _icount;
    private readonly string _bench;

    public ThreadVmTests(VmFixture vm) : this(vm.Kvm, vm.Kvm, "threads-dune-bench")
    {
    }

    /// <param name="icount">Where the --icount boot's results are (its programs run on both backends under two names).</param>
    protected ThreadVmTests(VmRun vm, VmRun icount, string bench)
    {
        _vm = vm;
        _icount = icount;
        _bench = bench;
    }

    private string Stdout(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void AStartedThreadRunsInRingZeroOnItsOwnVcpu()
    {
        Assert.Equal("cpl 0 vcpu 0: counter 2000, thread local 5, thread static 9, thread id 1\n" +
            "started thread: cpl 0 vcpu 1, thread id 2, thread static 4, thread local 5; main's thread static still 9\n",
            Stdout("threads-dune-ring0"));
    }

    [Fact]
    public void AProcessWithASecondThreadIsRefusedEntry()
    {
        Assert.Equal("enter with a second thread: other threads are running: enter Dune mode before starting threads, active False\n",
            Stdout("threads-dune-busy"));
    }

    [Fact]
    public void CountersAreExactAcrossVcpus()
    {
        Assert.Equal("main: cpl 0 vcpu 0\n" +
            "4 threads: all in ring 0 True, distinct vCPUs (main included) 5\n" +
            "lock counter 80000, Interlocked counter 80000, expected 80000\n" +
            "second round: 4 threads ran\n", Stdout("threads-dune-vcpus"));
    }

    [Fact]
    public void ProtectingAndUnmappingReachTheOtherVcpusTlb()
    {
        string o = Stdout("threads-dune-shootdown");
        foreach (string change in new[] { "protect", "unmap" })
            Assert.Contains("shootdown " + change + ": main on vcpu 0, worker on vcpu 1 (another), faults 1, on the worker's vcpu True, value 3\n", o);
    }

    [Fact]
    public void WaitAndPulseWorkBetweenVcpus()
    {
        Assert.Equal("pulse: main on vcpu 0, partner on vcpu 1, pings 200, pongs 200\n", Stdout("threads-dune-pulse"));
    }

    [Fact]
    public void EveryNodeOfTheSharedGraphsSurvivesCollectionsAcrossVcpus()
    {
        Assert.Equal("gc: 3 threads on their own vCPUs, stress 97, graphs checked True, broken graphs 0, final graphs intact True, collections True\n",
            Stdout("threads-dune-gc"));
    }

    /// <summary>A thread spinning in ring 3 and one making system calls from ring 3 take every stop while the main thread collects.</summary>
    [Fact]
    public void ThreadsInRingThreeTakeTheCollectorsStops()
    {
        Assert.Equal("ring3: the spin exited with 0, the system calls exited with 0, collections while they ran 3 or more, graph intact True\n",
            Stdout("threads-dune-ring3"));
    }

    [Fact]
    public void AForkedChildHasOnlyTheForkingThreadAndStartsItsOwn()
    {
        Assert.Equal("fork: child in cpl 0 vcpu 0, its own thread in cpl 0 vcpu 1 (another vCPU True), sum 18890, collected True\n" +
            "fork: parent in cpl 0 vcpu 0, wait4 True, child exit code 7, its threads went on: True\n", Stdout("threads-dune-fork"));
    }

    [Fact]
    public void SpawnFromThreadsReturnsAfterTheChildsExec()
    {
        Assert.Equal("spawn: from ring 0 the child became sh, wait4 True, exit code 3; " +
            "from ring 0 the child became sh, wait4 True, exit code 4; the allocator went on True\n",
            Stdout("threads-dune-spawn"));
    }

    [Fact]
    public void AnUnhandledExceptionOnAVcpuThreadEndsTheProcessWithTheReport()
    {
        VmResult r = _vm.Result("threads-dune-crash");
        Assert.Equal("exit", r.Status);
        Assert.Equal("134", r.Code);
        Assert.Equal("crash: worker in cpl 0 vcpu 1\n", r.Stdout);
        Assert.StartsWith("Unhandled exception. System.InvalidOperationException: thrown on a vCPU thread\n", r.Stderr);
        Assert.Contains("at System.Threading.Thread.ThreadMain", r.Stderr);
    }

    [Fact]
    public void TheCostsAreMeasuredAgainstHostMode()
    {
        VmResult r = _icount.Result(_bench);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("", r.Stderr);
        string o = r.Stdout;
        Assert.Matches(new Regex(@"^bench: thread start \+ join: host \d+, dune \d+ \(the first in Dune mode, which creates its vCPU: \d+\)\n" +
            @"bench: futex wake, per wake \(half a round trip\): host \d+, dune \d+\n" +
            @"bench: fork \+ exit \+ wait4: host \d+, dune \d+\n$"), o);
    }
}

/// <summary>The same tests on the dune.ko backend (the two-CPU boot runs them there too, the --icount boot its bench).</summary>
[Collection("vm")]
public sealed class ThreadVmTestsOnKmod : ThreadVmTests
{
    public ThreadVmTestsOnKmod(VmFixture vm) : base(vm.Kmod, vm.Kvm, "threads-dune-bench-kmod")
    {
    }
}
