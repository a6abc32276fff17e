namespace Dune.Conformance.Tests;

/// <summary>
/// POSIX signals in host mode through PosixSignalRegistration (tests/programs/signals "host MODE"; the same
/// modes run in Dune mode in the test VM, SignalVmTests). A process ended by a signal exits with 128 + signal.
/// </summary>
public class SignalTests
{
    private const string Program = "tests/programs/signals";

    private static RunResult Run(string mode) => DuneProgram.Run(Program, "host", mode);

    private static void AssertOutput(string mode, int exitCode, string stdout)
    {
        var r = Run(mode);
        Assert.True(r.ExitCode == exitCode && r.Stdout == stdout, r.ToString());
    }

    [Fact]
    public void TimerSignalRunsTheHandlerDuringABusyLoop() => AssertOutput("usr1-busy", 0,
        "signals: SIGUSR1 in 50 ms, spinning in ring 3\n" +
        "signals: handler for SIGUSR1 (raw 10) in ring 3\n" +
        "signals: the busy loop saw the handler's write and ended in ring 3\n");

    [Fact]
    public void AlarmReachesACSharpHandler() => AssertOutput("alarm", 0,
        "signals: alarm in 1 s, spinning in ring 3\n" +
        "signals: handler for SIGALRM (raw 14) in ring 3\n" +
        "signals: the busy loop saw the handler's write and ended in ring 3\n");

    [Fact]
    public void SigtermWithoutHandlerTerminates() => AssertOutput("term-default", 128 + 15,
        "signals: sending SIGTERM to myself\n");

    [Fact]
    public void SigtermHandlerThatCancelsKeepsTheProcess() => AssertOutput("term-cancel", 0,
        "signals: sending SIGTERM to myself\n" +
        "signals: handler for SIGTERM in ring 3, cancel yes\n" +
        "signals: still running after SIGTERM\n");

    [Fact]
    public void SigtermHandlerThatDoesNotCancelIsFollowedByTheDefaultAction() => AssertOutput("term-handled", 128 + 15,
        "signals: sending SIGTERM to myself\n" +
        "signals: handler for SIGTERM in ring 3, cancel no\n");

    [Fact]
    public void ReadInterruptedByAHandlerWithSaRestartRestarts() => AssertOutput("restart", 0,
        "signals: reading an empty pipe, SIGALRM in 1 s, handlers with SA_RESTART\n" +
        "signals: handler for SIGALRM (raw 14) in ring 3 wrote 1 byte\n" +
        "signals: read returned 1 ('x')\n");

    [Fact]
    public void ReadInterruptedByAHandlerWithoutSaRestartFailsWithEintr() => AssertOutput("eintr", 0,
        "signals: reading an empty pipe, SIGALRM in 1 s, handlers without SA_RESTART\n" +
        "signals: handler for SIGALRM (raw 14) in ring 3 wrote 1 byte\n" +
        "signals: read returned -4 (EINTR)\n");

    [Fact]
    public void DisposedRegistrationRestoresTheDefaultAction() => AssertOutput("dispose", 128 + 12,
        "signals: SIGUSR2 after Dispose\n");
}
