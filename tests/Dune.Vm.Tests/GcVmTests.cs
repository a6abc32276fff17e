using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The garbage collector in Dune mode (ring 0 on KVM, in the test VM): the heap grows and shrinks through
/// mmap/munmap hypercalls and the collector scans the same stack it ran on before entry.
/// </summary>
[Collection("vm")]
public class GcVmTests
{
    private readonly VmRun _vm;

    public GcVmTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected GcVmTests(VmRun vm) => _vm = vm;

    private string Stdout(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal("", r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public void ChurnStaysBoundedInRingZero()
    {
        string[] lines = Stdout("gc-dune-churn").Split('\n');
        Assert.Equal("churn: ok", lines[0]);
        long collections = long.Parse(lines.Single(l => l.StartsWith("collections: "))["collections: ".Length..]);
        long peakKb = long.Parse(lines.Single(l => l.StartsWith("peak-rss-kb: "))["peak-rss-kb: ".Length..]);
        Assert.True(collections >= 20, string.Join('\n', lines));
        Assert.InRange(peakKb, 1, 64 * 1024);
    }

    [Fact]
    public void LinkedStructuresSurviveCollectionsInRingZero()
    {
        Assert.Equal("tree: 100000 nodes ok\nlist: 100000 nodes ok\ncollections: at least 10\n", Stdout("gc-dune-tree"));
    }

    [Fact]
    public void EveryKindOfRootHoldsInRingZero()
    {
        Assert.Equal("static: ok\nlocal: ok\nstruct local: ok\narray of structs: ok\nstatic array: ok\nstack object: ok\nthread static: ok\ngeneric static: ok\n",
            Stdout("gc-dune-roots"));
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class GcVmTestsOnKmod : GcVmTests
{
    public GcVmTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
