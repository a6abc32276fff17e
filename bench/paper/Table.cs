/// <summary>
/// The paper's table (Dune, OSDI'12, Table 2: cycles, Linux / Dune) as rows to fill, plus the Dune-only probes
/// that explain the hypercall row and the cost of entering Dune mode.
/// </summary>
sealed class Table
{
    public const int Repetitions = 5;
    /// <summary>64 MiB of 4 KiB pages: far beyond what any TLB covers.</summary>
    public const int WalkPages = 16384;

    public readonly Row Getpid = new Row("getpid", "a system call (Dune: a hypercall)", 1000, 138, 895, Repetitions);
    public readonly Row PageFault = new Row("page fault", "first touch of a fresh anonymous page", 256, 2687, 5093, Repetitions);
    public readonly Row PageWalk = new Row("page walk", "a load that misses the TLB (random pages over 64 MiB)", WalkPages, 36, 86, Repetitions);
    public readonly Row Interposition = new Row("interposition", "getpid interposed: ptrace vs ring-3 SYSCALL to a C# monitor", 200, 27317, 1091, Repetitions);
    public readonly Row Trap = new Row("trap", "a store fault delivered to a handler: signal vs IDT", 200, 2821, 587, Repetitions);
    public readonly Row Appel1 = new Row("appel1", "PROT1+TRAP+UNPROT, per page over 100 pages", 100, 701413, 94496, Repetitions);
    public readonly Row Appel2 = new Row("appel2", "PROTN+TRAP+UNPROT, per page over 100 pages", 100, 684909, 94854, Repetitions);

    public Row[] Rows => new[] { Getpid, PageFault, PageWalk, Interposition, Trap, Appel1, Appel2 };

    /// <summary>A port-I/O exit the host half answers at once: the floor under every hypercall.</summary>
    public readonly Sample ExitFloor = new Sample(Repetitions);
    /// <summary>A CPUID exit, which KVM answers inside the kernel.</summary>
    public readonly Sample KernelExit = new Sample(Repetitions);
    /// <summary>
    /// A first guest touch of a page the host has already allocated: the nested-paging fault KVM answers by
    /// mapping that page. The page fault row minus this is the host kernel's allocation of the page.
    /// </summary>
    public readonly Sample NestedFault = new Sample(Repetitions);
    /// <summary>
    /// DuneMode.Enter() in nanoseconds: elapsed (CLOCK_MONOTONIC) and spent by this thread on a CPU
    /// (CLOCK_THREAD_CPUTIME_ID, kernel work on its behalf included). Under --icount shift=0 a nanosecond is an
    /// instruction, and the difference is time the thread slept in the kernel (KVM_CREATE_VM waits for an
    /// RCU grace period), during which the emulator's clock jumps ahead.
    /// </summary>
    public long EnterNanoseconds, EnterCpuNanoseconds;
    /// <summary>CPUID's hypervisor bit in host mode: the page walk then measures a hypervisor's or emulator's walk, not the CPU's.</summary>
    public bool UnderHypervisor;
}
