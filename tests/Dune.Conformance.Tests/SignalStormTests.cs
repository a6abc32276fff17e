using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dune.Conformance.Tests;

/// <summary>
/// tests/programs/signal-storm under SIGUSR1 sent as fast as this process can while it allocates: on DuneAot its
/// handler runs on the interrupted thread (inside an allocation, or holding the heap's lock), on .NET on a thread of
/// its own. Both must end within the time limit and print the same: the program's own data and the handler's strings
/// whole.
/// </summary>
public class SignalStormTests
{
    private const string Program = "tests/programs/signal-storm";
    private const int SigUsr1 = 10, StormMilliseconds = 1500;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>Runs <paramref name="exe"/>, signalling it from "ready" until "done" or for 1.5 s; null if it did not end within 60 s more. Also the number of signals sent.</summary>
    private static (int ExitCode, string Stdout, int Sent)? Storm(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        try
        {
            string? first = p.StandardOutput.ReadLine();
            Assert.Equal("ready", first);
            var rest = p.StandardOutput.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            int sent = 0;
            // A bounded storm: a thread that takes every signal itself makes little progress of its own meanwhile.
            while (!rest.IsCompleted && clock.ElapsedMilliseconds < StormMilliseconds && Kill(p.Id, SigUsr1) == 0) sent++;
            if (!rest.Wait(60_000) || !p.WaitForExit(10_000)) return null;
            return (p.ExitCode, first + "\n" + rest.Result, sent);
        }
        finally
        {
            if (!p.HasExited) p.Kill();
        }
    }

    [Fact]
    public void AnAllocatingHandlerUnderASignalStormLeavesTheHeapWhole()
    {
        var dotnet = Storm("dotnet", new[] { DuneProgram.BuildOracle(Program) });
        Assert.True(dotnet != null, ".NET did not end within 60 s");
        var dune = Storm(DuneProgram.Build(Program), Array.Empty<string>());
        Assert.True(dune != null, "DuneAot did not end within 60 s under the signals (a handler waiting for a lock its own thread holds?)");
        Assert.True(dune.Value.Sent > 1000, $"only {dune.Value.Sent} signals sent");
        Assert.Contains("handlers ran: True, their strings intact: True\n", dotnet.Value.Stdout);
        Assert.True((dotnet.Value.ExitCode, dotnet.Value.Stdout) == (dune.Value.ExitCode, dune.Value.Stdout),
            $"--- .NET ---\nexit {dotnet.Value.ExitCode}\n{dotnet.Value.Stdout}--- DuneAot ({dune.Value.Sent} signals) ---\nexit {dune.Value.ExitCode}\n{dune.Value.Stdout}");
    }
}
