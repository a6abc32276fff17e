namespace Dune.Vm.Tests;

/// <summary>
/// One program of the VM batch. <paramref name="Path"/> is relative to the
/// repository root: a <c>.c</c> file is compiled with <c>gcc -static -O2</c>
/// before the boot, anything else must already be a static Linux executable.
/// </summary>
public sealed record VmProgram(string Name, string Path, int TimeoutSeconds, params string[] Args);

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

    public static readonly VmProgram[] All =
    {
        new("kvm-smoke", "tests/vm/smoke/kvm-smoke.c", 30),
        new("exit3", "tests/Dune.Vm.Tests/payloads/exit3.c", 10),
        new("hang", "tests/Dune.Vm.Tests/payloads/hang.c", 3),
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
        new("hello-dune", "samples/hello-dune/hello-dune.csproj", 20),
        new("getpid-bench", "samples/getpid-bench/getpid-bench.csproj", 30),
        // 100 sequential Dune processes (hello-dune, shipped above as /progs/hello-dune) must all exit cleanly.
        new("repeat-hello-dune", "tests/Dune.Vm.Tests/payloads/repeat.c", 240, "100", "/progs/hello-dune"),
        // The collector in ring 0: tests/programs/gc with "dune" first (GcVmTests).
        new("gc-dune-churn", "tests/programs/gc/gc.csproj", 60, "dune", "churn"),
        new("gc-dune-tree", "tests/programs/gc/gc.csproj", 60, "dune", "tree"),
        new("gc-dune-roots", "tests/programs/gc/gc.csproj", 30, "dune", "roots"),
        // Threads and Dune mode: tests/programs/dune-threads (ThreadVmTests).
        new("threads-dune-ring0", "tests/programs/dune-threads/dune-threads.csproj", 30, "ring0"),
        new("threads-dune-busy", "tests/programs/dune-threads/dune-threads.csproj", 30, "busy"),
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
        new("ring3-sample", "samples/ring3/ring3.csproj", 20),
        new("ring3-sample-elf", "samples/ring3/ring3.csproj", 20, "/progs/ring3-hello-libc"),
    };
}
