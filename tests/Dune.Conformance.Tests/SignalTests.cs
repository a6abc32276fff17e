using Dune.Tests.Shared;

namespace Dune.Conformance.Tests;

/// <summary>
/// POSIX signals in host mode through PosixSignalRegistration (tests/programs/signals "host MODE"), held to the
/// same table as the Dune-mode run in the test VM (tests/Shared/SignalExpectations.cs, SignalVmTests).
/// </summary>
public class SignalTests
{
    public static TheoryData<string> Modes => SignalExpectations.ModeData();

    [Theory]
    [MemberData(nameof(Modes))]
    public void BehavesAsInTheTable(string mode)
    {
        (int exitCode, string stdout) = SignalExpectations.For(mode, ring: 3);
        RunResult r = DuneProgram.Run("tests/programs/signals", "host", mode);
        Assert.True(r.ExitCode == exitCode && r.Stdout == stdout, r.ToString());
    }
}
