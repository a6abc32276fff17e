using System;
using Dune;
using Dune.Platform;
using Dune.Traps;

/// <summary>
/// A user-level pager: 1 GiB of address space is reserved inaccessible, and a C# #PF handler commits each page
/// on its first touch (mprotect, which the KVM backend mirrors into the guest), counting them. Then every touched
/// page is checked for what was written to it.
/// </summary>
static unsafe class Program
{
    const ulong Page = 4096, Reserved = 1UL << 30;
    const int DenseRun = 256, Sparse = 256;   // the dense run (1 MiB) stays below the first sparse page (2 MiB)

    static byte* s_base;
    static int s_pagesCommitted, s_foreignFaults;

    static TrapAction CommitPage(ref TrapFrame f)
    {
        if (f.Cr2 < (ulong)s_base || f.Cr2 >= (ulong)s_base + Reserved)
        {
            s_foreignFaults++;
            return TrapAction.Terminate;   // not ours: stack growth and genuine faults go to the backend
        }
        ulong page = f.Cr2 & ~(Page - 1);
        if (Syscall.Invoke(SyscallNumber.Mprotect, (long)page, (long)Page, Linux.ProtRead | Linux.ProtWrite) != 0) return TrapAction.Terminate;
        s_pagesCommitted++;
        return TrapAction.Resume;
    }

    static int Main()
    {
        DuneMode.Enter();
        const int MapNoReserve = 0x4000;
        s_base = (byte*)Linux.Mmap(null, (nuint)Reserved, Linux.ProtNone, Linux.MapPrivate | Linux.MapAnonymous | MapNoReserve);
        Traps.Register(Vector.PageFault, &CommitPage);

        // A dense run at the start, then one page in the middle of every 4 MiB across the whole reservation.
        int touched = 0;
        for (int i = 0; i < DenseRun; i++, touched++) Touch(s_base + (ulong)i * Page, touched);
        for (int i = 0; i < Sparse; i++, touched++) Touch(s_base + (Reserved / Sparse) * (ulong)i + Reserved / Sparse / 2, touched);

        int wrong = 0;
        int seen = 0;
        for (int i = 0; i < DenseRun; i++, seen++) wrong += Check(s_base + (ulong)i * Page, seen);
        for (int i = 0; i < Sparse; i++, seen++) wrong += Check(s_base + (Reserved / Sparse) * (ulong)i + Reserved / Sparse / 2, seen);
        Traps.Unregister(Vector.PageFault);

        Console.WriteLine("pagefault: reserved " + (Reserved >> 20) + " MiB, touched " + touched + " pages, committed "
            + s_pagesCommitted + " on demand, pages with wrong contents " + wrong);
        return s_pagesCommitted == touched && wrong == 0 ? 0 : 1;
    }

    /// <summary>Writes a pattern that depends on the page's number at both ends of the page.</summary>
    static void Touch(byte* page, int n)
    {
        *(int*)page = n;
        *(int*)(page + Page - 4) = ~n;
    }

    static int Check(byte* page, int n) => *(int*)page == n && *(int*)(page + Page - 4) == ~n ? 0 : 1;
}
