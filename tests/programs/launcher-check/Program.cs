using System;
using Dune;

/// <summary>
/// What launcher/dune must carry into a Dune-mode run (LauncherTests): the arguments unchanged, DUNE_* variables,
/// stdout and stderr apart, and the exit status. It enters Dune mode, so on a host without real VT-x/AMD-V the
/// launcher runs it in the test VM.
/// </summary>
static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("args " + args.Length);
        foreach (string a in args) Console.WriteLine("[" + a + "]");
        Console.WriteLine("DUNE_LAUNCHER_CHECK=" + (Environment.GetEnvironmentVariable("DUNE_LAUNCHER_CHECK") ?? "(unset)"));
        DuneMode.Enter();
        Console.WriteLine("ring " + DuneMode.CurrentPrivilegeLevel());
        Console.Error.WriteLine("launcher-check: on stderr");
        return 42;
    }
}
