using System;
using Dune;
using Dune.Platform;

/// <summary>
/// The paper's getpid row: the cost of one system call natively (ring 3, syscall instruction) and from
/// Dune mode (ring 0, a hypercall served by the host half). rdtsc cycles per call, averaged; in the test
/// VM's --icount mode rdtsc counts instructions, so the numbers are exact path lengths.
/// </summary>
static class Program
{
    const int Calls = 2000;

    static int Main()
    {
        Syscall.Invoke(SyscallNumber.Getpid); // warm up the code path
        ulong native = CyclesPerGetpid();
        // The guest's TSC starts at 0, so time the entry with the host's monotonic clock (a hypercall inside).
        long beforeEnter = MonotonicMicroseconds();
        DuneMode.Enter();
        long enter = MonotonicMicroseconds() - beforeEnter;
        Syscall.Invoke(SyscallNumber.Getpid);
        ulong hypercall = CyclesPerGetpid();
        Console.WriteLine("getpid-bench: " + Calls + " calls each, rdtsc cycles per call");
        Console.WriteLine("getpid-bench: native (ring 3 syscall):   " + (long)native);
        Console.WriteLine("getpid-bench: dune   (ring 0 hypercall): " + (long)hypercall);
        ulong tenths = native == 0 ? 0 : hypercall * 10 / native;
        Console.WriteLine("getpid-bench: ratio dune/native: " + (long)(tenths / 10) + "." + (long)(tenths % 10));
        Console.WriteLine("getpid-bench: entering Dune mode took " + enter + " us");
        return 0;
    }

    static unsafe long MonotonicMicroseconds()
    {
        long* ts = stackalloc long[2];
        Syscall.Invoke(SyscallNumber.ClockGettime, 1 /* CLOCK_MONOTONIC */, (long)ts);
        return ts[0] * 1000000 + ts[1] / 1000;
    }

    static ulong CyclesPerGetpid()
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < Calls; i++) Syscall.Invoke(SyscallNumber.Getpid);
        return (Instructions.Rdtsc() - start) / Calls;
    }
}
