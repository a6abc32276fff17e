namespace Dune.Conformance.Tests;

/// <summary>
/// Console output that cannot be written must behave as on .NET: standard output on a full device (/dev/full)
/// throws IOException at the first write, which goes unhandled (exit 134, "Unhandled exception.
/// System.IO.IOException: No space left on device"); a reader that closed the pipe (EPIPE) is ignored and the
/// program runs to its normal exit code.
/// </summary>
public class ConsoleOutputErrorTests
{
    private const string Program = "tests/programs/console";

    [Fact]
    public void FullDeviceFailsLikeDotNet()
    {
        var expected = RunShell("exec \"$@\" > /dev/full", oracle: true);
        var actual = RunShell("exec \"$@\" > /dev/full", oracle: false);
        Assert.Equal(134, expected.ExitCode);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(FirstLine(expected.Stderr), FirstLine(actual.Stderr));
    }

    [Fact]
    public void ClosedPipeIsIgnoredLikeDotNet()
    {
        var expected = RunShell("\"$@\" | head -c 10 > /dev/null; echo \"exit ${PIPESTATUS[0]}\"", oracle: true);
        var actual = RunShell("\"$@\" | head -c 10 > /dev/null; echo \"exit ${PIPESTATUS[0]}\"", oracle: false);
        Assert.Equal("exit 40", expected.Stdout.Trim());
        Assert.Equal(expected.Stdout, actual.Stdout);
    }

    /// <summary>Runs the console program (no arguments, empty stdin) under bash with the given redirections.</summary>
    private static RunResult RunShell(string script, bool oracle)
    {
        string[] command = oracle
            ? ["dotnet", DuneProgram.BuildOracle(Program)]
            : [DuneProgram.Build(Program)];
        var env = new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        return DuneProgram.RunExecutable("/bin/bash", ["-c", script, "bash", .. command], stdin: "", env: env);
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
