namespace Dune.Conformance.Tests;

/// <summary>
/// DUNE_BACKEND choices that fail before any ring-0 code runs (so they are safe on this host, whose /dev/kvm
/// must never run ring-0 code): the process stays in host mode, explains why and exits with 71.
/// </summary>
public class DuneBackendChoiceTests
{
    private static RunResult RunWith(string backend) =>
        DuneProgram.RunExecutable(DuneProgram.Build("tests/programs/dune-mode"), new[] { "ring0" },
            env: new Dictionary<string, string?> { ["DUNE_BACKEND"] = backend });

    [Fact]
    public void KmodWithoutDevDuneIsAClearError()
    {
        Assert.False(File.Exists("/dev/dune"));
        RunResult r = RunWith("kmod");
        Assert.Equal(71, r.ExitCode);
        Assert.Equal("dune: cannot enter Dune mode: DUNE_BACKEND=kmod but /dev/dune is missing (load dune.ko: kmod/README.md)\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void UnknownBackendIsRejected()
    {
        RunResult r = RunWith("vmware");
        Assert.Equal(71, r.ExitCode);
        Assert.Equal("dune: cannot enter Dune mode: unknown DUNE_BACKEND 'vmware' (expected kvm, kmod or auto)\n", r.Stderr);
    }
}
