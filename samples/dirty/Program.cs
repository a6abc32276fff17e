using System;
using Dune;
using Dune.Memory;
using Dune.Platform;

/// <summary>
/// Finds which pages a computation wrote by reading the hardware Dirty bits (as the paper's garbage collector
/// does): clear them over a 64-page table, run the computation, then walk the page tables. The computation
/// adds one to the counters of the Fibonacci numbers below 32,768, eight bytes each: counter n sits in page
/// n / 512, so only a few pages may come back dirty.
/// </summary>
static unsafe class Program
{
    const int Pages = 64;
    const ulong PageBytes = 4096;

    /// <summary>Collects the indexes of dirty pages, relative to the table's start.</summary>
    struct DirtyPages : IPageVisitor
    {
        public ulong Start;
        public int* Found;
        public int Count;

        public bool Visit(ulong va, ulong* entry, PageSize size)
        {
            if ((*entry & Pte.Dirty) != 0) Found[Count++] = (int)((va - Start) / PageBytes);
            return true;
        }
    }

    static int Main()
    {
        DuneMode.Enter();
        string error = VirtualMemory.Initialize(64);
        if (error != null)
        {
            Console.WriteLine("dirty: " + error);
            return 1;
        }
        ulong* table = (ulong*)Linux.Mmap(null, (nuint)(Pages * PageBytes), Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        for (int i = 0; i < Pages * 512; i++) table[i] = 0; // every page written once before tracking starts

        AddressSpace space = VirtualMemory.Runtime;
        space.ClearAccessedDirty((ulong)table, Pages * PageBytes, accessed: true, dirty: true, out _, out int wasDirty);
        Tlb.InvalidateRange((ulong)table, Pages * PageBytes);
        Console.WriteLine("dirty: " + wasDirty + " of " + Pages + " pages dirty before clearing");

        int updates = Compute(table);

        int* found = stackalloc int[Pages];
        var visitor = new DirtyPages { Start = (ulong)table, Found = found };
        space.Walk((ulong)table, Pages * PageBytes, ref visitor);
        string list = "";
        for (int i = 0; i < visitor.Count; i++) list += (i == 0 ? "" : " ") + found[i];
        Console.WriteLine("dirty: computation made " + updates + " updates; dirty pages: " + list);
        return 0;
    }

    static int Compute(ulong* counters)
    {
        int updates = 0;
        for (ulong a = 1, b = 2; a < Pages * 512; b += a, a = b - a)
        {
            counters[a]++;
            updates++;
        }
        return updates;
    }
}
