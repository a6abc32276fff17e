using System;
using System.Runtime.CompilerServices;
using Dune;
using Dune.Memory;
using Dune.Platform;

/// <summary>
/// Dune.Memory on real paging hardware (the test VM), one behaviour per argument; VirtualMemoryTests asserts the
/// output. Values are gathered while another address space is current and printed after switching back:
/// printing may grow the heap, which the backend mirrors into the runtime's tables only.
/// </summary>
static unsafe class Program
{
    /// <summary>A virtual address the runtime leaves unmapped (PML4 slot 96): test spaces map things here.</summary>
    const ulong X = 0x3000_0000_0000UL;
    const ulong Page = 4096;
    const ulong WriteFault = CopyOnWrite.ErrorPresent | CopyOnWrite.ErrorWrite;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "";
        DuneMode.Enter();
        string error = VirtualMemory.Initialize(1024);
        if (error != null)
        {
            Console.WriteLine("vm-memory: " + error);
            return 1;
        }
        switch (mode)
        {
            case "dirty": return AccessedDirty();
            case "protect": return Protect();
            case "wp-fault": return WriteProtectFault();
            case "spaces": return Spaces();
            case "large": return LargeAndUncached();
            case "huge": return GigabytePage();
            case "pcid": return Pcid();
            case "cow": return CopyOnWriteFork();
            case "cow-faults": return CopyOnWriteThroughRealFaults();
            case "hot": return HotPathsAllocateNothing();
            default:
                Console.WriteLine("vm-memory: unknown mode " + mode);
                return 2;
        }
    }

    /// <summary>Fresh runtime pages, mirrored into the guest.</summary>
    static byte* Pages(int count) =>
        (byte*)Linux.Mmap(null, (nuint)((ulong)count * Page), Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);

    static ulong Gpa(void* va)
    {
        VirtualMemory.Physical->TryToPhysical((ulong)va, out ulong gpa);
        return gpa;
    }

    static string Bits(ulong* pte) =>
        "accessed " + ((*pte & Pte.Accessed) != 0 ? 1 : 0) + ", dirty " + ((*pte & Pte.Dirty) != 0 ? 1 : 0);

    static int AccessedDirty()
    {
        ulong* p = (ulong*)Pages(1);
        AddressSpace rt = VirtualMemory.Runtime;
        ulong* pte = rt.LeafPointer((ulong)p, out _);
        Console.WriteLine("vm-memory: fresh page: " + Bits(pte));
        ulong v = Load(p);
        Console.WriteLine("vm-memory: after a read (" + v + "): " + Bits(pte));
        Store(p, 7);
        Console.WriteLine("vm-memory: after a write: " + Bits(pte));
        rt.ClearAccessedDirty((ulong)p, Page, true, true, out int hadA, out int hadD);
        Tlb.Invalidate((ulong)p);
        Console.WriteLine("vm-memory: cleared (had accessed " + hadA + ", dirty " + hadD + "): " + Bits(pte));
        v = Load(p);
        Console.WriteLine("vm-memory: read again (" + v + "): " + Bits(pte));
        Store(p, 8);
        Console.WriteLine("vm-memory: written again: " + Bits(pte));
        return 0;
    }

    static int Protect()
    {
        ulong* p = (ulong*)Pages(2);
        p[0] = 5;
        AddressSpace rt = VirtualMemory.Runtime;
        rt.ClearAccessedDirty((ulong)p, Page, true, true, out _, out _);
        rt.Protect((ulong)p, Page, Permissions.Read);
        Tlb.Invalidate((ulong)p);
        ulong* pte = rt.LeafPointer((ulong)p, out _);
        ulong v = Load(p);
        Console.WriteLine("vm-memory: read-only page reads " + v + ": permissions " + Name(PageFlags.PermissionsOf(*pte)) + ", " + Bits(pte));
        rt.Protect((ulong)p, Page, Permissions.ReadWrite);
        Tlb.Invalidate((ulong)p);
        Store(p, 6);
        Console.WriteLine("vm-memory: writable again, wrote " + p[0] + ": permissions " + Name(PageFlags.PermissionsOf(*pte)) + ", " + Bits(pte));
        ulong* next = rt.LeafPointer((ulong)p + Page, out _);
        Console.WriteLine("vm-memory: neighbour untouched: permissions " + Name(PageFlags.PermissionsOf(*next)));
        return 0;
    }

    static int WriteProtectFault()
    {
        ulong* p = (ulong*)Pages(1);
        AddressSpace rt = VirtualMemory.Runtime;
        rt.Protect((ulong)p, Page, Permissions.Read);
        Tlb.Invalidate((ulong)p);
        Console.WriteLine("vm-memory: writing to a read-only page at 0x" + ((ulong)p).ToString("x"));
        Store(p, 1);
        Console.WriteLine("vm-memory: the write went through");
        return 0;
    }

    static int Spaces()
    {
        ulong* p1 = (ulong*)Pages(1), p2 = (ulong*)Pages(1);
        p1[0] = 0x1111;
        p2[0] = 0x2222;
        int free = VirtualMemory.Pages->FreePages;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace b);
        bool mapped = a.Map(X, Gpa(p1), Page, Permissions.ReadWrite) && b.Map(X, Gpa(p2), Page, Permissions.ReadWrite)
            && a.Map(X + Page, Gpa(p1), Page, Permissions.ReadWrite);
        ulong* x = (ulong*)X, alias = (ulong*)(X + Page);

        Tlb.Switch(a.Root);
        ulong inA = *x;
        alias[1] = 0xA1A5;
        ulong aliasSeenAtX = x[1], aliasSeenAtP1 = p1[1];
        Tlb.Switch(b.Root);
        ulong inB = *x;
        *x = 0xBBBB;
        Tlb.Switch(VirtualMemory.RuntimeRoot);

        bool fromPool = VirtualMemory.Pages->Contains(a.Root) && VirtualMemory.Pages->Contains(b.Root);
        Console.WriteLine("vm-memory: mapped " + (mapped ? "yes" : "no") + ", roots from the pool " + (fromPool ? "yes" : "no")
            + (a.Root != b.Root ? ", distinct" : ", SAME"));
        Console.WriteLine("vm-memory: same address, space a reads 0x" + inA.ToString("x") + ", space b reads 0x" + inB.ToString("x"));
        Console.WriteLine("vm-memory: alias write 0xa1a5 seen at x 0x" + aliasSeenAtX.ToString("x")
            + " and at the runtime address 0x" + aliasSeenAtP1.ToString("x"));
        Console.WriteLine("vm-memory: b's write reached p2: 0x" + p2[0].ToString("x") + "; runtime maps x: "
            + (VirtualMemory.Runtime.Lookup(X, out _, out _) ? "yes" : "no"));

        a.Unmap(X, 2 * Page);
        Tlb.Switch(a.Root);
        Tlb.InvalidateRange(X, 2 * Page);
        bool stillMapped = VirtualMemory.Current.Translate(X, out _) || VirtualMemory.Current.Translate(X + Page, out _);
        Tlb.Switch(VirtualMemory.RuntimeRoot);
        a.Destroy();
        b.Destroy();
        Console.WriteLine("vm-memory: after unmap a maps x: " + (stillMapped ? "yes" : "no") + ", p1 keeps 0x" + p1[1].ToString("x")
            + ", pool pages back: " + (VirtualMemory.Pages->FreePages == free ? "all" : "NOT ALL"));
        return 0;
    }

    static int LargeAndUncached()
    {
        const ulong Big = 2UL << 20;
        if (!VirtualMemory.TryMapContiguous(Big, out byte* big, out ulong gpa)) { Console.WriteLine("vm-memory: no contiguous 2 MiB"); return 1; }
        ulong* words = (ulong*)big;
        for (ulong i = 0; i < Big / 8; i += 512) words[i] = i * 3;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        const ulong Y = X + (1UL << 30), Z = X + (2UL << 30);
        bool mapped = a.Map(Y, gpa, Big, Permissions.ReadWrite, CacheMode.WriteBack, PageSize.Size2M)
            && a.Map(Z, gpa + 0x10_0000, Page, Permissions.ReadWrite, CacheMode.Uncached);
        a.Lookup(Y + 0x12345, out ulong large, out PageSize size);
        a.Lookup(Z, out ulong uncached, out _);

        Tlb.Switch(a.Root);
        ulong sum = 0;
        for (ulong i = 0; i < Big / 8; i += 512) sum += ((ulong*)Y)[i];
        ((ulong*)Z)[1] = 0x5EED;
        Tlb.Switch(VirtualMemory.RuntimeRoot);
        a.Destroy();

        ulong expected = 0;
        for (ulong i = 0; i < Big / 8; i += 512) expected += i * 3;
        Console.WriteLine("vm-memory: 2 MiB page " + (mapped && size == PageSize.Size2M ? "mapped" : "NOT mapped") + ", large bit "
            + ((large & Pte.LargePage) != 0 ? 1 : 0) + ", sum through it " + (sum == expected ? "matches" : "DIFFERS"));
        Console.WriteLine("vm-memory: uncached alias pcd " + ((uncached & Pte.CacheDisable) != 0 ? 1 : 0) + " pwt "
            + ((uncached & Pte.WriteThrough) != 0 ? 1 : 0) + ", its write seen through the pool: 0x" + words[0x10_0000 / 8 + 1].ToString("x"));
        return 0;
    }

    /// <summary>
    /// A 1 GiB page whose frame is the 1 GiB-aligned guest-physical region holding a runtime page: reading at
    /// that page's offset inside the big page reaches the same memory (only backed parts of it are touched).
    /// </summary>
    static int GigabytePage()
    {
        uint* r = stackalloc uint[4];
        Instructions.Cpuid(0x80000001, 0, r);
        bool has1G = (r[3] & (1u << 26)) != 0;
        Console.WriteLine("vm-memory: cpu 1 GiB pages " + (has1G ? "yes" : "no"));
        if (!has1G) return 0;
        const ulong Gig = 1UL << 30;
        ulong* p = (ulong*)Pages(1);
        p[3] = 0x6161;
        ulong gpa = Gpa(p);
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        bool mapped = a.Map(X, gpa & ~(Gig - 1), Gig, Permissions.ReadWrite, CacheMode.WriteBack, PageSize.Size1G);
        ulong* through = (ulong*)(X + (gpa & (Gig - 1)));
        a.Translate((ulong)through, out ulong translated);
        Tlb.Switch(a.Root);
        ulong seen = through[3];
        through[4] = 0x7272;
        Tlb.Switch(VirtualMemory.RuntimeRoot);
        a.Destroy();
        Console.WriteLine("vm-memory: 1 GiB page " + (mapped ? "mapped" : "NOT mapped") + ", translates to the page " + (translated == gpa ? "yes" : "no")
            + ", reads 0x" + seen.ToString("x") + ", its write seen at the runtime address 0x" + p[4].ToString("x"));
        return 0;
    }

    static int Pcid()
    {
        bool pcid = Tlb.CpuHasPcid, invpcid = Tlb.CpuHasInvpcid;
        Console.WriteLine("vm-memory: cpu pcid " + (pcid ? "yes" : "no") + ", invpcid " + (invpcid ? "yes" : "no"));
        bool enabled = Tlb.EnablePcid();
        ulong* p = (ulong*)Pages(3);
        p[0] = 0x1111;
        p[512] = 0x2222;
        p[1024] = 0x3333;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace b);
        a.Map(X, Gpa(p), Page, Permissions.ReadWrite);
        b.Map(X, Gpa(p + 512), Page, Permissions.ReadWrite);
        ulong* x = (ulong*)X;

        Tlb.Switch(a.Root, 1);
        ulong a1 = *x;
        Tlb.Switch(b.Root, 2);
        ulong b1 = *x;
        Tlb.Switch(a.Root, 1, flush: false);
        ulong a2 = *x;
        // Remap x in b while a is current: b's cached entry (PCID 2) must go before switching back without a flush.
        b.Map(X, Gpa(p + 1024), Page, Permissions.ReadWrite);
        if (enabled && invpcid) Tlb.InvalidatePcid(InvpcidType.Address, 2, X);
        Tlb.Switch(b.Root, 2, flush: !(enabled && invpcid));
        ulong b2 = *x;
        ulong cr3 = Instructions.ReadCr3();
        Tlb.Switch(VirtualMemory.RuntimeRoot, 0);
        if (enabled) Tlb.FlushEverything();
        a.Destroy();
        b.Destroy();

        Console.WriteLine("vm-memory: pcid enabled " + (enabled ? "yes" : "no") + ", cr3 pcid bits while in b " + (cr3 & Tlb.PcidMask));
        Console.WriteLine("vm-memory: a 0x" + a1.ToString("x") + ", b 0x" + b1.ToString("x") + ", a again 0x" + a2.ToString("x")
            + ", b after remap 0x" + b2.ToString("x"));
        return 0;
    }

    static int CopyOnWriteFork()
    {
        PageAllocator* pages = VirtualMemory.Pages;
        pages->Allocate(out ulong frame);
        *(ulong*)pages->Pointer(frame) = 0xC0FFEE;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        a.Map(X, frame, Page, Permissions.ReadWrite);
        CopyOnWrite.Fork(ref a, pages, X, Page, out AddressSpace b);
        a.Lookup(X, out ulong shared, out _);
        int refs = pages->References(frame);
        ulong* x = (ulong*)X;

        Tlb.Switch(b.Root);
        ulong bBefore = *x;
        bool readFault = CopyOnWrite.HandleFault(X, CopyOnWrite.ErrorPresent);
        bool bCopied = CopyOnWrite.HandleFault(X + 8, WriteFault);
        *x = 0xB0B;
        ulong bAfter = *x;
        VirtualMemory.Current.Translate(X, out ulong bFrame);
        Tlb.Switch(a.Root);
        ulong aBefore = *x;
        int refsAfterCopy = pages->References(frame);
        bool aWritable = CopyOnWrite.HandleFault(X, WriteFault);
        *x = 0xA0A;
        bool again = CopyOnWrite.HandleFault(X, WriteFault);
        VirtualMemory.Current.Translate(X, out ulong aFrame);
        Tlb.Switch(VirtualMemory.RuntimeRoot);

        Console.WriteLine("vm-memory: shared after fork: writable " + ((shared & Pte.Writable) != 0 ? 1 : 0) + ", cow " + ((shared & PageFlags.CopyOnWrite) != 0 ? 1 : 0)
            + ", references " + refs + ", b reads 0x" + bBefore.ToString("x"));
        Console.WriteLine("vm-memory: read fault handled " + (readFault ? "yes" : "no") + "; b's write fault handled " + (bCopied ? "yes" : "no")
            + ", b now 0x" + bAfter.ToString("x") + " in " + (bFrame != frame ? "its own copy" : "THE SHARED FRAME"));
        Console.WriteLine("vm-memory: a still reads 0x" + aBefore.ToString("x") + ", references " + refsAfterCopy + ", a's write fault handled "
            + (aWritable ? "yes" : "no") + " in " + (aFrame == frame ? "the original frame" : "A COPY") + ", a second time " + (again ? "yes" : "no")
            + ", frame holds 0x" + (*(ulong*)pages->Pointer(frame)).ToString("x"));
        return 0;
    }

    /// <summary>Memory accesses the compiler must not remove or merge.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static ulong Load(ulong* p) => *p;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Store(ulong* p, ulong v) => *p = v;

    /// <summary>
    /// Copy-on-write driven by the hardware: with the policy installed as the ring-0 #PF handler, plain writes
    /// to forked pages fault, get resolved and retried. Four pool pages are forked; the child writes pages 0
    /// and 2 (copies), the parent then writes pages 0 and 1 (page 0: its last user, no copy; page 1: a copy).
    /// </summary>
    static int CopyOnWriteThroughRealFaults()
    {
        const int Count = 4;
        PageAllocator* pages = VirtualMemory.Pages;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        ulong* frames = stackalloc ulong[Count];
        for (int i = 0; i < Count; i++)
        {
            pages->Allocate(out frames[i]);
            *(ulong*)pages->Pointer(frames[i]) = 0x100UL + (ulong)i;
            a.Map(X + (ulong)i * Page, frames[i], Page, Permissions.ReadWrite);
        }
        CopyOnWrite.Fork(ref a, pages, X, Count * Page, out AddressSpace b);
        int before = CopyOnWrite.FaultsResolved;
        CopyOnWrite.InstallFaultHandler();

        Tlb.Switch(b.Root);
        Store((ulong*)X, 0xB0);
        Store((ulong*)(X + 2 * Page), 0xB2);
        ulong* bSeen = stackalloc ulong[Count];
        for (int i = 0; i < Count; i++) bSeen[i] = Load((ulong*)(X + (ulong)i * Page));
        int afterChild = CopyOnWrite.FaultsResolved - before;
        Tlb.Switch(a.Root);
        ulong* aSeen = stackalloc ulong[Count];
        for (int i = 0; i < Count; i++) aSeen[i] = Load((ulong*)(X + (ulong)i * Page));
        Store((ulong*)X, 0xA0);
        Store((ulong*)(X + Page), 0xA1);
        Store((ulong*)(X + Page), 0xA1); // writable now: no second fault
        int afterParent = CopyOnWrite.FaultsResolved - before;
        a.Translate(X, out ulong aFrame0);
        a.Translate(X + Page, out ulong aFrame1);
        Tlb.Switch(VirtualMemory.RuntimeRoot);
        CopyOnWrite.RemoveFaultHandler();

        string b0 = "", a0 = "";
        for (int i = 0; i < Count; i++)
        {
            b0 += " 0x" + bSeen[i].ToString("x");
            a0 += " 0x" + aSeen[i].ToString("x");
        }
        Console.WriteLine("vm-memory: child wrote pages 0 and 2 after " + afterChild + " faults; child sees" + b0 + "; parent sees" + a0);
        Console.WriteLine("vm-memory: parent wrote pages 0 and 1 after " + (afterParent - afterChild) + " more faults; page 0 "
            + (aFrame0 == frames[0] ? "kept its frame" : "MOVED") + ", page 1 " + (aFrame1 != frames[1] ? "got a copy" : "KEPT THE SHARED FRAME")
            + "; references " + pages->References(frames[0]) + " " + pages->References(frames[1]) + " " + pages->References(frames[2]) + " " + pages->References(frames[3]));
        return 0;
    }

    /// <summary>Counts dirty pages in a walk.</summary>
    struct DirtyCounter : IPageVisitor
    {
        public int Dirty;

        public bool Visit(ulong va, ulong* entry, PageSize size)
        {
            if ((*entry & Pte.Dirty) != 0) Dirty++;
            return true;
        }
    }

    /// <summary>The operations an application repeats (Appel-Li style protect/unprotect, dirty scans, remaps, switches, copy-on-write) allocate no managed memory.</summary>
    static int HotPathsAllocateNothing()
    {
        const int Rounds = 1000, Span = 16;
        ulong* p = (ulong*)Pages(Span);
        for (int i = 0; i < Span; i++) p[i * 512] = (ulong)i;
        PageAllocator* pages = VirtualMemory.Pages;
        VirtualMemory.TryCreateSharingRuntime(out AddressSpace a);
        pages->Allocate(out ulong frame);
        a.Map(X, frame, Page, Permissions.ReadWrite);
        AddressSpace rt = VirtualMemory.Runtime;
        ulong range = Span * Page;
        int dirtySeen = 0, resolved = 0;

        long before = GC.GetHeapStatistics().AllocatedBytesTotal;
        for (int round = 0; round < Rounds; round++)
        {
            rt.Protect((ulong)p, Page, Permissions.Read);
            Tlb.Invalidate((ulong)p);
            rt.Protect((ulong)p, Page, Permissions.ReadWrite);
            Tlb.Invalidate((ulong)p);
            rt.ClearAccessedDirty((ulong)p, range, true, true, out _, out _);
            Tlb.InvalidateRange((ulong)p, range);
            p[(round % Span) * 512]++;
            var counter = new DirtyCounter();
            rt.Walk((ulong)p, range, ref counter);
            dirtySeen += counter.Dirty;
            a.Map(X + Page, Gpa(p), Page, Permissions.Read, CacheMode.WriteThrough);
            a.Unmap(X + Page, Page);
            CopyOnWrite.Fork(ref a, pages, X, Page, out AddressSpace b);
            Tlb.Switch(b.Root);
            if (CopyOnWrite.HandleFault(X, WriteFault)) resolved++;
            Tlb.Switch(a.Root);
            if (CopyOnWrite.HandleFault(X, WriteFault)) resolved++;
            Tlb.Switch(VirtualMemory.RuntimeRoot);
            b.Translate(X, out ulong copy);
            pages->Release(copy);
            b.Destroy();
        }
        long allocated = GC.GetHeapStatistics().AllocatedBytesTotal - before;
        a.Destroy();
        Console.WriteLine("vm-memory: " + Rounds + " rounds, dirty pages seen " + dirtySeen + ", faults resolved " + resolved
            + ", managed bytes allocated " + allocated + ", pool pages in use " + (pages->Capacity - pages->FreePages));
        return 0;
    }

    static string Name(Permissions p) =>
        ((p & Permissions.Read) != 0 ? "r" : "-") + ((p & Permissions.Write) != 0 ? "w" : "-") + ((p & Permissions.Execute) != 0 ? "x" : "-")
        + ((p & Permissions.User) != 0 ? "u" : "s");
}
