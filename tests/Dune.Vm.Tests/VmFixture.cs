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

/// <summary>The Dune backend a boot's C# programs use (DUNE_BACKEND).</summary>
public enum VmBackend
{
    Kvm,
    Kmod,
}

/// <summary>The results of one backend's runs: what a test class of the batch asserts on.</summary>
public sealed class VmRun
{
    private readonly VmFixture _fixture;
    private readonly Dictionary<string, VmResult> _results;

    internal VmRun(VmFixture fixture, VmBackend backend, Dictionary<string, VmResult> results)
    {
        _fixture = fixture;
        Backend = backend;
        _results = results;
    }

    public VmBackend Backend { get; }

    /// <summary>The result of program <paramref name="name"/> on this backend; fails the test if the VM run produced none.</summary>
    public VmResult Result(string name)
    {
        Assert.True(_results.TryGetValue(name, out VmResult? r),
            $"tests/vm/run.sh (exit {_fixture.RunExitCode}) reported nothing for {name} on {Backend}:\n{_fixture.RunLog}");
        return r!;
    }
}

/// <summary>
/// Builds every program of <see cref="VmPrograms.All"/>, then boots the test VM once with all of them on the
/// KVM backend (booting costs seconds, so tests share it), once more with the Dune programs on dune.ko
/// (DUNE_BACKEND=kmod; <see cref="VmProgram.Once"/> programs left out),
/// a third time under --icount for the few that measure (<see cref="VmProgram.Icount"/>), with two CPUs for the
/// threads in Dune mode (<see cref="VmProgram.Smp"/>, on both backends), and the same four boots on Debian 13's
/// 6.12 kernel (its --icount one with the <see cref="VmProgram.Trixie"/> measurements only); in bochs for dune.ko on
/// Intel VT-x (<see cref="VmProgram.Bochs"/>, with two CPUs for its Smp ones); all at the same time. A test class
/// asserts on one backend's <see cref="VmRun"/>; its "OnKmod" subclass runs the same tests on the other.
/// </summary>
public sealed class VmFixture
{
    public static readonly string RepoRoot = FindRepoRoot();

    // Our files under build/vm (the run.sh cache) so they are ignored by git; one folder per test process
    // so that two test runs in the same checkout do not delete each other's results.
    private static readonly string WorkDir =
        System.IO.Path.Combine(RepoRoot, "build", "vm", "tests", Environment.ProcessId.ToString());

    private readonly Dictionary<string, VmResult> _kvmResults = new(), _kmodResults = new(),
        _trixieKvmResults = new(), _trixieKmodResults = new(), _bochsResults = new(), _dkmsResults = new();

    /// <summary>A boot that runs a program on both backends runs it a second time on dune.ko as NAME + this.</summary>
    private const string KmodSuffix = ".kmod";

    /// <summary>run.sh's exit status and its stderr (progress and summary).</summary>
    public int RunExitCode { get; }
    public string RunLog { get; }

    /// <summary>The main and --icount boots (DUNE_BACKEND=kvm, unless a program's <see cref="VmProgram.Env"/> says otherwise).</summary>
    public VmRun Kvm { get; }

    /// <summary>The dune.ko boot (DUNE_BACKEND=kmod).</summary>
    public VmRun Kmod { get; }

    /// <summary>dune.ko on Intel VT-x in bochs (<see cref="VmProgram.Bochs"/>, DUNE_BACKEND=kmod): kmod-test's modes and C# programs.</summary>
    public VmRun Bochs { get; }

    /// <summary>
    /// The DKMS install check (tests/vm/dkms-check.sh): dune.ko added, built and installed by Debian 13's dkms, then
    /// dkms-modprobe (modprobe dune in the 6.12 VM) and <see cref="DkmsProgram"/> on it (DUNE_BACKEND=kmod).
    /// </summary>
    public VmRun Dkms { get; }

    /// <summary>What tests/vm/dkms-check.sh printed (dkms's own output, then run.sh's progress): a DKMS failure's story.</summary>
    public string DkmsLog { get; }

    /// <summary>The Dune program the DKMS check runs, as dkms-NAME.</summary>
    public const string DkmsProgram = "samples/hello-dune/hello-dune.csproj";

    /// <summary>Debian 13's 6.12 kernel as <see cref="Kvm"/> is Debian 12's 6.1: the main, two-CPU and --icount boots.</summary>
    public VmRun TrixieKvm { get; }

    /// <summary>Debian 13's 6.12 kernel as <see cref="Kmod"/> is Debian 12's 6.1: dune.ko's boot and the two-CPU one.</summary>
    public VmRun TrixieKmod { get; }

    private sealed record BootPlan(string Name, VmBackend Backend, bool Icount, bool Bochs, List<string> Lines,
        bool Smp = false, string Kernel = "bookworm")
    {
        public bool Runs(VmProgram p) => Bochs
            ? p.Bochs && Smp == p.Smp
            : !p.Bochs && Icount == p.Icount && Smp == p.Smp && !(Backend == VmBackend.Kmod && p.Once)
              && !(Kernel == "trixie" && Icount && !p.Trixie);

        /// <summary>
        /// Runs each Dune program a second time on dune.ko (NAME.kmod): the two-CPU boots, which the dune.ko boots lack
        /// (no further boot for them: the boots run side by side).
        /// </summary>
        public bool BothBackends => Smp && !Bochs;
    }

    public VmFixture()
    {
        Kvm = new VmRun(this, VmBackend.Kvm, _kvmResults);
        Kmod = new VmRun(this, VmBackend.Kmod, _kmodResults);
        TrixieKvm = new VmRun(this, VmBackend.Kvm, _trixieKvmResults);
        TrixieKmod = new VmRun(this, VmBackend.Kmod, _trixieKmodResults);
        Bochs = new VmRun(this, VmBackend.Kmod, _bochsResults);
        Dkms = new VmRun(this, VmBackend.Kmod, _dkmsResults);
        string bin = System.IO.Path.Combine(WorkDir, "bin");
        Directory.CreateDirectory(bin);
        var plans = new[]
        {
            new BootPlan("main", VmBackend.Kvm, false, false, new()),
            new BootPlan("kmod", VmBackend.Kmod, false, false, new()),
            new BootPlan("icount", VmBackend.Kvm, true, false, new()),
            new BootPlan("bochs", VmBackend.Kmod, false, true, new()),
            new BootPlan("bochs-smp", VmBackend.Kmod, false, true, new(), Smp: true),
            new BootPlan("smp", VmBackend.Kvm, false, false, new(), Smp: true),
            new BootPlan("trixie", VmBackend.Kvm, false, false, new(), Kernel: "trixie"),
            new BootPlan("trixie-kmod", VmBackend.Kmod, false, false, new(), Kernel: "trixie"),
            new BootPlan("trixie-icount", VmBackend.Kvm, true, false, new(), Kernel: "trixie"),
            new BootPlan("trixie-smp", VmBackend.Kvm, false, false, new(), Smp: true, Kernel: "trixie"),
        };
        foreach (VmProgram p in VmPrograms.All)
        {
            string exe = Build(p, bin);
            foreach (BootPlan plan in plans)
            {
                if (!plan.Runs(p))
                    continue;
                plan.Lines.Add(ManifestLine(p, exe, plan.Lines));
                if (plan.BothBackends && !p.Once)
                    plan.Lines.Add(ManifestLine(p with { Name = p.Name + KmodSuffix, Env = p.Env == null ? "DUNE_BACKEND=kmod" : "DUNE_BACKEND=kmod " + p.Env }, exe, plan.Lines));
            }
        }

        // dune.ko for each kernel: every boot loads it next to kvm_amd (KmodTests; the programs on dune.ko), or
        // next to kvm_intel in bochs, which boots the cloud flavour of the kernel (BochsKmodTests).
        var modules = new Dictionary<string, string>
            { ["bookworm"] = BuildKmod("bookworm"), ["cloud"] = BuildKmod("cloud"), ["trixie"] = BuildKmod("trixie") };

        // The boots run side by side: the icount (about 1 min) and bochs (about 5 min) ones are slow and
        // single-threaded.
        var boots = plans.Where(b => b.Lines.Count > 0)
            .Select(b => (Plan: b, Task: Task.Run(() => Boot(b, modules[b.Bochs ? "cloud" : b.Kernel])))).ToList();
        // The DKMS check builds in kmod/build.sh's trixie root, which BuildKmod("trixie") made above.
        string dkmsOut = System.IO.Path.Combine(WorkDir, "out-dkms"), dkmsExe = BuildDune(System.IO.Path.Combine(RepoRoot, DkmsProgram));
        if (Directory.Exists(dkmsOut))
            Directory.Delete(dkmsOut, recursive: true);
        Task<(int Code, string Stdout, string Log)> dkms = Task.Run(() => Run(
            System.IO.Path.Combine(RepoRoot, "tests", "vm", "dkms-check.sh"), new[] { "--out", dkmsOut, dkmsExe },
            TimeSpan.FromMinutes(15)));
        Task.WaitAll(boots.Select(b => b.Task).Append<Task>(dkms).ToArray());

        RunExitCode = dkms.Result.Code;
        DkmsLog = $"tests/vm/dkms-check.sh exit {dkms.Result.Code}\n{dkms.Result.Log}";
        RunLog = $"--- DKMS check\n{dkms.Result.Log}";
        ReadResults(dkmsOut, _dkmsResults);
        foreach (var (plan, task) in boots)
        {
            var (code, log, outDir) = task.Result;
            RunExitCode = Math.Max(RunExitCode, code);
            RunLog += $"--- {plan.Name} boot\n{log}";
            var (kvm, kmod) = plan.Kernel == "trixie" ? (_trixieKvmResults, _trixieKmodResults) : (_kvmResults, _kmodResults);
            if (plan.Bochs)
                ReadResults(outDir, _bochsResults);
            else if (plan.BothBackends)
                ReadBothBackends(outDir, kvm, kmod);
            else
                ReadResults(outDir, plan.Backend == VmBackend.Kmod ? kmod : kvm);
        }
    }

    /// <summary>A <see cref="BootPlan.BothBackends"/> boot's results: NAME on KVM (or a Once program), NAME.kmod on dune.ko.</summary>
    private static void ReadBothBackends(string outDir, Dictionary<string, VmResult> kvm, Dictionary<string, VmResult> kmod)
    {
        var all = new Dictionary<string, VmResult>();
        ReadResults(outDir, all);
        foreach (var (name, r) in all)
        {
            if (name.EndsWith(KmodSuffix, StringComparison.Ordinal))
                kmod[name[..^KmodSuffix.Length]] = r with { Name = name[..^KmodSuffix.Length] };
            else
                kvm[name] = r;
        }
    }

    /// <summary>
    /// NAME, TIMEOUT, PATH, ARGS. A program with <see cref="VmProgram.Env"/> runs through the guest's env, on the
    /// copy of the same executable an earlier program of the boot ships as /progs/NAME.
    /// </summary>
    private static string ManifestLine(VmProgram p, string exe, List<string> earlier)
    {
        var fields = new List<string> { p.Name, p.TimeoutSeconds.ToString() };
        if (p.Env == null)
            fields.Add(exe);
        else
        {
            string? shipped = earlier.Select(l => l.Split('\t')).FirstOrDefault(f => f[2] == exe)?[0]
                ?? throw new InvalidOperationException($"{p.Name}: no earlier program of its boot ships {exe}");
            fields.AddRange(new[] { "guest:/bin/busybox", "env" });
            fields.AddRange(p.Env.Split(' '));
            fields.Add("/progs/" + shipped);
        }
        fields.AddRange(p.Args);
        return string.Join('\t', fields);
    }

    /// <summary>kmod/build.sh --pinned KERNEL: the module's path (the first trixie build makes a trixie root with debootstrap).</summary>
    private static string BuildKmod(string kernel)
    {
        var (code, path, log) = Run(System.IO.Path.Combine(RepoRoot, "kmod", "build.sh"), new[] { "--pinned", kernel },
            TimeSpan.FromMinutes(15));
        if (code != 0)
            throw new InvalidOperationException($"kmod/build.sh --pinned {kernel} failed ({code}):\n{log}");
        return path.Trim();
    }

    /// <summary>One boot of the test VM as <paramref name="plan"/> says: run.sh's exit status, log and output folder.</summary>
    private static (int Code, string Log, string OutDir) Boot(BootPlan plan, string kmod)
    {
        string outDir = System.IO.Path.Combine(WorkDir, "out-" + plan.Name);
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        string manifestPath = System.IO.Path.Combine(WorkDir, "manifest-" + plan.Name + ".tsv");
        File.WriteAllLines(manifestPath, plan.Lines);
        var args = new List<string> { "--quiet", "--manifest", manifestPath, "--out", outDir, "--kmod", kmod,
            "--env", "DUNE_BACKEND=" + (plan.Backend == VmBackend.Kmod ? "kmod" : "kvm") };
        if (plan.Kernel != "bookworm")
            args.AddRange(new[] { "--kernel", plan.Kernel });
        if (plan.Icount)
            args.Add("--icount");
        if (plan.Bochs)
            args.Add("--bochs");
        if (plan.Smp)
            args.AddRange(new[] { "--smp", "2" });
        // run.sh bounds the VM's time itself; this limit only catches a broken script.
        var stopwatch = Stopwatch.StartNew();
        var (code, _, log) = Run(System.IO.Path.Combine(RepoRoot, "tests", "vm", "run.sh"), args.ToArray(), TimeSpan.FromMinutes(15));
        // The boot's wall time beside the others (CI's budget: tests/vm/README.md, "How long it takes").
        log += $"vm: boot {plan.Name}: {stopwatch.Elapsed.TotalSeconds:F0} s wall\n";
        // run.sh makes the folder only once the VM starts: a run that failed before still leaves its story.
        Directory.CreateDirectory(outDir);
        File.WriteAllText(System.IO.Path.Combine(outDir, "run.log"), log);
        return (code, log, outDir);
    }

    private static void ReadResults(string outDir, Dictionary<string, VmResult> into)
    {
        string tsv = System.IO.Path.Combine(outDir, "results.tsv");
        if (!File.Exists(tsv))
            return; // Result() reports the run log.
        foreach (string line in File.ReadAllLines(tsv))
        {
            string[] f = line.Split('\t');
            into[f[0]] = new VmResult(f[0], f[1], f[2],
                ReadIfExists(System.IO.Path.Combine(outDir, f[0] + ".stdout")),
                ReadIfExists(System.IO.Path.Combine(outDir, f[0] + ".stderr")));
        }
    }

    /// <summary>The result of program <paramref name="name"/> on the KVM backend (or of a <see cref="VmProgram.Once"/> program).</summary>
    public VmResult Result(string name) => Kvm.Result(name);

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
        var (code, stdout, stderr) = Run("gcc", new[] { "-static", "-O2", "-Wall" }.Concat(p.GccFlags).Concat(new[] { "-o", exe, source }).ToArray(),
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
