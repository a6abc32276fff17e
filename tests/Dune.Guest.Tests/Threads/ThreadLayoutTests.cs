using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Internal.Runtime.Gc;
using ThreadState = Internal.Runtime.Threads.ThreadState;

namespace Dune.Guest.Tests.Threads;

/// <summary>The allocation fast path in Intrinsics/threads.S reads ThreadState and AllocationRun at offsets it
/// declares with .set: they must be the C# layouts.</summary>
public unsafe class ThreadLayoutTests
{
    private static Dictionary<string, long> AssemblyConstants()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "DuneAot.sln"))) dir = Path.GetDirectoryName(dir)!;
        string source = File.ReadAllText(Path.Combine(dir, "src/Dune.Guest.Intrinsics/threads.S"));
        return Regex.Matches(source, @"^\s*\.set\s+(\w+),\s*(\d+)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
    }

    [Fact]
    public void FastPathOffsetsAreTheCSharpLayouts()
    {
        var c = AssemblyConstants();
        Assert.Equal(0, (long)Marshal.OffsetOf<ThreadState>(nameof(ThreadState.Self)));
        Assert.Equal(c["THREAD_RUNS"], (long)Marshal.OffsetOf<ThreadState>(nameof(ThreadState.Runs)));
        Assert.Equal(c["RUN_SIZE"], sizeof(AllocationRun));
        Assert.Equal(c["RUN_SIZE"], 1L << (int)c["RUN_SHIFT"]);
        Assert.Equal(c["RUN_NEXT"], (long)Marshal.OffsetOf<AllocationRun>(nameof(AllocationRun.Next)));
        Assert.Equal(c["RUN_END"], (long)Marshal.OffsetOf<AllocationRun>(nameof(AllocationRun.End)));
        Assert.Equal(c["RUN_CELL_SIZE"], (long)Marshal.OffsetOf<AllocationRun>(nameof(AllocationRun.CellSize)));
        Assert.Equal((long)SizeClasses.MaxSmallSize, c["MAX_SMALL_SIZE"]);
    }
}
