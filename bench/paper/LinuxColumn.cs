using Dune;
using Dune.Platform;

/// <summary>The Linux column, measured in host mode: real system calls, real page faults, real signals and ptrace.</summary>
static unsafe class LinuxColumn
{
    private static byte* s_page, s_region;

    public static void Measure(Table t)
    {
        Workloads.Measure(t.Getpid.Linux, Table.Repetitions, t.Getpid.Iterations, &Workloads.Getpids);
        Workloads.Measure(t.PageFault.Linux, Table.Repetitions, t.PageFault.Iterations, &Workloads.FirstTouches);
        Workloads.PrepareWalk(Table.WalkPages);
        Workloads.Measure(t.PageWalk.Linux, Table.Repetitions, t.PageWalk.Iterations, &Workloads.Walk);
        Workloads.ReleaseWalk();
        TracedChild.Measure(t.Interposition.Linux, Table.Repetitions, t.Interposition.Iterations);

        s_page = Workloads.MapPages(1);
        *s_page = 1;
        Syscall.Invoke(SyscallNumber.Mprotect, (long)s_page, (long)Workloads.Page, Linux.ProtRead);
        HostSignals.Install(HostSignals.Mode.Skip, (ulong)s_page, (ulong)s_page + Workloads.Page);
        Workloads.Measure(t.Trap.Linux, Table.Repetitions, t.Trap.Iterations, &Traps);
        HostSignals.Remove();
        Linux.Munmap(s_page, (nuint)Workloads.Page);

        int pages = t.Appel1.Iterations;
        s_region = Workloads.MapPages(pages);
        for (int i = 0; i < pages; i++) s_region[(ulong)i * Workloads.Page] = 1;
        HostSignals.Install(HostSignals.Mode.Unprotect, (ulong)s_region, (ulong)s_region + (ulong)pages * Workloads.Page);
        Workloads.Measure(t.Appel1.Linux, Table.Repetitions, pages, &Appel1);
        Workloads.Measure(t.Appel2.Linux, Table.Repetitions, pages, &Appel2);
        HostSignals.Remove();
        Linux.Munmap(s_region, (nuint)((ulong)pages * Workloads.Page));
    }

    /// <summary>A store to a read-only page: SIGSEGV, the handler skips the store.</summary>
    private static ulong Traps(int n)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < n; i++) Workloads.Store((ulong*)s_page);
        return Instructions.Rdtsc() - start;
    }

    /// <summary>Appel and Li's PROT1 + TRAP + UNPROT: protect one page, write it, the handler unprotects it; page after page.</summary>
    private static ulong Appel1(int pages)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < pages; i++)
        {
            byte* p = s_region + (ulong)i * Workloads.Page;
            Syscall.Invoke(SyscallNumber.Mprotect, (long)p, (long)Workloads.Page, Linux.ProtRead);
            *(long*)p = i;
        }
        return Instructions.Rdtsc() - start;
    }

    /// <summary>PROTN + TRAP + UNPROT: protect all pages at once, then each write traps and the handler unprotects its page.</summary>
    private static ulong Appel2(int pages)
    {
        ulong start = Instructions.Rdtsc();
        Syscall.Invoke(SyscallNumber.Mprotect, (long)s_region, (long)((ulong)pages * Workloads.Page), Linux.ProtRead);
        for (int i = 0; i < pages; i++) *(long*)(s_region + (ulong)i * Workloads.Page) = i;
        return Instructions.Rdtsc() - start;
    }
}
