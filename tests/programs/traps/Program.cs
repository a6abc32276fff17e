using System;
using System.Runtime.CompilerServices;
using Dune;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;

/// <summary>
/// C# trap handlers in ring 0 (Dune.Traps), one behaviour per argument; run in the test VM by tests/Dune.Vm.Tests
/// (TrapTests). The faulting instructions are machine code copied into an executable page, so each fault's RIP
/// is known exactly (offsets below, from the listing in Code).
/// </summary>
static unsafe class Program
{
    const ulong Page = 4096;

    // int3; ret | xor eax,eax; ud2; mov eax,7; ret | movabs rax,2^63; mov rax,[rax]; mov eax,5; ret |
    // mov ecx,0x1234; rdmsr; mov eax,9; ret | xor edx,edx; mov eax,100; xor ecx,ecx; div ecx; ret |
    // mov eax,1; int 0x80; ret | vpcmpeqd ymm0,ymm0,ymm0; int3; vmovdqu [rdi],ymm0; vzeroupper; ret |
    // vpxor ymm0,ymm0,ymm0; ret | mov rax,[rdi]; ret | mov qword [rdi],0x77; ret |
    // push rbx; mov rbx,rdi; xor rbx,rsi; xor edi,edi; int3; mov rax,rbx; xor rax,rsi; pop rbx; ret
    const string Code =
        "ccc3" + "31c00f0bb807000000c3" + "48b80000000000000080488b00b805000000c3" + "b9341200000f32b809000000c3"
        + "31d2b86400000031c9f7f1c3" + "b801000000cd80c3" + "c5fd76c0ccc5fe7f07c5f877c3" + "c5fdefc0c3" + "488b07c3"
        + "48c70777000000c3" + "534889fb4831f331ffcc4889d84831f05bc3";
    const int Bp = 0x00, Ud = 0x02, UdAt = 0x04, GpNonCanonical = 0x0c, GpNonCanonicalAt = 0x16, GpMsr = 0x1f, GpMsrAt = 0x24,
        De = 0x2c, DeAt = 0x35, Int80 = 0x38, Avx = 0x40, Clobber = 0x4d, Read = 0x52, Write = 0x56, HoldInRbx = 0x5e;

    static byte* s_code;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "";
        s_code = LoadCode();
        DuneMode.Enter();
        switch (mode)
        {
            case "vectors": return Vectors();
            case "page-faults": return PageFaults();
            case "appel-li": return AppelLi();
            case "gc": return CollectInHandler();
            case "avx": return AvxPreserved();
            case "terminate":
                Traps.Register(Vector.InvalidOpcode, &Decline);
                Console.WriteLine("traps: the #UD handler declines");
                return (int)Call(Ud);
            case "unhandled":
                Console.WriteLine("traps: #DE without a handler");
                return (int)Call(De);
            case "overflow":
                Traps.Register(Vector.PageFault, &Decline);
                Console.WriteLine("traps: unbounded recursion with a #PF handler");
                return (int)Recurse(int.MaxValue);
            default:
                Console.WriteLine("traps: unknown mode " + mode);
                return 2;
        }
    }

    static byte* LoadCode()
    {
        byte* code = (byte*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite | Linux.ProtExec, Linux.MapPrivate | Linux.MapAnonymous);
        for (int i = 0; i < Code.Length / 2; i++) code[i] = (byte)(Hex(Code[2 * i]) * 16 + Hex(Code[2 * i + 1]));
        return code;
    }

    static int Hex(char c) => c <= '9' ? c - '0' : c - 'a' + 10;

    static ulong Call(int offset, void* arg = null) => ((delegate* unmanaged<void*, ulong>)(s_code + offset))(arg);

    static ulong s_vector, s_rip, s_error, s_cr2;
    static int s_ring, s_traps;

    static TrapAction Record(ref TrapFrame f)
    {
        s_vector = f.Vector;
        s_rip = f.Rip;
        s_error = f.ErrorCode;
        s_cr2 = f.Cr2;
        s_ring = f.Ring;
        s_traps++;
        return TrapAction.SkipInstruction;
    }

    static TrapAction Decline(ref TrapFrame f) => TrapAction.Terminate;

    /// <summary>A system-call-like software interrupt: the handler answers in rax.</summary>
    static TrapAction AddFortyTwo(ref TrapFrame f)
    {
        Record(ref f);
        f.Rax += 42;
        return TrapAction.Resume;
    }

    static string Seen(string name, ulong result) =>
        "traps: " + name + " vector " + s_vector + " rip code+0x" + (s_rip - (ulong)s_code).ToString("x") + " error 0x" + s_error.ToString("x")
        + " ring " + s_ring + ", returned " + result;

    static int Vectors()
    {
        Vector[] all = { Vector.Breakpoint, Vector.InvalidOpcode, Vector.GeneralProtection, Vector.DivideError };
        foreach (Vector v in all) Traps.Register(v, &Record);
        Traps.Register((Vector)0x80, &AddFortyTwo);
        Call(Bp);
        Console.WriteLine(Seen("#BP", 0));
        Console.WriteLine(Seen("#UD", Call(Ud)) + " (ud2 at code+0x" + UdAt.ToString("x") + ")");
        Console.WriteLine(Seen("#GP non-canonical", Call(GpNonCanonical)) + " (load at code+0x" + GpNonCanonicalAt.ToString("x") + ")");
        Console.WriteLine(Seen("#GP rdmsr", Call(GpMsr)) + " (rdmsr at code+0x" + GpMsrAt.ToString("x") + ")");
        Console.WriteLine(Seen("#DE", Call(De)) + " (div at code+0x" + DeAt.ToString("x") + ")");
        Console.WriteLine(Seen("int 0x80", Call(Int80)));

        var previous = Traps.Register(Vector.Breakpoint, &AddFortyTwo);
        bool replaced = previous == (delegate*<ref TrapFrame, TrapAction>)&Record;
        Traps.Unregister(Vector.Breakpoint);
        Console.WriteLine("traps: " + s_traps + " traps, replace returned the old handler " + (replaced ? "yes" : "no")
            + ", unregistered " + (Traps.HandlerOf(Vector.Breakpoint) == null ? "yes" : "no"));
        return 0;
    }

    // Page faults: the handler maps (or unprotects) s_target and invalidates it.
    static ulong s_target, s_targetGpa;
    static Permissions s_targetPermissions;

    static TrapAction MapTarget(ref TrapFrame f)
    {
        if ((f.Cr2 & ~(Page - 1)) != s_target) return TrapAction.Terminate;
        Record(ref f);
        AddressSpace rt = VirtualMemory.Runtime;
        bool ok = (f.ErrorCode & PageFaultError.Present) != 0
            ? rt.Protect(s_target, Page, s_targetPermissions)
            : rt.Map(s_target, s_targetGpa, Page, s_targetPermissions);
        Tlb.Invalidate(s_target);
        return ok ? TrapAction.Resume : TrapAction.Terminate;
    }

    static ulong Gpa(void* va)
    {
        VirtualMemory.Physical->TryToPhysical((ulong)va, out ulong gpa);
        return gpa;
    }

    static void Target(void* page, Permissions permissions)
    {
        s_target = (ulong)page;
        s_targetGpa = Gpa(page);
        s_targetPermissions = permissions;
    }

    static void UnmapFromGuest(void* page)
    {
        VirtualMemory.Runtime.Unmap((ulong)page, Page);
        Tlb.Invalidate((ulong)page);
    }

    static string Fault(string access, ulong result) =>
        "traps: " + access + " -> #PF cr2 " + (s_cr2 == s_target ? "= page" : "0x" + s_cr2.ToString("x"))
        + " rip " + (s_rip == s_target ? "= page" : "code+0x" + (s_rip - (ulong)s_code).ToString("x"))
        + " error 0x" + s_error.ToString("x") + " (" + ErrorBits(s_error) + "), resumed: 0x" + result.ToString("x");

    static string ErrorBits(ulong e) =>
        ((e & PageFaultError.Present) != 0 ? "present" : "not present") + ", " + ((e & PageFaultError.Write) != 0 ? "write" : "read")
        + ", " + ((e & PageFaultError.User) != 0 ? "user" : "supervisor") + ((e & PageFaultError.InstructionFetch) != 0 ? ", fetch" : "");

    /// <summary>The store at code+0x56 writes 0x77.</summary>
    static ulong WriteThenRead(ulong* data)
    {
        Call(Write, data);
        return *data;
    }

    static int PageFaults()
    {
        string error = VirtualMemory.Initialize(64);
        if (error != null) { Console.WriteLine("traps: " + error); return 1; }
        Traps.Register(Vector.PageFault, &MapTarget);
        ulong* data = (ulong*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        *data = 0x1234;
        Target(data, Permissions.ReadWrite);

        UnmapFromGuest(data);
        Console.WriteLine(Fault("read of a not-present page", Call(Read, data)));
        UnmapFromGuest(data);
        Console.WriteLine(Fault("write to a not-present page", WriteThenRead(data)));
        VirtualMemory.Runtime.Protect((ulong)data, Page, Permissions.Read);
        Tlb.Invalidate((ulong)data);
        Console.WriteLine(Fault("write to a read-only page", WriteThenRead(data)));

        // mov eax, 0x55; ret on a page of its own, then not present: the fetch faults at the page itself.
        byte* code = (byte*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite | Linux.ProtExec, Linux.MapPrivate | Linux.MapAnonymous);
        code[0] = 0xb8; code[1] = 0x55; code[2] = 0; code[3] = 0; code[4] = 0; code[5] = 0xc3;
        Target(code, Permissions.ReadExecute);
        UnmapFromGuest(code);
        Console.WriteLine(Fault("call into a not-present page", ((delegate* unmanaged<ulong>)code)()));
        Console.WriteLine("traps: " + s_traps + " page faults handled");
        return 0;
    }

    static int s_wrongErrors;

    /// <summary>Appel and Li's TRAP + UNPROT: the handler makes the page writable again and the write is retried.</summary>
    static TrapAction Unprotect(ref TrapFrame f)
    {
        if (f.Cr2 != s_target) return TrapAction.Terminate;
        if (f.ErrorCode != (PageFaultError.Present | PageFaultError.Write)) s_wrongErrors++;
        s_traps++;
        VirtualMemory.Runtime.Protect(s_target, Page, Permissions.ReadWrite);
        Tlb.Invalidate(s_target);
        return TrapAction.Resume;
    }

    static int AppelLi()
    {
        string error = VirtualMemory.Initialize(64);
        if (error != null) { Console.WriteLine("traps: " + error); return 1; }
        const int Rounds = 10000;
        long* page = (long*)Linux.Mmap(null, (nuint)Page, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        *page = -1;
        s_target = (ulong)page;
        Traps.Register(Vector.PageFault, &Unprotect);
        AddressSpace rt = VirtualMemory.Runtime;

        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < Rounds; i++)
        {
            rt.Protect((ulong)page, Page, Permissions.Read);   // PROT1
            Tlb.Invalidate((ulong)page);
            *page = i;                                          // TRAP, UNPROT, retry
        }
        ulong cycle = Instructions.Rdtsc() - start;
        start = Instructions.Rdtsc();
        for (int i = 0; i < Rounds; i++)
        {
            rt.Protect((ulong)page, Page, Permissions.Read);
            Tlb.Invalidate((ulong)page);
            rt.Protect((ulong)page, Page, Permissions.ReadWrite);
            Tlb.Invalidate((ulong)page);
            *page = i;
        }
        ulong noTrap = Instructions.Rdtsc() - start;
        Console.WriteLine("traps: " + s_traps + " traps for " + Rounds + " writes, wrong error codes " + s_wrongErrors + ", last value " + *page);
        Console.WriteLine("traps: cycles per PROT1+TRAP+UNPROT " + cycle / Rounds + ", per trap alone " + (cycle - noTrap) / Rounds);
        return s_traps == Rounds && s_wrongErrors == 0 ? 0 : 1;
    }

    sealed class Node
    {
        public Node Next;
        public long Value;
        public byte[] Payload;
    }

    static int s_collectionsInHandler;
    static long s_garbage;

    /// <summary>Allocates about 100 MB and collects, while the interrupted code's only references are on its stack and in the frame.</summary>
    static TrapAction AllocateHeavily(ref TrapFrame f)
    {
        int before = GC.CollectionCount(0);
        Node keep = null;
        for (int i = 0; i < 1000000; i++)
        {
            var n = new Node { Value = i, Payload = new byte[64] };
            if ((i & 1023) == 0) { n.Next = keep; keep = n; }
            s_garbage += n.Payload.Length;
        }
        GC.Collect();
        long kept = 0;
        for (Node n = keep; n != null; n = n.Next) kept++;
        s_garbage += kept;
        s_collectionsInHandler = GC.CollectionCount(0) - before;
        return TrapAction.Resume;
    }

    static int CollectInHandler()
    {
        Node list = null;
        for (int i = 0; i < 20000; i++) list = new Node { Next = list, Value = i, Payload = new byte[] { (byte)i, (byte)(i >> 8) } };
        Traps.Register(Vector.Breakpoint, &AllocateHeavily);
        Call(Bp);
        long sum = 0, bad = 0;
        for (Node n = list; n != null; n = n.Next)
        {
            sum += n.Value;
            if (n.Payload[0] != (byte)n.Value || n.Payload[1] != (byte)(n.Value >> 8)) bad++;
        }
        Console.WriteLine("traps: handler allocated " + s_garbage + " bytes with " + (s_collectionsInHandler >= 2 ? "2 or more" : "fewer than 2")
            + " collections; list sum " + sum + ", damaged nodes " + bad);

        // The only plain reference to this array is in registers of the interrupted code (rbx; the program holds
        // it XOR a key), so only the saved frame keeps it alive; a freed array would be reused, zeroed, by the handler
        // (checked once by hiding the frame's registers from the collector during the handler: 0 of 64 bytes intact).
        nint hidden = HiddenArray();
        ScrubStack();
        nint returned = ((delegate* unmanaged<nint, nint, nint>)(s_code + HoldInRbx))(hidden, Key);
        nint plain = returned ^ Key;
        byte[] array = Unsafe.As<nint, byte[]>(ref plain);
        int intact = 0;
        for (int i = 0; i < array.Length; i++) if (array[i] == (byte)(i * 31 + 7)) intact++;
        Console.WriteLine("traps: array held only in registers: " + intact + " of " + array.Length + " bytes intact");
        return bad == 0 && intact == array.Length ? 0 : 1;
    }

    static readonly nint Key = (nint)0x5a5a5a5a5a5a;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static nint HiddenArray()
    {
        byte[] array = new byte[64];
        for (int i = 0; i < array.Length; i++) array[i] = (byte)(i * 31 + 7);
        return Unsafe.As<byte[], nint>(ref array) ^ Key;
    }

    /// <summary>Overwrites the dead frames below the caller, where stale copies of the reference could remain.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ScrubStack()
    {
        byte* dead = stackalloc byte[8192];
        for (int i = 0; i < 8192; i++) dead[i] = 0;
        return dead[100];
    }

    static TrapAction ClobberYmm0(ref TrapFrame f)
    {
        Call(Clobber);
        return TrapAction.Resume;
    }

    static int AvxPreserved()
    {
        if ((Instructions.Xgetbv(0) & 4) == 0) { Console.WriteLine("traps: no AVX in XCR0"); return 1; }
        Traps.Register(Vector.Breakpoint, &ClobberYmm0);
        byte* ymm = stackalloc byte[32];
        Call(Avx, ymm);
        int ones = 0;
        for (int i = 0; i < 32; i++) if (ymm[i] == 0xff) ones++;
        Console.WriteLine("traps: ymm0 after a handler that zeroes it: " + ones + " of 32 bytes intact");
        return ones == 32 ? 0 : 1;
    }

    static long Recurse(int depth)
    {
        byte* frame = stackalloc byte[4096];
        frame[0] = (byte)depth;
        frame[4095] = (byte)(depth >> 8);
        return depth == 0 ? 0 : Recurse(depth - 1) + frame[0] + frame[4095];
    }
}
