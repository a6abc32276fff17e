using System;
using Dune;
using Dune.Platform;

/// <summary>
/// Ring-0 behaviours of Dune mode on KVM, one per argument; run in the test VM by tests/Dune.Vm.Tests.
/// Every mode enters Dune mode first, then does one thing and prints what it saw.
/// </summary>
static unsafe class Program
{
    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "";
        DuneMode.Enter();
        switch (mode)
        {
            case "ring0": return Ring0();
            case "file": return File();
            case "alloc": return Alloc();
            case "mmap": return Mmap();
            case "stdio":
                Console.WriteLine("dune-mode: to stdout");
                Console.Error.WriteLine("dune-mode: to stderr");
                return 0;
            case "exit": return 42;
            case "efault": return BadPointer();
            case "null": return *(int*)Opaque(0);
            case "wild":
                *(long*)Opaque(0x3000_0000_0000) = 42;   // nothing is mapped there (the Dune region starts at 0x6000_0000_0000)
                return 0;
            case "runtime": return RuntimeFeatures();
            case "overflow":
                Console.WriteLine("dune-mode: unbounded recursion");
                return (int)Recurse(int.MaxValue);
            case "deep":
                // 3 MiB of stack: beyond the 1 MiB grown at entry, so the guest's faults grow the rest.
                Console.WriteLine("dune-mode: recursion checksum " + Recurse(768));
                return 0;
            case "triple": return TripleFault();
            case "handler": return OwnPageFaultHandler();
            case "readonly": return WriteReadOnly();
            case "unmapped": return UseAfterMunmap();
            case "alarm":
                // SIGALRM's default action must end the process while the vCPU runs a ring-0 busy loop.
                Syscall.Invoke(37 /* alarm */, 1);
                Console.WriteLine("dune-mode: alarm in 1 s, spinning in ring 0");
                while (true) { }
            case "spin":
                Console.WriteLine("dune-mode: spinning in ring 0");
                while (true) { }
            default:
                Console.WriteLine("dune-mode: unknown mode " + mode);
                return 2;
        }
    }

    /// <summary>Hides a constant address from the compiler so the access really happens.</summary>
    static ulong Opaque(ulong v) => v + (ulong)(Environment.GetCommandLineArgs().Length - 2);

    static int Ring0()
    {
        ulong efer = Instructions.Rdmsr(0xC0000080);
        ulong cr4 = Instructions.ReadCr4();
        Console.WriteLine("dune-mode: cpl " + DuneMode.CurrentPrivilegeLevel() + ", active " + (DuneMode.IsActive ? "yes" : "no")
            + ", cr3 0x" + Instructions.ReadCr3().ToString("x")
            + ", efer.lma " + ((efer >> 10) & 1) + ", efer.nxe " + ((efer >> 11) & 1)
            + ", cr4.osfxsr " + ((cr4 >> 9) & 1));
        return 0;
    }

    static int File()
    {
        byte* path = stackalloc byte[32];
        string p = "/tmp/dune-mode.bin";
        for (int i = 0; i < p.Length; i++) path[i] = (byte)p[i];
        path[p.Length] = 0;
        const int Size = 100000;
        byte* data = (byte*)Linux.Mmap(null, Size, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        byte* back = (byte*)Linux.Mmap(null, Size, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        for (int i = 0; i < Size; i++) data[i] = (byte)(i * 7 + (i >> 8));
        long fd = Syscall.Invoke(SyscallNumber.Openat, -100, (long)path, 1 | 0x40 | 0x200, 0x1a4);
        long written = Syscall.Invoke(SyscallNumber.Write, fd, (long)data, Size);
        Syscall.Invoke(SyscallNumber.Close, fd);
        fd = Syscall.Invoke(SyscallNumber.Openat, -100, (long)path, 0);
        long read = 0, n;
        while ((n = Syscall.Invoke(SyscallNumber.Read, fd, (long)(back + read), Size - read)) > 0) read += n;
        Syscall.Invoke(SyscallNumber.Close, fd);
        Syscall.Invoke(SyscallNumber.Unlink, (long)path);
        int diffs = 0;
        for (int i = 0; i < Size; i++) if (back[i] != data[i]) diffs++;
        Console.WriteLine("dune-mode: wrote " + written + ", read " + read + ", differing bytes " + diffs);
        return diffs == 0 && read == Size ? 0 : 1;
    }

    sealed class Node
    {
        public Node Next;
        public long Value;
    }

    static int Alloc()
    {
        Node head = null;
        for (int i = 0; i < 200000; i++) head = new Node { Next = head, Value = i };
        long sum = 0;
        for (Node n = head; n != null; n = n.Next) sum += n.Value;
        long arrays = 0;
        for (int i = 0; i < 2000; i++)
        {
            int[] a = new int[1000 + i];
            a[a.Length - 1] = i;
            arrays += a[a.Length - 1] + a.Length;
        }
        string s = "";
        for (int i = 0; i < 200; i++) s = s + "x";
        long garbage = 0;
        for (int i = 0; i < 1000000; i++) garbage += new byte[48 + (i & 63)].Length;
        arrays += garbage - 79500000;
        Console.WriteLine("dune-mode: list sum " + sum + ", arrays " + arrays + ", string " + s.Length);
        return 0;
    }

    static int Mmap()
    {
        const int Size = 16 << 20;
        int* p = (int*)Linux.Mmap(null, Size, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        for (int i = 0; i < Size / 4; i += 1024) p[i] = i;
        long sum = 0;
        for (int i = 0; i < Size / 4; i += 1024) sum += p[i];
        long unmapped = Linux.Munmap(p, Size);
        // The same addresses again: the guest must see fresh zero pages.
        int* q = (int*)Linux.Mmap(p, Size, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous | Linux.MapFixed);
        long zeros = 0;
        for (int i = 0; i < Size / 4; i += 1024) if (q[i] == 0) zeros++;
        long prot = Syscall.Invoke(SyscallNumber.Mprotect, (long)q, 4096, Linux.ProtRead);
        Console.WriteLine("dune-mode: sum " + sum + ", munmap " + unmapped + ", same address " + (q == p ? "yes" : "no")
            + ", zero pages " + zeros + ", mprotect " + prot + ", read-only page reads " + q[0]);
        return 0;
    }

    static long Recurse(int depth)
    {
        byte* frame = stackalloc byte[4096];
        frame[0] = (byte)depth;
        frame[4095] = (byte)(depth >> 8);
        return depth == 0 ? 0 : Recurse(depth - 1) + frame[0] + frame[4095];
    }

    [ThreadStatic] static int t_counter;

    /// <summary>Runtime services in ring 0: exception dispatch, thread statics (FS base), generic collections.</summary>
    static int RuntimeFeatures()
    {
        string caught;
        try
        {
            Throw(7);
            caught = "nothing";
        }
        catch (InvalidOperationException e)
        {
            caught = e.Message;
        }
        for (int i = 0; i < 5; i++) t_counter++;
        var list = new System.Collections.Generic.List<int>();
        for (int i = 0; i < 1000; i++) list.Add(i * i);
        var map = new System.Collections.Generic.Dictionary<string, int>();
        map["one"] = 1;
        map["two"] = 2;
        Console.WriteLine("dune-mode: caught \"" + caught + "\", thread static " + t_counter + ", list " + list[999] + ", map " + map["two"]);
        return 0;
    }

    static void Throw(int n) => throw new InvalidOperationException("thrown in ring 0 #" + n);

    /// <summary>
    /// With an empty IDT the page fault cannot be delivered (#GP, then #DF cannot either): the CPU shuts
    /// down. The host must report it, not hang.
    /// </summary>
    static int TripleFault()
    {
        byte* emptyIdt = stackalloc byte[16];
        for (int i = 0; i < 16; i++) emptyIdt[i] = 0;
        Console.WriteLine("dune-mode: loading an empty IDT");
        Instructions.Lidt(emptyIdt);
        return *(int*)Opaque(0);
    }

    static long* s_guarded;
    static int s_faults;

    /// <summary>The program's own ring-0 #PF handler unprotects a PROT_NONE page on first touch (Appel-Li's TRAP + UNPROT).</summary>
    static int OwnPageFaultHandler()
    {
        s_guarded = (long*)Linux.Mmap(null, 4096, Linux.ProtNone, Linux.MapPrivate | Linux.MapAnonymous);
        Dune.Traps.Traps.Register(Dune.Traps.Vector.PageFault, &Unprotect);
        *s_guarded = 41;
        *s_guarded += 1;
        Dune.Traps.Traps.Unregister(Dune.Traps.Vector.PageFault);
        Console.WriteLine("dune-mode: handler resolved " + s_faults + " fault(s), value " + *s_guarded);
        return 0;
    }

    static Dune.Traps.TrapAction Unprotect(ref Dune.Traps.TrapFrame frame)
    {
        if (frame.Cr2 != (ulong)s_guarded) return Dune.Traps.TrapAction.Terminate;
        s_faults++;
        return Syscall.Invoke(SyscallNumber.Mprotect, (long)s_guarded, 4096, Linux.ProtRead | Linux.ProtWrite) == 0
            ? Dune.Traps.TrapAction.Resume : Dune.Traps.TrapAction.Terminate;
    }

    /// <summary>mprotect must reach the guest page tables: the write faults as a protection violation.</summary>
    static int WriteReadOnly()
    {
        long* p = (long*)Linux.Mmap(null, 4096, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        *p = 1;
        Syscall.Invoke(SyscallNumber.Mprotect, (long)p, 4096, Linux.ProtRead);
        Console.WriteLine("dune-mode: page is read-only now, value " + *p);
        *p = 2;
        return 0;
    }

    /// <summary>munmap must reach the guest page tables: the access faults as not present.</summary>
    static int UseAfterMunmap()
    {
        long* p = (long*)Linux.Mmap(null, 4096, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        *p = 1;
        Linux.Munmap(p, 4096);
        Console.WriteLine("dune-mode: page unmapped");
        return (int)*p;
    }

    static int BadPointer()
    {
        long r = Syscall.Invoke(SyscallNumber.Write, 1, 0x10, 5);
        Console.WriteLine("dune-mode: write from a bad pointer returned " + r);
        return 0;
    }
}
