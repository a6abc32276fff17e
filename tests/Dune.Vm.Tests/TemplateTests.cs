using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The packages as a user outside the repository gets them: both are packed into a feed in a temporary folder,
/// `dotnet new dune-app` (or dune-sandbox) creates a project there (nuget.config: that feed and nuget.org; its own NuGet cache, with
/// the ilc package linked from the usual cache so nothing is downloaded), `dotnet build` compiles it against the
/// prebuilt runtime, and `dotnet run` runs it through the launcher — in the test VM on this host.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private const string IlcPackage = "runtime.linux-x64.microsoft.dotnet.ilcompiler";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dune-template-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void DuneAppFromTheTemplateBuildsAgainstThePackagesAndRunsInRingZero()
    {
        var env = NewProject("dune-app", "myapp");
        var (code, stdout, stderr) = Cli.Run("dotnet", new[] { "run", "--project", "myapp" }, _dir, env);
        Assert.True(code == 0, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.StartsWith("myapp: host mode, ring 3\nmyapp: Dune mode, ring 0, CR3 0x", stdout);
        Assert.EndsWith("\nmyapp: 16 page faults handled in C#, checksum 136\n", stdout);
    }

    [Fact]
    public void DuneSandboxFromTheTemplateRunsAProgramInRingThreeUnderItsPolicy()
    {
        var env = NewProject("dune-sandbox", "mybox");
        // busybox's `id -u` asks getuid, which the template's policy emulates (1000; the VM runs everything as root).
        var (code, stdout, stderr) = Cli.Run("dotnet", new[] { "run", "--project", "mybox", "--", "/bin/busybox", "id", "-u" }, _dir, env);
        Assert.True(code == 0, $"exit {code}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Equal("1000\n", stdout);
        Assert.Contains("[sandbox] getuid(", stderr);
        Assert.Contains("the program exited with 0", stderr);
    }

    /// <summary>
    /// Packs both packages into a feed in the temporary folder, installs the templates into a private hive, creates
    /// NAME from TEMPLATE there and builds it (no warnings, the executable in bin/Debug); gives the environment the
    /// project's commands need.
    /// </summary>
    private Dictionary<string, string> NewProject(string template, string name)
    {
        string feed = Path.Combine(_dir, "feed"), hive = Path.Combine(_dir, "hive"), packages = Path.Combine(_dir, "packages");
        Directory.CreateDirectory(_dir);
        foreach (string project in new[] { "packaging/DuneAot.Sdk", "packaging/DuneAot.Templates" })
            Cli.Check("dotnet", new[] { "pack", project, "-c", "Release", "-o", feed, "-nologo", "-v", "q" });
        LinkIlcPackage(packages);
        File.WriteAllText(Path.Combine(_dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="duneaot" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var env = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages,
            ["DUNE_VM_CACHE"] = Path.Combine(VmFixture.RepoRoot, "build", "vm"),
        };

        string templates = Directory.GetFiles(feed, "DuneAot.Templates.*.nupkg").Single();
        Cli.Check("dotnet", new[] { "new", "install", templates, "--debug:custom-hive", hive }, _dir, env);
        Cli.Check("dotnet", new[] { "new", template, "-n", name, "--debug:custom-hive", hive }, _dir, env);
        string build = Cli.Check("dotnet", new[] { "build", name, "-nologo" }, _dir, env);
        Assert.DoesNotContain("warning", build);
        Assert.True(File.Exists(Path.Combine(_dir, name, "bin", "Debug", name)), build);
        return env;
    }

    /// <summary>The fresh NuGet cache gets ilc as a link to the one the repository's restore fetched.</summary>
    private static void LinkIlcPackage(string packages)
    {
        string usual = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string ilc = Path.Combine(usual, IlcPackage);
        Assert.True(Directory.Exists(ilc), $"{ilc} is missing: restore the repository first (dotnet restore DuneAot.sln)");
        Directory.CreateDirectory(Path.Combine(packages, IlcPackage));
        foreach (string version in Directory.GetDirectories(ilc))
            Directory.CreateSymbolicLink(Path.Combine(packages, IlcPackage, Path.GetFileName(version)), version);
    }
}
