using System.Text.RegularExpressions;

namespace Dune.Conformance.Tests;

/// <summary>
/// Programs under DUNE_GC_STRESS (a collection every few allocations), so a reference the runtime keeps where
/// the collector does not look (dispatch caches, exception dispatch, handler stacks) shows up at once. The output
/// must be exactly the unstressed one.
/// </summary>
public class GcStressTests
{
    private static RunResult RunStressed(string program, string interval, params string[] args) =>
        DuneProgram.RunExecutable(DuneProgram.Build(program), args, env: new() { ["DUNE_GC_STRESS"] = interval });

    /// <summary>
    /// Fatal fault reports build their text in the signal handler, on the alternate stack the collector cannot
    /// scan: a collection started there used to end the process as a runtime failure (135) with no report.
    /// </summary>
    [Theory]
    [InlineData("segv", @"^Fatal fault: SIGSEGV at 0x100000 in Program\.ReadWild\n   rip=")]
    [InlineData("outside-image", @"^Fatal fault: SIGILL at 0x[0-9a-f]+ in 0x[0-9a-f]+\n   rip=")]
    [InlineData("stackoverflow", @"^Fatal fault: stack overflow \(SIGSEGV\) at 0x[0-9a-f]+ in Program\.Recurse\n   rip=")]
    [InlineData("dispatch-fault", @"^Fatal fault: fault inside exception dispatch: SIGSEGV at 0x10 in BrokenException\.get_Message\n   rip=")]
    public void FatalFaultReportsAreWrittenWhenEveryAllocationCollects(string mode, string report)
    {
        var r = RunStressed("tests/programs/faults", "1", mode);
        Assert.True(r.ExitCode == 139, r.ToString());
        Assert.Matches(new Regex(report), r.Stderr);
        Assert.Contains("   r12=0x", r.Stderr);
    }

    /// <summary>Faults that become exceptions: the handler resumes collections once it has left the alternate stack.</summary>
    [Theory]
    [InlineData("catch-divzero", "caught System.DivideByZeroException: Attempted to divide by zero.\ndivzero caught 4 times\n")]
    [InlineData("catch-null", "caught NullReferenceException: Object reference not set to an instance of an object.\nnull caught 5 times\n")]
    public void CaughtFaultsBehaveTheSameUnderStress(string mode, string expected)
    {
        var r = RunStressed("tests/programs/faults", "1", mode);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(expected, r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}
