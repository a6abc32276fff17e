using Xunit;

namespace Dune.Conformance.Tests;

/// <summary>
/// The usual dotnet commands on an in-repo project (linker/Dune.targets from source): `dotnet publish` leaves the
/// static executable alone in the publish folder, `dotnet run` runs it (host mode: the launcher runs it here).
/// </summary>
public sealed class SdkCommandTests
{
    [Fact]
    public void PublishProducesOnlyAStaticExecutable()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dune-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = DuneProgram.Dotnet($"publish \"{Path.Combine(DuneProgram.RepoRoot, "samples", "hello")}\" -c Release -o \"{dir}\" -nologo -v q");
            Assert.True(code == 0, output);
            Assert.Equal(new[] { "hello" }, Directory.GetFiles(dir).Select(Path.GetFileName));
            string exe = Path.Combine(dir, "hello");

            string header = ReadElf("-h", exe);
            Assert.Matches(@"Class:\s+ELF64", header);
            Assert.Matches(@"Type:\s+EXEC \(Executable file\)", header);
            Assert.Matches(@"Machine:\s+Advanced Micro Devices X86-64", header);
            string segments = ReadElf("-l", exe);
            Assert.DoesNotContain("INTERP", segments);
            Assert.DoesNotContain("DYNAMIC", segments);
            Assert.Contains("There is no dynamic section in this file.", ReadElf("-d", exe));

            RunResult r = DuneProgram.RunExecutable(exe, Array.Empty<string>());
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith("Hello from DuneAot!", r.Stdout);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void RunBuildsAndRunsAHostModeProgramWithItsArgumentsAndExitStatus()
    {
        string project = Path.Combine(DuneProgram.RepoRoot, "tests", "programs", "basics");
        var (code, output) = DuneProgram.Dotnet($"run --project \"{project}\" -c Release -- alpha --exit=5");
        RunResult direct = DuneProgram.RunExecutable(DuneProgram.Build("tests/programs/basics"), new[] { "alpha", "--exit=5" });
        Assert.Equal(5, direct.ExitCode);
        Assert.Equal(direct.ExitCode, code);
        Assert.Equal(direct.Stdout + direct.Stderr, output);
    }

    private static string ReadElf(string option, string exe)
    {
        RunResult r = DuneProgram.RunExecutable("readelf", new[] { "-W", option, exe });
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.Stdout;
    }
}
