using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dune.Conformance.Tests;

/// <summary>Result of running a Dune executable: exit code and captured output.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Builds a Dune executable (a project under tests/programs/NAME or samples/NAME) once per test run and
/// runs it natively in host mode. Builds are serialized: MSBuild shares obj/ folders of Dune.Guest.
/// </summary>
public static class DuneProgram
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();
    private static readonly object BuildLock = new();

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Path of the built executable for a project directory relative to the repo root (e.g. "tests/programs/exceptions").</summary>
    public static string Build(string projectDir) =>
        Built.GetOrAdd(projectDir, d => new Lazy<string>(() => BuildNow(d))).Value;

    public static RunResult Run(string projectDir, params string[] args) => RunExecutable(Build(projectDir), args);

    /// <summary>Runs <paramref name="exe"/>; <paramref name="env"/> entries set (or, with a null value, remove) variables.</summary>
    public static RunResult RunExecutable(string exe, string[] args, string? stdin = null, int timeoutMs = 60_000,
        Dictionary<string, string?>? env = null)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new())
            if (v == null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} did not exit within {timeoutMs} ms");
        }
        p.WaitForExit();
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Path of the same project built for the standard .NET runtime (linker/Dune.targets with DuneOracle=true):
    /// the oracle the differential tests compare against. Run it with <see cref="RunOracle"/>.
    /// </summary>
    public static string BuildOracle(string projectDir) =>
        Built.GetOrAdd("oracle:" + projectDir, _ => new Lazy<string>(() => BuildNow(projectDir, oracle: true))).Value;

    /// <summary>
    /// Runs the oracle build of <paramref name="projectDir"/> with `dotnet`, like <see cref="RunExecutable"/>, in
    /// the invariant culture: DuneAot formats and parses as the invariant culture does.
    /// </summary>
    public static RunResult RunOracle(string projectDir, string[] args, string? stdin = null, int timeoutMs = 60_000)
    {
        var env = new Dictionary<string, string?> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        return RunExecutable("dotnet", new[] { BuildOracle(projectDir) }.Concat(args).ToArray(), stdin, timeoutMs, env);
    }

    /// <summary>Builds the project in <paramref name="dir"/> (any folder) as a Dune executable: exit code and MSBuild's output.</summary>
    public static (int ExitCode, string Output) TryBuild(string dir) => Dotnet($"build \"{dir}\" -c Release -nologo -v q");

    /// <summary>Runs `dotnet ARGUMENTS` (build, publish, run...) serialized with the builds: exit code and its output.</summary>
    public static (int ExitCode, string Output) Dotnet(string arguments)
    {
        lock (BuildLock)
        {
            var psi = new ProcessStartInfo("dotnet", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd() + stderr.Result;
            p.WaitForExit();
            return (p.ExitCode, output);
        }
    }

    private static string BuildNow(string projectDir, bool oracle = false)
    {
        string dir = Path.Combine(RepoRoot, projectDir);
        string name = Path.GetFileName(projectDir.TrimEnd('/'));
        string mode = oracle ? " -p:DuneOracle=true -p:BaseIntermediateOutputPath=obj/oracle/" : "";
        lock (BuildLock)
        {
            var psi = new ProcessStartInfo("dotnet", $"build \"{dir}\" -c Release -nologo -v q{mode}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"building {projectDir} failed:\n{output}");
        }
        string exe = oracle ? Path.Combine(dir, "bin", "oracle", name + ".dll") : Path.Combine(dir, "bin", "Release", name);
        if (!File.Exists(exe)) throw new FileNotFoundException($"build of {projectDir} produced no executable", exe);
        return exe;
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "DuneAot.sln"))) return d.FullName;
        throw new InvalidOperationException("DuneAot.sln not found above " + AppContext.BaseDirectory);
    }
}
