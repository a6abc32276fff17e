using System.Runtime;
using System.Runtime.CompilerServices;
using Dune;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;
using Dune.UserMode;

/// <summary>
/// The Dune column, measured after <see cref="DuneMode.Enter"/>: hypercalls, faults on the nested page tables,
/// C# IDT handlers with Dune.Memory's protect/unprotect and INVLPG, and ring-3 SYSCALLs to a C# monitor.
/// </summary>
static unsafe class DuneColumn
{
    private const int Getpid = 39;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "paper_exit_probes")]
    private static extern void ExitProbes(long n);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "paper_cpuid_exits")]
    private static extern void CpuidExits(long n);

    // mov %rdi,%r12; test %r12,%r12; jz done; loop: mov $39,%eax; syscall; dec %r12; jnz loop;
    // done: xor %edi,%edi; mov $60,%eax; syscall                       (rdi getpid calls, then exit(0))
    private static readonly byte[] GetpidLoop =
    {
        0x49, 0x89, 0xfc, 0x4d, 0x85, 0xe4, 0x74, 0x0c, 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05, 0x49, 0xff, 0xcc, 0x75, 0xf4,
        0x31, 0xff, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05,
    };

    private static byte* s_page, s_region;
    private static ulong s_regionEnd;
    private static AddressSpace s_runtime;
    private static UserSpace s_space;
    private static UserFrame s_start;
    private static SyscallPolicy s_policy;
    private static PidMonitor s_monitor;

    public static int Faults;

    public static void Measure(Table t)
    {
        Workloads.Measure(t.Getpid.Dune, Table.Repetitions, t.Getpid.Iterations, &Workloads.Getpids);
        Workloads.Measure(t.ExitFloor, Table.Repetitions, t.Getpid.Iterations, &BareExits);
        Workloads.Measure(t.KernelExit, Table.Repetitions, t.Getpid.Iterations, &KernelExits);
        Workloads.Measure(t.PageFault.Dune, Table.Repetitions, t.PageFault.Iterations, &Workloads.FirstTouches);
        Workloads.Measure(t.NestedFault, Table.Repetitions, t.PageFault.Iterations, &PopulatedTouches);
        Workloads.PrepareWalk(Table.WalkPages);
        Workloads.Measure(t.PageWalk.Dune, Table.Repetitions, t.PageWalk.Iterations, &Workloads.Walk);
        Workloads.ReleaseWalk();

        string error = UserSpace.TryCreate(out s_space) ?? RawCode.Load(s_space, GetpidLoop, out s_start);
        if (error != null) Program.Fail(error);
        s_policy = SyscallPolicy.DenyByDefault().Emulate(Getpid, 0);
        s_monitor = new PidMonitor { Pid = Syscall.Invoke(SyscallNumber.Getpid) };
        Workloads.Measure(t.Interposition.Dune, Table.Repetitions, t.Interposition.Iterations, &Ring3Getpids);

        s_runtime = VirtualMemory.Runtime;
        s_page = Workloads.MapPages(1);
        *s_page = 1;
        Protect(s_page, 1, Permissions.Read);
        Traps.Register(Vector.PageFault, &SkipStore);
        Workloads.Measure(t.Trap.Dune, Table.Repetitions, t.Trap.Iterations, &TrapLoop);
        Protect(s_page, 1, Permissions.ReadWrite);

        int pages = t.Appel1.Iterations;
        s_region = Workloads.MapPages(pages);
        s_regionEnd = (ulong)s_region + (ulong)pages * Workloads.Page;
        for (int i = 0; i < pages; i++) s_region[(ulong)i * Workloads.Page] = 1;
        Traps.Register(Vector.PageFault, &Unprotect);
        Workloads.Measure(t.Appel1.Dune, Table.Repetitions, pages, &Appel1);
        Workloads.Measure(t.Appel2.Dune, Table.Repetitions, pages, &Appel2);
        Traps.Unregister(Vector.PageFault);
    }

    private static ulong BareExits(int n)
    {
        ulong start = Instructions.Rdtsc();
        ExitProbes(n);
        return Instructions.Rdtsc() - start;
    }

    private static ulong KernelExits(int n)
    {
        ulong start = Instructions.Rdtsc();
        CpuidExits(n);
        return Instructions.Rdtsc() - start;
    }

    /// <summary>Like <see cref="Workloads.FirstTouches"/>, but the host kernel allocates the pages first (MADV_POPULATE_WRITE).</summary>
    private static ulong PopulatedTouches(int pages)
    {
        const int MadvPopulateWrite = 23;
        byte* p = Workloads.MapPages(pages);
        ulong bytes = (ulong)pages * Workloads.Page;
        if (Syscall.Invoke(SyscallNumber.Madvise, (long)p, (long)bytes, MadvPopulateWrite) != 0) Program.Fail("MADV_POPULATE_WRITE failed");
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < pages; i++) p[(ulong)i * Workloads.Page] = 1;
        ulong ticks = Instructions.Rdtsc() - start;
        Linux.Munmap(p, (nuint)bytes);
        return ticks;
    }

    private sealed class PidMonitor : SyscallMonitor
    {
        public long Pid;
        public override long Emulate(int handler, in SyscallCall call) => Pid;
    }

    /// <summary>Ring 3 making n getpid calls that the C# monitor answers, minus the same run with none (entering and leaving ring 3).</summary>
    private static ulong Ring3Getpids(int n)
    {
        ulong calls = RunRing3(n), empty = RunRing3(0);
        return calls > empty ? calls - empty : 0;
    }

    private static ulong RunRing3(int n)
    {
        UserFrame frame = s_start;
        frame.Rdi = (ulong)n;
        ulong start = Instructions.Rdtsc();
        RunResult r = Ring3.Run(s_space, frame, s_policy, s_monitor);
        ulong ticks = Instructions.Rdtsc() - start;
        if (r.End != RunEnd.Exited || r.ExitCode != 0) Program.Fail("the ring-3 getpid loop did not exit cleanly: " + r.Describe());
        return ticks;
    }

    private static void Protect(byte* p, int pages, Permissions permissions)
    {
        ulong length = (ulong)pages * Workloads.Page;
        if (!s_runtime.Protect((ulong)p, length, permissions)) Program.Fail("Dune.Memory cannot protect 0x" + ((ulong)p).ToString("x"));
        Tlb.InvalidateRange((ulong)p, length);
    }

    private static TrapAction SkipStore(ref TrapFrame f)
    {
        if ((f.Cr2 & ~(Workloads.Page - 1)) != (ulong)s_page) return TrapAction.Terminate;
        Faults++;
        return TrapAction.SkipInstruction;
    }

    private static TrapAction Unprotect(ref TrapFrame f)
    {
        if (f.Cr2 < (ulong)s_region || f.Cr2 >= s_regionEnd) return TrapAction.Terminate;
        Faults++;
        ulong page = f.Cr2 & ~(Workloads.Page - 1);
        s_runtime.Protect(page, Workloads.Page, Permissions.ReadWrite);
        Tlb.Invalidate(page);
        return TrapAction.Resume;
    }

    /// <summary>A store to a read-only page: #PF to the C# handler, which skips the store.</summary>
    private static ulong TrapLoop(int n)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < n; i++) Workloads.Store((ulong*)s_page);
        return Instructions.Rdtsc() - start;
    }

    private static ulong Appel1(int pages)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < pages; i++)
        {
            byte* p = s_region + (ulong)i * Workloads.Page;
            Protect(p, 1, Permissions.Read);
            *(long*)p = i;
        }
        return Instructions.Rdtsc() - start;
    }

    private static ulong Appel2(int pages)
    {
        ulong start = Instructions.Rdtsc();
        Protect(s_region, pages, Permissions.Read);
        for (int i = 0; i < pages; i++) *(long*)(s_region + (ulong)i * Workloads.Page) = i;
        return Instructions.Rdtsc() - start;
    }
}
