using System.Diagnostics;

namespace Dune.Vm.Tests;

/// <summary>Runs a command line tool to completion with its output captured (the SDK and launcher tests).</summary>
internal static class Cli
{
    public static (int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? env = null, TimeSpan? limit = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? VmFixture.RepoRoot,
        };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        if (env != null)
            foreach (var (name, value) in env)
                psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        TimeSpan wait = limit ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(wait))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {wait}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs it and fails with everything it printed unless it exits with 0.</summary>
    public static string Check(string file, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? env = null, TimeSpan? limit = null)
    {
        var (code, stdout, stderr) = Run(file, args, workingDirectory, env, limit);
        if (code != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {code}:\n{stdout}{stderr}");
        return stdout;
    }
}
