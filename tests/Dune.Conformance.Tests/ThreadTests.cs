namespace Dune.Conformance.Tests;

/// <summary>
/// What the differential run of tests/programs/threads and thread-crash (DifferentialTests) cannot compare:
/// the unhandled-exception report on stderr, which must open like .NET's.
/// </summary>
public class ThreadTests
{
    [Fact]
    public void AnExceptionAWorkerThreadDoesNotCatchEndsTheProcessWithTheReport()
    {
        var r = DuneProgram.Run("tests/programs/thread-crash", []);
        Assert.True(r.ExitCode == 134, r.ToString());
        Assert.Equal("starting worker\n", r.Stdout);
        Assert.StartsWith("Unhandled exception. System.InvalidOperationException: worker failed\n", r.Stderr);
        Assert.Contains("at Program.Fail", r.Stderr);
    }
}
