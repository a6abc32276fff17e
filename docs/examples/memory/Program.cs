using System;
using Dune;
using Dune.Memory;
using Dune.Platform;

// Two address spaces of our own page tables: the same virtual address maps a different page in each.
static unsafe class Program
{
    const ulong At = 0x3000_0000_0000, Page = 4096;

    static int Main()
    {
        DuneMode.Enter();
        string error = VirtualMemory.Initialize(64);   // a pool of pages for page tables
        if (error != null) { Console.WriteLine("memory: " + error); return 1; }

        ulong* one = NewPage(), two = NewPage();
        *one = 1;
        *two = 2;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);   // the runtime's mappings, plus our own
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace b);
        a.Map(At, Physical(one), Page, Permissions.ReadWrite);
        b.Map(At, Physical(two), Page, Permissions.ReadWrite);

        Tlb.Switch(a.Root);                              // CR3 := a
        ulong inA = *(ulong*)At;
        Tlb.Switch(b.Root);
        ulong inB = *(ulong*)At;
        Tlb.Switch(VirtualMemory.RuntimeRoot);
        a.Destroy();
        b.Destroy();

        Console.WriteLine($"memory: 0x{At:x} reads {inA} in space a and {inB} in space b");
        return inA == 1 && inB == 2 ? 0 : 1;
    }

    static ulong* NewPage() =>
        (ulong*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);

    static ulong Physical(void* va)
    {
        VirtualMemory.Physical->TryToPhysical((ulong)va, out ulong gpa);
        return gpa;
    }
}
