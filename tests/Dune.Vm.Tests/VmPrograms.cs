namespace Dune.Vm.Tests;

/// <summary>
/// One program of the VM batch. <paramref name="Path"/> is relative to the
/// repository root: a <c>.c</c> file is compiled with <c>gcc -static -O2</c>
/// before the boot, a <c>.csproj</c> is built, <c>guest:/PATH</c> names a file
/// already in the image (the Debian programs under <c>/debian/bin</c>), anything
/// else must already be a static Linux executable.
/// </summary>
public sealed record VmProgram(string Name, string Path, int TimeoutSeconds, params string[] Args)
{
    /// <summary>
    /// Runs in a second boot under <c>run.sh --icount</c> (rdtsc counts instructions, runs are exact), started
    /// alongside the main one. Booting under icount costs about 40 s, so only measurements go there.
    /// </summary>
    public bool Icount { get; init; }

    /// <summary>
    /// Runs in a boot whose VM has two CPUs (run.sh --smp 2, which QEMU runs in turn on one host thread): threads
    /// in Dune mode, whose vCPU threads the guest kernel then places on different CPUs. The other boots keep one
    /// CPU. With <see cref="Bochs"/>: the bochs boot with two CPUs (run.sh --bochs --smp 2).
    /// </summary>
    public bool Smp { get; init; }

    /// <summary>
    /// Runs only in a bochs boot (<c>run.sh --bochs</c>: an Intel CPU with VT-x, EPT and VPID; DUNE_BACKEND=kmod),
    /// started alongside the others; with <see cref="Smp"/> in a second one with two CPUs. Bochs boots in about a
    /// minute and runs programs far slower than QEMU, so only dune.ko's own tests and a few C# programs go there.
    /// </summary>
    public bool Bochs { get; init; }

    /// <summary>
    /// Runs the same whatever the Dune backend (C programs that test the VM or dune.ko themselves): only in the
    /// main boot, not again in the dune.ko one.
    /// </summary>
    public bool Once { get; init; }

    /// <summary>
    /// The environment variables (NAME=VALUE, separated by spaces) the program runs with, over the boot's own: how
    /// one boot runs the same program on both backends (paper-icount and paper-icount-kmod).
    /// </summary>
    public string? Env { get; init; }

    /// <summary>More gcc flags for a <c>.c</c> program (e.g. -nostdlib for one that starts at its own _start).</summary>
    public string[] GccFlags { get; init; } = System.Array.Empty<string>();

    /// <summary>
    /// An <see cref="Icount"/> program measured on Debian 13's 6.12 kernel too (its own --icount boot; the getpid
    /// guard there, TrixieKernelTests). The other boots run every program on 6.12 as on 6.1.
    /// </summary>
    public bool Trixie { get; init; }

    /// <summary>Runs in the main boot (QEMU, one CPU, no icount): every program not placed in another boot.</summary>
    public bool Main => !Bochs && !Icount && !Smp;
}

/// <summary>
/// Everything the test VM runs in its single boot per test run. To test
/// another program in the VM, add it here and assert on
/// <see cref="VmFixture.Result"/> in a test class of the "vm" collection.
/// Keep timeouts short: the suite must stay well under 2 minutes.
/// </summary>
public static class VmPrograms
{
    private const string DuneMode = "tests/programs/dune-mode/dune-mode.csproj";
    private const string VmMemory = "tests/programs/vm-memory/vm-memory.csproj";
    private const string Traps = "tests/programs/traps/traps.csproj";
    private const string Ring3 = "tests/programs/ring3/ring3.csproj";
    private const string Signals = "tests/programs/signals/signals.csproj";
    private const string Fork = "tests/programs/fork/fork.csproj";
    private const string DuneThreads = "tests/programs/dune-threads/dune-threads.csproj";
    private const string KmodTest = "tests/vm/kmod/kmod-test.c";

    public static readonly VmProgram[] All =
    {
        new("kvm-smoke", "tests/vm/smoke/kvm-smoke.c", 30) { Once = true },
        new("exit3", "tests/Dune.Vm.Tests/payloads/exit3.c", 10) { Once = true },
        new("hang", "tests/Dune.Vm.Tests/payloads/hang.c", 3) { Once = true },
        // Dune mode on KVM (tests/programs/dune-mode, one behaviour per argument; DuneModeTests).
        new("dune-ring0", DuneMode, 20, "ring0"),
        new("dune-file", DuneMode, 20, "file"),
        new("dune-alloc", DuneMode, 30, "alloc"),
        new("dune-mmap", DuneMode, 20, "mmap"),
        new("dune-stdio", DuneMode, 20, "stdio"),
        new("dune-exit", DuneMode, 20, "exit"),
        new("dune-efault", DuneMode, 20, "efault"),
        new("dune-runtime", DuneMode, 20, "runtime"),
        new("dune-deep", DuneMode, 20, "deep"),
        new("dune-overflow", DuneMode, 20, "overflow"),
        new("dune-triple", DuneMode, 20, "triple"),
        new("dune-handler", DuneMode, 20, "handler"),
        new("dune-null", DuneMode, 20, "null"),
        new("dune-wild", DuneMode, 20, "wild"),
        new("dune-readonly", DuneMode, 20, "readonly"),
        new("dune-unmapped", DuneMode, 20, "unmapped"),
        new("dune-spin", DuneMode, 3, "spin"),
        new("dune-alarm", DuneMode, 10, "alarm"),
        // POSIX signals delivered into guest ring 0 (tests/programs/signals "dune MODE"; SignalVmTests).
        new("signals-usr1-busy", Signals, 10, "dune", "usr1-busy"),
        new("signals-alarm", Signals, 10, "dune", "alarm"),
        new("signals-term-default", Signals, 10, "dune", "term-default"),
        new("signals-term-cancel", Signals, 10, "dune", "term-cancel"),
        new("signals-term-handled", Signals, 10, "dune", "term-handled"),
        new("signals-restart", Signals, 10, "dune", "restart"),
        new("signals-eintr", Signals, 10, "dune", "eintr"),
        new("signals-dispose", Signals, 10, "dune", "dispose"),
        new("signals-storm", Signals, 120, "dune", "storm"),
        // fork, wait4 and exec in Dune mode (tests/programs/fork "dune MODE"; ForkVmTests).
        new("fork-cow", Fork, 20, "dune", "cow"),
        new("fork-exec", Fork, 20, "dune", "exec"),
        new("fork-spawn", Fork, 20, "dune", "spawn"),
        new("fork-loop", Fork, 30, "dune", "loop"),
        new("hello-dune", "samples/hello-dune/hello-dune.csproj", 20),
        new("getpid-bench", "samples/getpid-bench/getpid-bench.csproj", 30),
        // 100 sequential Dune processes (hello-dune, shipped above as /progs/hello-dune) must all exit cleanly.
        new("repeat-hello-dune", "tests/Dune.Vm.Tests/payloads/repeat.c", 240, "100", "/progs/hello-dune"),
        // The collector in ring 0: tests/programs/gc with "dune" first (GcVmTests).
        new("gc-dune-churn", "tests/programs/gc/gc.csproj", 60, "dune", "churn"),
        new("gc-dune-tree", "tests/programs/gc/gc.csproj", 60, "dune", "tree"),
        new("gc-dune-roots", "tests/programs/gc/gc.csproj", 30, "dune", "roots"),
        // Threads in Dune mode, a vCPU each: tests/programs/dune-threads (ThreadVmTests), in the two-CPU boot, which
        // runs them on both backends.
        new("threads-dune-busy", DuneThreads, 30, "busy"),
        new("threads-dune-ring0", DuneThreads, 30, "ring0") { Smp = true },
        new("threads-dune-gc", DuneThreads, 60, "gc") { Smp = true, Env = "DUNE_GC_STRESS=97" }, // after a program that ships the binary in this boot (Env)
        new("threads-dune-vcpus", DuneThreads, 60, "vcpus", "4") { Smp = true },
        new("threads-dune-shootdown", DuneThreads, 30, "shootdown") { Smp = true },
        new("threads-dune-pulse", DuneThreads, 30, "pulse") { Smp = true },
        new("threads-dune-fork", DuneThreads, 30, "fork") { Smp = true },
        new("threads-dune-crash", DuneThreads, 30, "crash") { Smp = true },
        new("threads-dune-spawn", DuneThreads, 60, "spawn") { Smp = true },
        new("threads-dune-ring3", DuneThreads, 120, "ring3") { Smp = true, Env = "DUNE_GC_STRESS=97" },
        // Their costs against host mode in the same run, exact under icount, on both backends in the same boot
        // (README, "The process model").
        new("threads-dune-bench", DuneThreads, 120, "bench") { Icount = true },
        new("threads-dune-bench-kmod", DuneThreads, 120, "bench") { Icount = true, Env = "DUNE_BACKEND=kmod" },
        // Dune.Memory on real paging hardware: tests/programs/vm-memory, one behaviour per argument (VirtualMemoryTests).
        new("vm-dirty", VmMemory, 20, "dirty"),
        new("vm-protect", VmMemory, 20, "protect"),
        new("vm-wp-fault", VmMemory, 20, "wp-fault"),
        new("vm-spaces", VmMemory, 20, "spaces"),
        new("vm-large", VmMemory, 20, "large"),
        new("vm-huge", VmMemory, 20, "huge"),
        new("vm-pcid", VmMemory, 20, "pcid"),
        new("vm-cow", VmMemory, 20, "cow"),
        new("vm-cow-faults", VmMemory, 20, "cow-faults"),
        new("vm-hot", VmMemory, 30, "hot"),
        new("dirty-sample", "samples/dirty/dirty.csproj", 20),
        // C# trap handlers (Dune.Traps): tests/programs/traps, one behaviour per argument (TrapTests).
        new("traps-vectors", Traps, 20, "vectors"),
        new("traps-page-faults", Traps, 20, "page-faults"),
        new("traps-appel-li", Traps, 60, "appel-li"),
        new("traps-gc", Traps, 60, "gc"),
        new("traps-avx", Traps, 20, "avx"),
        new("traps-terminate", Traps, 20, "terminate"),
        new("traps-unhandled", Traps, 20, "unhandled"),
        new("traps-overflow", Traps, 20, "overflow"),
        new("pagefault-sample", "samples/pagefault/pagefault.csproj", 60),
        // Ring 3 under Dune mode: tests/programs/ring3, one behaviour per argument (Ring3Tests). Building it also
        // builds its static ELFs into its bin/, which follow as programs of their own (native runs, and the
        // files the "elf" mode loads from /progs): keep them after the csproj entry.
        new("ring3-supervisor", Ring3, 20, "supervisor"),
        new("ring3-getpid", Ring3, 20, "getpid"),
        new("ring3-deny", Ring3, 20, "deny"),
        new("ring3-write", Ring3, 20, "write"),
        new("ring3-privileged", Ring3, 20, "privileged"),
        new("ring3-noncanonical", Ring3, 20, "noncanonical"),
        new("ring3-ud", Ring3, 20, "ud"),
        new("ring3-gc", Ring3, 30, "gc"),
        new("ring3-pointers", Ring3, 30, "pointers"),
        new("ring3-hello-nolibc", "tests/programs/ring3/bin/hello-nolibc", 10),
        new("ring3-hello-libc", "tests/programs/ring3/bin/hello-libc", 10),
        new("ring3-elf-nolibc", Ring3, 20, "elf", "/progs/ring3-hello-nolibc"),
        new("ring3-elf-libc", Ring3, 20, "elf", "/progs/ring3-hello-libc"),
        new("ring3-hello-pie", "tests/programs/ring3/bin/hello-pie", 10),
        new("ring3-hello-dynamic", "tests/programs/ring3/bin/hello-dynamic", 10),
        new("ring3-elf-pie", Ring3, 20, "elf", "/progs/ring3-hello-pie"),
        new("ring3-elf-dynamic", Ring3, 30, "elf", "/progs/ring3-hello-dynamic"),
        new("ring3-sample", "samples/ring3/ring3.csproj", 20),
        new("ring3-sample-elf", "samples/ring3/ring3.csproj", 20, "/progs/ring3-hello-libc"),
        // The paper's table under --icount (exact instruction counts); PaperRatioTests guards its ratios.
        new("paper-icount", "bench/paper/paper.csproj", 120, "--json") { Icount = true, Trixie = true },
        // The same binary on dune.ko in the same boot: the side-by-side figures of kmod/README.md.
        new("paper-icount-kmod", "bench/paper/paper.csproj", 120, "--json") { Icount = true, Env = "DUNE_BACKEND=kmod", Trixie = true },
        // samples/sandbox against native runs (bench/sandbox; SandboxPerfTests): the tool and the start-up probe first,
        // as files the bench runs from /progs, then the bench on both backends.
        new("sandbox-icount-tool", Sandbox.ToolProject, 30, "--", "/debian/bin/true") { Icount = true },
        new("sandbox-icount-first", "bench/sandbox/first.c", 10) { Icount = true, GccFlags = new[] { "-nostdlib", "-fno-stack-protector" } },
        new("sandbox-bench", "bench/sandbox/sandbox-bench.c", 300, "--json", "/progs/sandbox-icount-tool", "/progs/sandbox-icount-first") { Icount = true },
        new("sandbox-bench-kmod", "guest:/bin/busybox", 300, "env", "DUNE_BACKEND=kmod", "/progs/sandbox-bench", "--json",
            "/progs/sandbox-icount-tool", "/progs/sandbox-icount-first") { Icount = true },
        // The docs/ pages' examples (DocsExamplesTests).
        new("docs-traps", "docs/examples/traps/docs-traps.csproj", 20),
        new("docs-memory", "docs/examples/memory/docs-memory.csproj", 20),
        new("docs-ring3", "docs/examples/ring3/docs-ring3.csproj", 20),
        new("docs-sandbox", "docs/examples/sandbox/docs-sandbox.csproj", 20),
        new("docs-backends", "docs/examples/backends/docs-backends.csproj", 20),
        // samples/sandbox against real programs (SandboxTests): each Debian program natively ("native-X") and
        // sandboxed ("sandbox-X") in the same boot, with the same argv[0].
        Sandbox.Native("true", "/debian/bin/true"), Sandbox.Sandboxed("true", "/debian/bin/true"),
        Sandbox.Native("seq", "/debian/bin/seq", "-w", "1", "3", "20"), Sandbox.Sandboxed("seq", "/debian/bin/seq", "-w", "1", "3", "20"),
        Sandbox.Native("ls", "/debian/bin/ls", "-la", "/progs"), Sandbox.Sandboxed("ls", "/debian/bin/ls", "-la", "/progs"),
        Sandbox.Native("sha256sum", "/debian/bin/sha256sum", "/debian/bin/ls"), Sandbox.Sandboxed("sha256sum", "/debian/bin/sha256sum", "/debian/bin/ls"),
        Sandbox.Native("sort", "/debian/bin/sort", "-r", "/progs/run-list.sh"), Sandbox.Sandboxed("sort", "/debian/bin/sort", "-r", "/progs/run-list.sh"),
        Sandbox.Native("wc", "/debian/bin/wc", "/progs/run-list.sh"), Sandbox.Sandboxed("wc", "/debian/bin/wc", "/progs/run-list.sh"),
        Sandbox.Native("od", "/debian/bin/od", "-An", "-tx1", "-N32", "/debian/bin/ls"), Sandbox.Sandboxed("od", "/debian/bin/od", "-An", "-tx1", "-N32", "/debian/bin/ls"),
        Sandbox.Native("cat-missing", "/debian/bin/cat", "/nonexistent"), Sandbox.Sandboxed("cat-missing", "/debian/bin/cat", "/nonexistent"),
        Sandbox.Native("grep", "/debian/bin/grep", "-n", "sandbox-s", "/progs/run-list.sh"), Sandbox.Sandboxed("grep", "/debian/bin/grep", "-n", "sandbox-s", "/progs/run-list.sh"),
        Sandbox.Native("sed", "/debian/bin/sed", "-n", "s/^run_program \\([a-z0-9-]*\\) .*/\\1/p", "/progs/run-list.sh"),
        Sandbox.Sandboxed("sed", "/debian/bin/sed", "-n", "s/^run_program \\([a-z0-9-]*\\) .*/\\1/p", "/progs/run-list.sh"),
        Sandbox.Native("awk", "/debian/bin/mawk", Sandbox.AwkProgram, "/progs/run-list.sh"), Sandbox.Sandboxed("awk", "/debian/bin/mawk", Sandbox.AwkProgram, "/progs/run-list.sh"),
        Sandbox.Native("sqlite3", "/debian/bin/sqlite3", ":memory:", Sandbox.Sql), Sandbox.Sandboxed("sqlite3", "/debian/bin/sqlite3", ":memory:", Sandbox.Sql),
        Sandbox.Native("lua", "/debian/bin/lua5.4", "-e", Sandbox.Lua), Sandbox.Sandboxed("lua", "/debian/bin/lua5.4", "-e", Sandbox.Lua),
        Sandbox.Native("hostile-close-all", Sandbox.Hostile, "close-all"), Sandbox.Sandboxed("hostile-close-all", "/progs/native-hostile-close-all", "close-all"),
        Sandbox.Native("hostile-close-stdio", Sandbox.Hostile, "close-stdio"), Sandbox.Sandboxed("hostile-close-stdio", "/progs/native-hostile-close-stdio", "close-stdio"),
        Sandbox.Native("hostile-reserve", Sandbox.Hostile, "reserve"), Sandbox.Sandboxed("hostile-reserve", "/progs/native-hostile-reserve", "reserve"),
        Sandbox.Native("hostile-poll-limit", Sandbox.Hostile, "poll-limit"), Sandbox.Sandboxed("hostile-poll-limit", "/progs/native-hostile-poll-limit", "poll-limit"),
        Sandbox.Native("hostile-abort", Sandbox.Hostile, "abort"), Sandbox.Sandboxed("hostile-abort", "/progs/native-hostile-abort", "abort"),
        Sandbox.Sandboxed("hostile-int80", "/progs/native-hostile-abort", "int80"),
        Sandbox.Sandboxed("hostile-int20", "/progs/native-hostile-abort", "int20"),
        Sandbox.Sandboxed("hostile-huge-mmap", "/progs/native-hostile-abort", "huge-mmap"),
        Sandbox.Sandboxed("hostile-proc-self-mem", "/progs/native-hostile-abort", "proc-self-mem"),
        Sandbox.Sandboxed("hostile-alarm", "/progs/native-hostile-abort", "alarm"),
        Sandbox.Native("signals-handlers", Sandbox.Signals, "handlers"), Sandbox.Sandboxed("signals-handlers", "/progs/native-signals-handlers", "handlers"),
        Sandbox.Native("signals-altstack", Sandbox.Signals, "altstack"), Sandbox.Sandboxed("signals-altstack", "/progs/native-signals-altstack", "altstack"),
        Sandbox.Native("signals-faults", Sandbox.Signals, "faults"), Sandbox.Sandboxed("signals-faults", "/progs/native-signals-faults", "faults"),
        Sandbox.Native("signals-fault-addresses", Sandbox.Signals, "fault-addresses"), Sandbox.Sandboxed("signals-fault-addresses", "/progs/native-signals-fault-addresses", "fault-addresses"),
        Sandbox.Native("signals-alarm", Sandbox.Signals, "alarm"), Sandbox.Sandboxed("signals-alarm", "/progs/native-signals-alarm", "alarm"),
        Sandbox.Native("signals-timers", Sandbox.Signals, "timers"), Sandbox.Sandboxed("signals-timers", "/progs/native-signals-timers", "timers"),
        Sandbox.Native("signals-timer-reserved", Sandbox.Signals, "timer-reserved"), Sandbox.Sandboxed("signals-timer-reserved", "/progs/native-signals-timer-reserved", "timer-reserved"),
        new("native-signals-inherited-ignore", "guest:/bin/sh", 20, "-c", "trap '' HUP; exec /progs/native-signals-handlers inherited-ignore"),
        new("sandbox-signals-inherited-ignore", "guest:/bin/sh", 60, "-c", "trap '' HUP; exec /progs/sandbox-true -- /progs/native-signals-handlers inherited-ignore"),
        Sandbox.Native("signals-timer-stop-kill", Sandbox.Signals, "timer-stop-kill"), Sandbox.Sandboxed("signals-timer-stop-kill", "/progs/native-signals-timer-stop-kill", "timer-stop-kill"),
        Sandbox.Native("signals-kill-storm", Sandbox.Signals, "kill-storm"), Sandbox.Sandboxed("signals-kill-storm", "/progs/native-signals-kill-storm", "kill-storm"),
        Sandbox.Native("signals-avx", Sandbox.Signals, "avx"), Sandbox.Sandboxed("signals-avx", "/progs/native-signals-avx", "avx"),
        Sandbox.Native("signals-stop", Sandbox.Signals, "stop"), Sandbox.Sandboxed("signals-stop", "/progs/native-signals-stop", "stop"),
        Sandbox.Native("signals-from-child", Sandbox.Signals, "from-child"), Sandbox.Sandboxed("signals-from-child", "/progs/native-signals-from-child", "from-child"),
        Sandbox.Native("signals-rt-queue", Sandbox.Signals, "rt-queue"), Sandbox.Sandboxed("signals-rt-queue", "/progs/native-signals-rt-queue", "rt-queue"),
        Sandbox.Native("signals-sigsuspend", Sandbox.Signals, "sigsuspend"), Sandbox.Sandboxed("signals-sigsuspend", "/progs/native-signals-sigsuspend", "sigsuspend"),
        Sandbox.Native("signals-restart", Sandbox.Signals, "restart"), Sandbox.Sandboxed("signals-restart", "/progs/native-signals-restart", "restart"),
        Sandbox.Native("signals-sigpipe", Sandbox.Signals, "sigpipe"), Sandbox.Sandboxed("signals-sigpipe", "/progs/native-signals-sigpipe", "sigpipe"),
        Sandbox.Native("signals-sigpipe-ignored", Sandbox.Signals, "sigpipe-ignored"), Sandbox.Sandboxed("signals-sigpipe-ignored", "/progs/native-signals-sigpipe-ignored", "sigpipe-ignored"),
        Sandbox.Native("signals-term", Sandbox.Signals, "term"), Sandbox.Sandboxed("signals-term", "/progs/native-signals-term", "term"),
        Sandbox.Native("signals-divide", Sandbox.Signals, "divide"), Sandbox.Sandboxed("signals-divide", "/progs/native-signals-divide", "divide"),
        Sandbox.Native("signals-stack", Sandbox.Signals, "stack"), Sandbox.Sandboxed("signals-stack", "/progs/native-signals-stack", "stack"),
        new("native-shell-trap", "guest:/bin/sh", 20, "-c", Sandbox.TrapScript), Sandbox.Sandboxed("shell-trap", "/bin/sh", "-c", Sandbox.TrapScript),
        new("native-limit-cpu", "guest:/bin/sh", 20, "-c", "ulimit -S -t 1; exec /progs/native-signals-handlers busy"),
        Sandbox.Tool("limit-cpu", "--limit-cpu", "1", "--", "/progs/native-signals-handlers", "busy"),
        new("native-limit-mem", "guest:/bin/sh", 20, "-c", "ulimit -v 32768; exec /progs/native-signals-handlers memory"),
        Sandbox.Tool("limit-mem", "--limit-mem", "32M", "--", "/progs/native-signals-handlers", "memory"),
        Sandbox.Tool("limit-bad", "--limit-mem", "lots", "--", "/progs/native-signals-handlers", "memory"),
        new("sandbox-lighttpd", "guest:/bin/sh", 240, "-c", Sandbox.LighttpdScript),
        new("native-fuzz", Sandbox.Fuzz, 10), Sandbox.Sandboxed("fuzz", "/progs/native-fuzz", "run"),
        Sandbox.Sandboxed("touch-read-only", "/debian/bin/touch", "/progs/new-file"),
        Sandbox.Sandboxed("sqlite3-file", "/debian/bin/sqlite3", "/tmp/sandboxed.db", "create table t(x); insert into t values (7); select x * 6 from t;"),
        Sandbox.Sandboxed("malformed", "/progs/run-list.sh"),
        Sandbox.Tool("trace", "--trace", "--", "/debian/bin/true"),
        new("sandbox-policy", "guest:/bin/sh", 30, "-c", Sandbox.PolicyScript),
        // Processes: tests/programs/sandbox/procs.c, shell pipelines, Debian programs that fork or exec.
        Sandbox.Native("procs-fork", Sandbox.Procs, "fork"), Sandbox.Sandboxed("procs-fork", "/progs/native-procs-fork", "fork"),
        Sandbox.Native("procs-sigchld", Sandbox.Procs, "sigchld"), Sandbox.Sandboxed("procs-sigchld", "/progs/native-procs-sigchld", "sigchld"),
        Sandbox.Native("procs-exec-errors", Sandbox.Procs, "exec-errors"), Sandbox.Sandboxed("procs-exec-errors", "/progs/native-procs-exec-errors", "exec-errors"),
        Sandbox.Native("procs-exec", Sandbox.Procs, "exec"), Sandbox.Sandboxed("procs-exec", "/progs/native-procs-exec", "exec"),
        Sandbox.Native("procs-spawn", Sandbox.Procs, "spawn"), Sandbox.Sandboxed("procs-spawn", "/progs/native-procs-spawn", "spawn"),
        Sandbox.Native("procs-signaled", Sandbox.Procs, "signaled"), Sandbox.Sandboxed("procs-signaled", "/progs/native-procs-signaled", "signaled"),
        Sandbox.Native("procs-kill", Sandbox.Procs, "kill"), Sandbox.Sandboxed("procs-kill", "/progs/native-procs-kill", "kill"),
        Sandbox.Native("procs-vfork-wait", Sandbox.Procs, "vfork-wait"), Sandbox.Sandboxed("procs-vfork-wait", "/progs/native-procs-vfork-wait", "vfork-wait"),
        Sandbox.Native("procs-clone3", Sandbox.Procs, "clone3"), Sandbox.Sandboxed("procs-clone3", "/progs/native-procs-clone3", "clone3"),
        Sandbox.Native("procs-execveat", Sandbox.Procs, "execveat"), Sandbox.Sandboxed("procs-execveat", "/progs/native-procs-execveat", "execveat"),
        Sandbox.Native("procs-fifo-open", Sandbox.Procs, "fifo-open"), Sandbox.Sandboxed("procs-fifo-open", "/progs/native-procs-fifo-open", "fifo-open"),
        new("native-shell-pipes", "guest:/bin/sh", 20, "-c", Sandbox.PipesScript), Sandbox.Sandboxed("shell-pipes", "/bin/sh", "-c", Sandbox.PipesScript),
        Sandbox.Native("timeout", "/debian/bin/timeout", "20", "/debian/bin/seq", "3"), Sandbox.Sandboxed("timeout", "/debian/bin/timeout", "20", "/debian/bin/seq", "3"),
        Sandbox.Native("env", "/debian/bin/env", "-i", "A=1", "/debian/bin/printenv"), Sandbox.Sandboxed("env", "/debian/bin/env", "-i", "A=1", "/debian/bin/printenv"),
        new("sandbox-exec-policy", "guest:/bin/sh", 30, "-c", Sandbox.ExecPolicyScript),
        new("sandbox-symlink-policy", "guest:/bin/sh", 30, "-c", Sandbox.SymlinkPolicyScript),
        // Threads of a sandboxed program, a vCPU each: tests/programs/sandbox/threads.c (SandboxThreadTests).
        Sandbox.Native("threads-basic", Sandbox.Threads, "basic"),
        Sandbox.Sandboxed("threads-basic", "/progs/native-threads-basic", "basic"),
        Sandbox.Native("threads-exit", Sandbox.Threads, "exit"),
        Sandbox.Sandboxed("threads-exit", "/progs/native-threads-exit", "exit"),
        Sandbox.Native("threads-sigmask", Sandbox.Threads, "sigmask"),
        Sandbox.Sandboxed("threads-sigmask", "/progs/native-threads-sigmask", "sigmask"),
        Sandbox.Native("threads-main-exit", Sandbox.Threads, "main-exit"),
        Sandbox.Sandboxed("threads-main-exit", "/progs/native-threads-main-exit", "main-exit"),
        Sandbox.Native("threads-exec", Sandbox.Threads, "exec"),
        Sandbox.Sandboxed("threads-exec", "/progs/native-threads-exec", "exec"),
        // dune.ko (/dev/dune, loaded by guest-init.sh): tests/vm/kmod/kmod-test.c, one behaviour per argument
        // (KmodTests). Last, so that a module bug that panics the VM costs only these results.
        new("kmod-guest", KmodTest, 10, "guest") { Once = true },
        new("kmod-signal", KmodTest, 10, "signal") { Once = true },
        new("kmod-threads", KmodTest, 30, "threads") { Once = true },
        new("kmod-coexist", KmodTest, 20, "coexist") { Once = true },
        new("kmod-leaks", KmodTest, 60, "leaks") { Once = true },
        new("kmod-fuzz", KmodTest, 40, "fuzz") { Once = true },
        new("kmod-cycles", KmodTest, 20, "cycles") { Once = true },
        // Instructions per hypercall round trip, beside paper-icount's KVM figures in the same boot.
        new("kmod-bench", KmodTest, 60, "bench") { Icount = true, Once = true, Trixie = true },
        // The same on Intel VT-x with EPT and VPID, beside kvm_intel, in bochs (BochsKmodTests). Bochs seconds:
        // the whole batch takes about 80 of them after a 40 s boot.
        new("vtx-guest", KmodTest, 60, "guest") { Bochs = true },
        new("vtx-signal", KmodTest, 60, "signal") { Bochs = true },
        new("vtx-threads", KmodTest, 60, "threads") { Bochs = true },
        new("vtx-coexist", KmodTest, 60, "coexist") { Bochs = true },
        new("vtx-leaks", KmodTest, 120, "leaks") { Bochs = true },
        new("vtx-fuzz", KmodTest, 120, "fuzz") { Bochs = true },
        new("vtx-cycles", KmodTest, 60, "cycles") { Bochs = true },
        new("vtx-bench", KmodTest, 120, "bench") { Bochs = true },
        // The C# guest library on dune.ko on VT-x (VMCALL hypercalls), in the same boot (BochsDuneTests).
        new("vtx-hello-dune", "samples/hello-dune/hello-dune.csproj", 60) { Bochs = true },
        new("vtx-traps-page-faults", Traps, 60, "page-faults") { Bochs = true },
        new("vtx-vm-protect", VmMemory, 60, "protect") { Bochs = true },
        new("vtx-signals-usr1-busy", Signals, 60, "dune", "usr1-busy") { Bochs = true },
        new("vtx-getpid-bench", "samples/getpid-bench/getpid-bench.csproj", 60) { Bochs = true },
        // A Debian program (seq, of BOCHS_GUEST_FILES) under samples/sandbox in ring 3 on VT-x (BochsDuneTests).
        Sandbox.Sandboxed("seq", "/debian/bin/seq", "-w", "1", "3", "20") with { Name = "vtx-sandbox-seq", Bochs = true },
        // Threads in Dune mode on VT-x, a vCPU each, in a bochs boot with two CPUs (BochsDuneTests).
        new("vtx-threads-dune-ring0", DuneThreads, 60, "ring0") { Bochs = true, Smp = true },
        new("vtx-threads-dune-vcpus", DuneThreads, 120, "vcpus", "4") { Bochs = true, Smp = true },
        new("vtx-threads-dune-shootdown", DuneThreads, 60, "shootdown") { Bochs = true, Smp = true },
        new("vtx-threads-dune-pulse", DuneThreads, 60, "pulse") { Bochs = true, Smp = true },
        new("vtx-threads-dune-gc", DuneThreads, 120, "gc") { Bochs = true, Smp = true, Env = "DUNE_GC_STRESS=97" },
        new("vtx-threads-dune-fork", DuneThreads, 60, "fork") { Bochs = true, Smp = true },
        new("vtx-threads-dune-crash", DuneThreads, 60, "crash") { Bochs = true, Smp = true },
    };
}
