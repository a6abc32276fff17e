using System;
using System.Threading;
using Dune;
using Dune.Platform;

/// <summary>
/// rdtsc (instructions under tests/vm/run.sh --icount) per operation, host mode first, then the same after
/// DuneMode.Enter() in the same process: thread start + join, a futex wake between two threads (each woken
/// thread wakes the other back: a round trip is two wakes), fork + child exit + wait4.
/// </summary>
static unsafe class Bench
{
    const int Starts = 10, RoundTrips = 50, Forks = 5;

    public static int Run()
    {
        ulong hostStart = ThreadStart(out _), hostWake = FutexRoundTrip(), hostFork = Fork();
        DuneMode.Enter();
        ulong duneStart = ThreadStart(out ulong firstDune), duneWake = FutexRoundTrip(), duneFork = Fork();
        Console.WriteLine("bench: thread start + join: host " + hostStart + ", dune " + duneStart + " (the first in Dune mode, which creates its vCPU: " + firstDune + ")");
        Console.WriteLine("bench: futex wake, per wake (half a round trip): host " + hostWake / 2 + ", dune " + duneWake / 2);
        Console.WriteLine("bench: fork + exit + wait4: host " + hostFork + ", dune " + duneFork);
        return 0;
    }

    /// <summary>Mean over the starts after the first (which also pays for what later ones reuse).</summary>
    static ulong ThreadStart(out ulong first)
    {
        first = 0;
        ulong total = 0;
        for (int i = 0; i < Starts; i++)
        {
            ulong start = Instructions.Rdtsc();
            var t = new Thread(() => { });
            t.Start();
            t.Join();
            ulong took = Instructions.Rdtsc() - start;
            if (i == 0) first = took;
            else total += took;
        }
        return total / (Starts - 1);
    }

    static ulong FutexRoundTrip()
    {
        int* words = (int*)NativeMemoryWords();
        int* ping = words, pong = words + 1;
        *ping = 0;
        *pong = 0;
        var partner = new Thread(() =>
        {
            for (int i = 1; i <= RoundTrips + 1; i++)
            {
                while (Volatile.Read(ref *ping) != i) Linux.FutexWait(ping, i - 1);
                Volatile.Write(ref *pong, i);
                Linux.FutexWake(pong, 1);
            }
        });
        partner.Start();
        ulong start = 0;
        for (int i = 1; i <= RoundTrips + 1; i++)
        {
            if (i == 2) start = Instructions.Rdtsc();   // the first round trip waits for the partner to start
            Volatile.Write(ref *ping, i);
            Linux.FutexWake(ping, 1);
            while (Volatile.Read(ref *pong) != i) Linux.FutexWait(pong, i - 1);
        }
        ulong per = (Instructions.Rdtsc() - start) / RoundTrips;
        partner.Join();
        return per;
    }

    static void* NativeMemoryWords() => System.Runtime.InteropServices.NativeMemory.AllocZeroed(64);

    static ulong Fork()
    {
        const long Wait4 = 61;
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < Forks; i++)
        {
            long pid = Syscall.Invoke(SyscallNumber.Fork);
            if (pid == 0) Linux.ExitGroup(0);
            int status;
            Syscall.Invoke(Wait4, pid, (long)&status, 0, 0);
        }
        return (Instructions.Rdtsc() - start) / Forks;
    }
}
