using System;
using System.Threading;
using Dune;
using Dune.Cpu;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;

/// <summary>
/// A page protected (then unmapped) through Dune.Memory by the main thread faults on another vCPU at once, although
/// that vCPU cached a writable translation just before and never left the guest in between: the TLB shootdown.
/// </summary>
static unsafe class Shootdown
{
    const ulong Page = 4096;
    static ulong s_page, s_entry;
    static ulong* s_leaf;
    static int s_faults;
    static long s_faultCpu = -1;

    public static int Run()
    {
        string error = VirtualMemory.Initialize(64);
        if (error != null)
        {
            Console.WriteLine("shootdown: " + error);
            return 1;
        }
        var previous = Traps.Register(Vector.PageFault, &OnFault);
        Console.WriteLine(Case("protect", unmap: false));
        Console.WriteLine(Case("unmap", unmap: true));
        Traps.Register(Vector.PageFault, previous);
        return 0;
    }

    static string Case(string name, bool unmap)
    {
        ulong* p = (ulong*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        p[0] = 1;
        AddressSpace rt = VirtualMemory.Runtime;
        s_leaf = rt.LeafPointer((ulong)p, out _);
        s_entry = *s_leaf;
        s_page = (ulong)p;
        s_faults = 0;
        s_faultCpu = -1;
        int phase = 0;
        long workerCpu = -1;
        ulong reads = 0;
        var worker = new Thread(() =>
        {
            workerCpu = PerCpu.Current->Index;
            Volatile.Write(ref *p, 2);                  // a writable translation in this vCPU's TLB
            Volatile.Write(ref phase, 1);
            while (Volatile.Read(ref phase) != 2) reads += Volatile.Read(ref *p);
            Volatile.Write(ref *p, 3);                  // must fault: the translation is gone from every TLB
        });
        worker.Start();
        while (Volatile.Read(ref phase) != 1) Thread.Yield();
        if (unmap) rt.Unmap((ulong)p, Page);
        else rt.Protect((ulong)p, Page, Permissions.Read);
        Tlb.Invalidate((ulong)p);
        Volatile.Write(ref phase, 2);
        worker.Join();
        return "shootdown " + name + ": main on vcpu " + PerCpu.Current->Index + ", worker on vcpu " + workerCpu
            + (workerCpu != PerCpu.Current->Index ? " (another)" : " (the same!)") + ", faults " + s_faults
            + ", on the worker's vcpu " + (s_faultCpu == workerCpu) + ", value " + p[0];
    }

    /// <summary>Counts the fault on the page under test and puts its entry back as it was (writable).</summary>
    static TrapAction OnFault(ref TrapFrame f)
    {
        if ((f.Cr2 & ~(Page - 1)) != s_page) return TrapAction.Terminate;
        s_faults++;
        s_faultCpu = PerCpu.Current->Index;
        *s_leaf = s_entry;
        Tlb.Invalidate(s_page);
        return TrapAction.Resume;
    }
}
