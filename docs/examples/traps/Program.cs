using System;
using Dune;
using Dune.Platform;
using Dune.Traps;

// A C# page-fault handler in ring 0: a read-only page becomes writable on its first write.
static unsafe class Program
{
    static byte* s_page;
    static ulong s_errorCode;

    static TrapAction OnPageFault(ref TrapFrame frame)
    {
        if (frame.Cr2 != (ulong)s_page) return TrapAction.Terminate;   // not ours: the fault report, exit 139
        s_errorCode = frame.ErrorCode;
        Syscall.Invoke(SyscallNumber.Mprotect, (long)s_page, 4096, Linux.ProtRead | Linux.ProtWrite);
        return TrapAction.Resume;                                       // the write runs again, and succeeds
    }

    static int Main()
    {
        DuneMode.Enter();
        s_page = (byte*)Linux.Mmap(null, 4096, Linux.ProtRead, Linux.MapPrivate | Linux.MapAnonymous);
        Traps.Register(Vector.PageFault, &OnPageFault);
        s_page[0] = 42;
        Traps.Unregister(Vector.PageFault);
        Console.WriteLine($"traps: wrote {s_page[0]} after a page fault with error code 0x{s_errorCode:x} (present, write)");
        return s_errorCode == 3 ? 0 : 1;
    }
}
