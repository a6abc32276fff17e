using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// launcher/dune on a program that enters Dune mode: on this host (no real VT-x/AMD-V) it runs in the test VM, and
/// must still look like running the program itself. Outside the "vm" collection: it boots its own VM, not the batch.
/// </summary>
public sealed class LauncherTests
{
    [Fact]
    public void PassesArgumentsAndDuneVariablesAndReturnsStdoutStderrAndExitStatus()
    {
        Cli.Check("dotnet", new[] { "build", "tests/programs/launcher-check", "-c", "Release", "-nologo", "-v", "q" });
        var env = new Dictionary<string, string>
        {
            ["DUNE_LAUNCHER_CHECK"] = "v 1",
            ["DUNE_VM_CACHE"] = Path.Combine(VmFixture.RepoRoot, "build", "vm"),
        };
        string weird = "ü'\"$x `y`";
        var (code, stdout, stderr) = Cli.Run("bash",
            new[] { "launcher/dune", "run", "--timeout", "60", "tests/programs/launcher-check/bin/Release/launcher-check", "a b", "", weird },
            env: env);

        Assert.True(code == 42, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Equal($"args 3\n[a b]\n[]\n[{weird}]\nDUNE_LAUNCHER_CHECK=v 1\nring 0\n", stdout);
        Assert.Equal("launcher-check: on stderr\n", stderr);
    }

    [Fact]
    public void RefusesAMissingExecutableWithAMessage()
    {
        var (code, _, stderr) = Cli.Run("bash", new[] { "launcher/dune", "run", "no/such/program" });
        Assert.Equal(2, code);
        Assert.Equal("dune: error: no/such/program is not an executable file\n", stderr);
    }
}
