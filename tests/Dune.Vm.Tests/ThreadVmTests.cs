using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Host-mode threads next to Dune mode (one thread for now, issue 9 item 2): in ring 0 locks, Interlocked,
/// thread statics and ThreadLocal work on the one thread and Thread.Start refuses with a clear exception; a
/// process with a second thread is refused entry.
/// </summary>
[Collection("vm")]
public class ThreadVmTests
{
    private readonly VmRun _vm;

    public ThreadVmTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected ThreadVmTests(VmRun vm) => _vm = vm;

    private string Stdout(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void SynchronizationWorksInRingZeroAndThreadStartRefuses()
    {
        Assert.Equal("cpl 0: counter 2000, thread local 5, thread static 9, thread id 1\n" +
            "Thread.Start: Threads in Dune mode are not supported yet (issue 9 item 2).\n", Stdout("threads-dune-ring0"));
    }

    [Fact]
    public void AProcessWithASecondThreadIsRefusedEntry()
    {
        Assert.Equal("enter with a second thread: other threads are running (Dune mode supports one thread for now), active False\n",
            Stdout("threads-dune-busy"));
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class ThreadVmTestsOnKmod : ThreadVmTests
{
    public ThreadVmTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
