namespace Dune.Conformance.Tests;

/// <summary>The mark-sweep collector, through tests/programs/gc (one scenario per argument).</summary>
public class GcTests
{
    private const string Program = "tests/programs/gc";

    private static RunResult Run(params string[] args)
    {
        var r = DuneProgram.Run(Program, args);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        return r;
    }

    private static long Value(RunResult r, string key)
    {
        string line = r.Stdout.Split('\n').Single(l => l.StartsWith(key + ": "));
        return long.Parse(line[(key.Length + 2)..]);
    }

    [Fact]
    public void ChurningFarMoreThanTheLiveSetKeepsMemoryBounded()
    {
        var r = Run("churn");
        Assert.StartsWith("churn: ok\n", r.Stdout);
        Assert.True(Value(r, "allocated-mb") >= 256, r.ToString());
        Assert.True(Value(r, "collections") >= 20, r.ToString());
        long peakKb = Value(r, "peak-rss-kb");
        Assert.InRange(peakKb, 1, 64 * 1024);
        Assert.InRange(Value(r, "mapped-kb"), 1, 32 * 1024);
    }

    [Fact]
    public void LinkedStructuresSurviveManyCollectionsIntact()
    {
        var r = Run("tree");
        Assert.Equal("tree: 100000 nodes ok\nlist: 100000 nodes ok\ncollections: at least 10\n", r.Stdout);
    }

    [Fact]
    public void ObjectsReachableOnlyFromEachKindOfRootSurvive()
    {
        var r = Run("roots");
        Assert.Equal("static: ok\nlocal: ok\nstruct local: ok\narray of structs: ok\nstatic array: ok\nstack object: ok\nthread static: ok\ngeneric static: ok\n", r.Stdout);
    }

    [Fact]
    public void CollectFreesUnreachableObjectsAndUnmapsLargeOnes()
    {
        var r = Run("free");
        Assert.Equal(
            "held: live bytes grew by the objects\nfreed: objects\nfreed: bytes\nunmapped: large object\n" +
            "live: back to start\ntotal memory: live bytes\ncount: ok\n", r.Stdout);
    }

    [Fact]
    public void StringsAndArraysOfEveryElementSizeRoundTrip()
    {
        var r = Run("roundtrip");
        Assert.Equal("roundtrip: 0 mismatches\n", r.Stdout);
    }

    [Fact]
    public void GcStaticsAreAllocatedAtStartupIncludingPreinitializedData()
    {
        var r = Run("statics", "x", "y");
        Assert.Equal("preinitialized: 42 frozen+heap ok\nargs: 4 last=y\ngreeting: hello\nnumbers: 6\n", r.Stdout);
    }

    [Fact]
    public void CollectionsDuringExceptionDispatchKeepExceptionsAndLocals()
    {
        var r = Run("exceptions");
        Assert.Equal("caught: 20000\nfinally blocks: 20000\n", r.Stdout);
    }

    [Fact]
    public void ListsDictionariesAndClosuresSurviveCollections()
    {
        var r = Run("collections");
        Assert.Equal("list and dictionary: 0 mismatches, 50000 + 50000 entries\nclosure: 155\n", r.Stdout);
    }

    [Theory]
    [InlineData("roots", "static: ok\nlocal: ok\nstruct local: ok\narray of structs: ok\nstatic array: ok\nstack object: ok\nthread static: ok\ngeneric static: ok\n")]
    [InlineData("exceptions", "caught: 20000\nfinally blocks: 20000\n")]
    [InlineData("statics", "preinitialized: 42 frozen+heap ok\nargs: 2 last=statics\ngreeting: hello\nnumbers: 6\n")]
    public void CollectingEveryFewAllocationsLosesNothing(string mode, string expected)
    {
        var env = new Dictionary<string, string?> { ["DUNE_GC_STRESS"] = "25" };
        var r = DuneProgram.RunExecutable(DuneProgram.Build(Program), new[] { mode }, env: env);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(expected, r.Stdout);
    }

    [Fact]
    public void RunningOutOfAddressSpaceThrowsOutOfMemoryAndTheHeapRecovers()
    {
        string exe = DuneProgram.Build(Program);
        var r = DuneProgram.RunExecutable("/bin/sh", new[] { "-c", $"ulimit -v 131072 && exec '{exe}' oom" });
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("huge array: OutOfMemoryException\ngrowth: OutOfMemoryException\nhoard: intact\nafter: ok\n", r.Stdout);
    }
}
