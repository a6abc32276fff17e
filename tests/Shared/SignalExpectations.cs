using Xunit;

namespace Dune.Tests.Shared;

/// <summary>
/// What tests/programs/signals prints and how it exits, per mode, for both places it runs: host mode (ring 3 of the
/// host, Dune.Conformance.Tests/SignalTests) and Dune mode (guest ring 0, Dune.Vm.Tests/SignalVmTests). One table,
/// so the two runs are held to the same behaviour; only the ring the program reports differs. A process ended by a
/// signal exits with 128 + signal.
/// </summary>
public static class SignalExpectations
{
    public static readonly string[] Modes =
        ["usr1-busy", "alarm", "term-default", "term-cancel", "term-handled", "restart", "eintr", "dispose", "storm"];

    public static (int ExitCode, string Stdout) For(string mode, int ring) => mode switch
    {
        "usr1-busy" => (0,
            $"signals: SIGUSR1 in 50 ms, spinning in ring {ring}\n" +
            $"signals: handler for SIGUSR1 (raw 10) in ring {ring}\n" +
            $"signals: the busy loop saw the handler's write and ended in ring {ring}\n"),
        "alarm" => (0,
            $"signals: alarm in 1 s, spinning in ring {ring}\n" +
            $"signals: handler for SIGALRM (raw 14) in ring {ring}\n" +
            $"signals: the busy loop saw the handler's write and ended in ring {ring}\n"),
        "term-default" => (128 + 15,
            "signals: sending SIGTERM to myself\n"),
        "term-cancel" => (0,
            "signals: sending SIGTERM to myself\n" +
            $"signals: handler for SIGTERM in ring {ring}, cancel yes\n" +
            "signals: still running after SIGTERM\n"),
        "term-handled" => (128 + 15,
            "signals: sending SIGTERM to myself\n" +
            $"signals: handler for SIGTERM in ring {ring}, cancel no\n"),
        "restart" => (0,
            "signals: reading an empty pipe, SIGALRM in 1 s, handlers with SA_RESTART\n" +
            $"signals: handler for SIGALRM (raw 14) in ring {ring} wrote 1 byte\n" +
            "signals: read returned 1 ('x')\n"),
        "eintr" => (0,
            "signals: reading an empty pipe, SIGALRM in 1 s, handlers without SA_RESTART\n" +
            $"signals: handler for SIGALRM (raw 14) in ring {ring} wrote 1 byte\n" +
            "signals: read returned -4 (EINTR)\n"),
        "dispose" => (128 + 12,
            "signals: SIGUSR2 after Dispose\n"),
        "storm" => (0,
            "signals: checksum 3688918, kept 28572\n" +
            "signals: handlers ran yes, their strings whole yes\n"),
        _ => throw new ArgumentException("no expectation for signals mode " + mode, nameof(mode)),
    };

    public static TheoryData<string> ModeData()
    {
        var data = new TheoryData<string>();
        foreach (string mode in Modes) data.Add(mode);
        return data;
    }
}
