using System;
using Dune;
using Dune.Platform;
using Dune.Traps;

/// <summary>
/// Enters Dune mode (the same process, now in hardware-virtualized ring 0), then acts as its own pager: a
/// region reserved without access gets each page committed by a C# page-fault handler on first touch.
/// </summary>
static unsafe class Program
{
    const ulong PageSize = 4096;
    const int Pages = 16;

    static byte* s_region;
    static int s_faults;

    /// <summary>Runs in ring 0 on the faulting stack; CR2 holds the address that faulted.</summary>
    static TrapAction OnPageFault(ref TrapFrame frame)
    {
        ulong page = frame.Cr2 & ~(PageSize - 1);
        if (page < (ulong)s_region || page >= (ulong)s_region + Pages * PageSize)
            return TrapAction.Terminate;   // not our region: a real fault, reported with the registers
        Syscall.Invoke(SyscallNumber.Mprotect, (long)page, (long)PageSize, Linux.ProtRead | Linux.ProtWrite);
        s_faults++;
        return TrapAction.Resume;          // retry the instruction, which now succeeds
    }

    static int Main()
    {
        Console.WriteLine($"DuneApp: host mode, ring {DuneMode.CurrentPrivilegeLevel()}");
        DuneMode.Enter();
        Console.WriteLine($"DuneApp: Dune mode, ring {DuneMode.CurrentPrivilegeLevel()}, CR3 0x{Instructions.ReadCr3():x}");

        s_region = (byte*)Linux.Mmap(null, (nuint)(Pages * PageSize), Linux.ProtNone, Linux.MapPrivate | Linux.MapAnonymous);
        Traps.Register(Vector.PageFault, &OnPageFault);
        for (int i = 0; i < Pages; i++)
            s_region[(ulong)i * PageSize] = (byte)(i + 1);
        Traps.Unregister(Vector.PageFault);

        int sum = 0;
        for (int i = 0; i < Pages; i++)
            sum += s_region[(ulong)i * PageSize];
        Console.WriteLine($"DuneApp: {s_faults} page faults handled in C#, checksum {sum}");
        return s_faults == Pages && sum == Pages * (Pages + 1) / 2 ? 0 : 1;
    }
}
