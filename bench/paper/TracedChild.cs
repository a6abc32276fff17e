using Dune.Platform;

/// <summary>
/// The Linux column's interposition: a forked child, traced with PTRACE_SYSCALL, times its own getpid loops
/// while the parent stops it at every system call entry and exit and lets it go on (what a ptrace-based
/// sandbox does at the least). Must run in host mode: a Dune process cannot fork.
/// </summary>
static unsafe class TracedChild
{
    private const long Ptrace = 101, PtraceTraceMe = 0, PtraceSyscall = 24;
    private const int SigStop = 19, SigTrap = 5, MapShared = 0x01;

    /// <summary>Adds ticks per getpid of each repetition (after one warm-up) to <paramref name="into"/>.</summary>
    public static void Measure(Sample into, int repetitions, int n)
    {
        ulong* shared = (ulong*)Linux.Mmap(null, (nuint)Workloads.Page, Linux.ProtRead | Linux.ProtWrite, MapShared | Linux.MapAnonymous);
        if (shared == null) Program.Fail("cannot map the shared page");
        long pid = Syscall.Invoke(SyscallNumber.Fork);
        if (pid < 0) Program.Fail("fork failed");
        if (pid == 0)
        {
            Syscall.Invoke(Ptrace, PtraceTraceMe, 0, 0, 0);
            Syscall.Invoke(SyscallNumber.Kill, Syscall.Invoke(SyscallNumber.Getpid), SigStop);
            for (int r = 0; r <= repetitions; r++) shared[r] = Workloads.Getpids(n);
            Linux.ExitGroup(0);
        }
        int status = 0;
        if (Syscall.Invoke(SyscallNumber.Wait4, pid, (long)&status, 0, 0) != pid) Program.Fail("wait4 failed");
        long deliver = 0;
        while (true)
        {
            if (Syscall.Invoke(Ptrace, PtraceSyscall, pid, 0, deliver) != 0) Program.Fail("PTRACE_SYSCALL failed");
            if (Syscall.Invoke(SyscallNumber.Wait4, pid, (long)&status, 0, 0) != pid) Program.Fail("wait4 failed");
            if ((status & 0xff) != 0x7f) break;                           // not stopped: exited or killed
            int signal = (status >> 8) & 0xff;
            deliver = signal == SigTrap ? 0 : signal;
        }
        if ((status & 0x7f) != 0 || ((status >> 8) & 0xff) != 0) Program.Fail("the traced child failed, wait status 0x" + status.ToString("x"));
        for (int r = 1; r <= repetitions; r++) into.Add(shared[r] / (ulong)n);
        Linux.Munmap(shared, (nuint)Workloads.Page);
    }
}
