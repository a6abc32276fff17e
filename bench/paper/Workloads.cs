using System.Runtime;
using System.Runtime.CompilerServices;
using Dune;
using Dune.Platform;

/// <summary>
/// The loops both columns run unchanged, in host mode and again in Dune mode: each returns the rdtsc ticks
/// of <c>n</c> operations, so a row's two figures differ only in the mode the process is in.
/// </summary>
static unsafe class Workloads
{
    public const ulong Page = 4096;
    private const int MadvNoHugepage = 15;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "paper_store")]
    public static extern void Store(ulong* p);

    /// <summary>Runs <paramref name="once"/> one warm-up time, then records ticks per operation for each repetition.</summary>
    public static void Measure(Sample into, int repetitions, int n, delegate*<int, ulong> once)
    {
        once(n);
        for (int r = 0; r < repetitions; r++) into.Add(once(n) / (ulong)n);
    }

    public static ulong Getpids(int n)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < n; i++) Syscall.Invoke(SyscallNumber.Getpid);
        return Instructions.Rdtsc() - start;
    }

    /// <summary>Fresh anonymous memory (4 KiB pages only), mapped, then touched once per page: the first-touch faults alone are timed.</summary>
    public static ulong FirstTouches(int pages)
    {
        byte* p = MapPages(pages);
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < pages; i++) p[(ulong)i * Page] = 1;
        ulong ticks = Instructions.Rdtsc() - start;
        Linux.Munmap(p, (nuint)((ulong)pages * Page));
        return ticks;
    }

    /// <summary>Read-write anonymous pages that stay 4 KiB (no transparent huge pages), or exits.</summary>
    public static byte* MapPages(int pages)
    {
        ulong bytes = (ulong)pages * Page;
        byte* p = (byte*)Linux.Mmap(null, (nuint)bytes, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        if (p == null) Program.Fail("cannot map " + pages + " pages");
        Syscall.Invoke(SyscallNumber.Madvise, (long)p, (long)bytes, MadvNoHugepage);
        return p;
    }

    // The page walk: one load per page in a random order over a working set far larger than the TLB reaches.
    private static byte* s_walk;
    private static int[] s_walkOrder;

    public static void PrepareWalk(int pages)
    {
        s_walk = MapPages(pages);
        for (int i = 0; i < pages; i++) s_walk[(ulong)i * Page] = (byte)i;
        s_walkOrder = new int[pages];
        for (int i = 0; i < pages; i++) s_walkOrder[i] = i;
        ulong x = 0x9E3779B97F4A7C15;
        for (int i = pages - 1; i > 0; i--)
        {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            int j = (int)(x % (ulong)(i + 1));
            int t = s_walkOrder[i]; s_walkOrder[i] = s_walkOrder[j]; s_walkOrder[j] = t;
        }
    }

    /// <summary>Unmapped again before entering Dune mode, so the entry does not pay for mirroring it.</summary>
    public static void ReleaseWalk()
    {
        Linux.Munmap(s_walk, (nuint)((ulong)s_walkOrder.Length * Page));
        s_walk = null;
    }

    public static ulong Walk(int n)
    {
        int[] order = s_walkOrder;
        byte* p = s_walk;
        ulong sum = 0;
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < n; i++) sum += p[(ulong)order[i] * Page + (ulong)(i & 63) * 64];
        ulong ticks = Instructions.Rdtsc() - start;
        s_sink += sum;
        return ticks;
    }

    /// <summary>Keeps the walk's loads from being optimised away.</summary>
    public static ulong s_sink;
}
