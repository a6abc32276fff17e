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
        DuneMode.Enter();
        Syscall.Invoke(SyscallNumber.Getpid);
        ulong hypercall = CyclesPerGetpid();
        Console.WriteLine("getpid-bench: " + Calls + " calls each, rdtsc cycles per call");
        Console.WriteLine("getpid-bench: native (ring 3 syscall):   " + (long)native);
        Console.WriteLine("getpid-bench: dune   (ring 0 hypercall): " + (long)hypercall);
        return 0;
    }

    static ulong CyclesPerGetpid()
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < Calls; i++) Syscall.Invoke(SyscallNumber.Getpid);
        return (Instructions.Rdtsc() - start) / Calls;
    }
}
