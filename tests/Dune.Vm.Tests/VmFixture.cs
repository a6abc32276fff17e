using System.Diagnostics;
using Xunit;

namespace Dune.Vm.Tests;

/// <summary>How one program of the batch ended, as tests/vm/run.sh reported it.</summary>
public sealed record VmResult(string Name, string Status, string Code, string Stdout, string Stderr)
{
    public bool Passed => Status == "exit" && Code == "0";

    public override string ToString() =>
        $"{Name}: {Status} {Code}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// Builds every program of <see cref="VmPrograms.All"/>, then boots the test
/// VM once with all of them (booting costs seconds, so tests share it), and a
/// second time under --icount, at the same time, for the few that measure
/// (<see cref="VmProgram.Icount"/>).
/// </summary>
public sealed class VmFixture
{
    public static readonly string RepoRoot = FindRepoRoot();

    // Our files under build/vm (the run.sh cache) so they are ignored by git; one folder per test process
    // so that two test runs in the same checkout do not delete each other's results.
    private static readonly string WorkDir =
        System.IO.Path.Combine(RepoRoot, "build", "vm", "tests", Environment.ProcessId.ToString());

    private readonly Dictionary<string, VmResult> _results = new();

    /// <summary>run.sh's exit status and its stderr (progress and summary).</summary>
    public int RunExitCode { get; }
    public string RunLog { get; }

    public VmFixture()
    {
        string bin = System.IO.Path.Combine(WorkDir, "bin");
        Directory.CreateDirectory(bin);
        var manifests = new Dictionary<bool, List<string>> { [false] = new(), [true] = new() };
        foreach (VmProgram p in VmPrograms.All)
        {
            string exe = Build(p, bin);
            manifests[p.Icount].Add(string.Join('\t', new[] { p.Name, p.TimeoutSeconds.ToString(), exe }.Concat(p.Args)));
        }

        // dune.ko for the VM's kernel: the guest loads it at boot, next to kvm_amd (KmodTests). Until the
        // kmod IBackend exists the C# programs ask for KVM explicitly: auto would pick /dev/dune.
        var (kmodCode, kmodPath, kmodLog) = Run(System.IO.Path.Combine(RepoRoot, "kmod", "build.sh"),
            new[] { "--pinned" }, TimeSpan.FromMinutes(5));
        if (kmodCode != 0)
            throw new InvalidOperationException($"kmod/build.sh --pinned failed ({kmodCode}):\n{kmodLog}");
        string kmod = kmodPath.Trim();

        // The icount boot is slow (about 40 s) and single-threaded: it runs beside the main one, on another core.
        var boots = new List<Task<(int Code, string Log, string OutDir)>>();
        foreach (bool icount in new[] { false, true })
            if (manifests[icount].Count > 0)
                boots.Add(Task.Run(() => Boot(icount ? "icount" : "main", manifests[icount], icount, kmod)));
        Task.WaitAll(boots.ToArray());

        RunExitCode = 0;
        RunLog = "";
        foreach (var boot in boots)
        {
            var (code, log, outDir) = boot.Result;
            RunExitCode = Math.Max(RunExitCode, code);
            RunLog += log;
            ReadResults(outDir);
        }
    }

    /// <summary>One boot of the test VM with <paramref name="lines"/> as its manifest: run.sh's exit status, log and output folder.</summary>
    private static (int Code, string Log, string OutDir) Boot(string name, List<string> lines, bool icount, string kmod)
    {
        string outDir = System.IO.Path.Combine(WorkDir, "out-" + name);
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        string manifestPath = System.IO.Path.Combine(WorkDir, "manifest-" + name + ".tsv");
        File.WriteAllLines(manifestPath, lines);
        var args = new List<string> { "--quiet", "--manifest", manifestPath, "--out", outDir, "--kmod", kmod, "--env", "DUNE_BACKEND=kvm" };
        // Threads in Dune mode run on vCPUs of their own: the main boot gives the VM two CPUs, so they run in
        // parallel (MTTCG); the icount boot keeps one, for exact counts.
        args.AddRange(icount ? new[] { "--icount" } : new[] { "--smp", "2" });
        // run.sh bounds the VM's time itself; this limit only catches a broken script.
        var (code, _, log) = Run(System.IO.Path.Combine(RepoRoot, "tests", "vm", "run.sh"), args.ToArray(), TimeSpan.FromMinutes(10));
        return (code, log, outDir);
    }

    private void ReadResults(string outDir)
    {
        string tsv = System.IO.Path.Combine(outDir, "results.tsv");
        if (!File.Exists(tsv))
            return; // Result() reports the run log.
        foreach (string line in File.ReadAllLines(tsv))
        {
            string[] f = line.Split('\t');
            _results[f[0]] = new VmResult(f[0], f[1], f[2],
                ReadIfExists(System.IO.Path.Combine(outDir, f[0] + ".stdout")),
                ReadIfExists(System.IO.Path.Combine(outDir, f[0] + ".stderr")));
        }
    }

    /// <summary>The result of program <paramref name="name"/>; fails the test if the VM run produced none.</summary>
    public VmResult Result(string name)
    {
        Assert.True(_results.TryGetValue(name, out VmResult? r),
            $"tests/vm/run.sh (exit {RunExitCode}) reported nothing for {name}:\n{RunLog}");
        return r!;
    }

    private static string Build(VmProgram p, string bin)
    {
        if (p.Path.StartsWith("guest:/", StringComparison.Ordinal))
            return p.Path;
        string source = System.IO.Path.Combine(RepoRoot, p.Path);
        if (p.Path.EndsWith(".csproj", StringComparison.Ordinal))
            return BuildDune(source);
        if (!p.Path.EndsWith(".c", StringComparison.Ordinal))
            return source;
        string exe = System.IO.Path.Combine(bin, p.Name);
        var (code, stdout, stderr) = Run("gcc", new[] { "-static", "-O2", "-Wall", "-o", exe, source },
            TimeSpan.FromMinutes(2));
        if (code != 0)
            throw new InvalidOperationException($"gcc {p.Path} failed ({code}):\n{stdout}{stderr}");
        return exe;
    }

    private static readonly Dictionary<string, string> BuiltDunePrograms = new();

    /// <summary>A Dune executable: dotnet build -c Release leaves it at PROJECTDIR/bin/Release/NAME (linker/Dune.targets); built once per run.</summary>
    private static string BuildDune(string csproj)
    {
        if (BuiltDunePrograms.TryGetValue(csproj, out string? built))
            return built;
        var (code, stdout, stderr) = Run("dotnet", new[] { "build", csproj, "-c", "Release", "-nologo", "-v", "q" },
            TimeSpan.FromMinutes(5));
        if (code != 0)
            throw new InvalidOperationException($"dotnet build {csproj} failed ({code}):\n{stdout}{stderr}");
        string exe = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(csproj)!, "bin", "Release",
            System.IO.Path.GetFileNameWithoutExtension(csproj));
        BuiltDunePrograms[csproj] = exe;
        return exe;
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, string[] args, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {limit}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "tests", "vm", "run.sh")))
                return dir.FullName;
        throw new InvalidOperationException("no tests/vm/run.sh above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition("vm")]
public sealed class VmCollection : ICollectionFixture<VmFixture>
{
}
