using System;
using System.Collections.Generic;
using System.Threading;
using Dune;
using Dune.Cpu;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;

// Threads in Dune mode, one vCPU each (ThreadVmTests, test VM). One behaviour per argument:
//   ring0      synchronization types on the entering thread, and a started thread runs in ring 0 too
//   busy       a thread that exists before Enter: entering is refused
//   vcpus N    N threads, each on its own vCPU, add to counters under lock and with Interlocked
//   gc         threads allocate and share object graphs while collections run (under DUNE_GC_STRESS=97): every node survives
//   shootdown  pages protected and unmapped through Dune.Memory on one vCPU fault on another right after
//   pulse      Monitor.Wait/Pulse between two vCPUs
//   crash      an unhandled exception on a vCPU thread ends the process with the report
//   fork       fork with a parked vCPU and a running thread: the child has only the forking thread, starts its own
//   ring3      threads spinning in ring 3 and making system calls from ring 3 take the collector's stops at once while
//              the main thread allocates (under DUNE_GC_STRESS=97)
//   spawn      Linux.Spawn (vfork + execve) from two threads while a third allocates
//   bench      rdtsc per thread start + join, futex wake, fork + wait: host mode, then Dune mode, in one run
static unsafe class Program
{
    private static readonly object s_gate = new object();
    [ThreadStatic] private static int t_value;

    static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "";
        switch (mode)
        {
            case "busy": return EnterWithAnotherThread();
            case "bench": return Bench.Run();
        }
        DuneMode.Enter();
        switch (mode)
        {
            case "ring0": return RingZero();
            case "vcpus": return Vcpus(args.Length > 1 ? int.Parse(args[1]) : 4);
            case "gc": return SharedGraphs();
            case "shootdown": return Shootdown.Run();
            case "pulse": return Pulse();
            case "crash": return Crash();
            case "fork": return ForkWithThreads.Run();
            case "ring3": return RingThreeStop.Run();
            case "spawn": return SpawnWithThreads.Run();
        }
        Console.Error.WriteLine("usage: dune-threads ring0|busy|vcpus N|gc|shootdown|pulse|crash|fork|ring3|spawn|bench");
        return 2;
    }

    /// <summary>"cpl C vcpu V": the privilege level and the vCPU the caller runs on.</summary>
    internal static string Where() => "cpl " + DuneMode.CurrentPrivilegeLevel() + " vcpu " + PerCpu.Current->Index;

    static int RingZero()
    {
        int counter = 0;
        for (int i = 0; i < 1000; i++)
        {
            lock (s_gate) counter++;
            Interlocked.Increment(ref counter);
        }
        var local = new ThreadLocal<int>(() => 5);
        t_value = 9;
        Console.WriteLine(Where() + ": counter " + counter + ", thread local " + local.Value + ", thread static " + t_value
            + ", thread id " + Thread.CurrentThread.ManagedThreadId);
        string seen = null;
        var worker = new Thread(() =>
        {
            t_value = 4;
            seen = Where() + ", thread id " + Thread.CurrentThread.ManagedThreadId + ", thread static " + t_value + ", thread local " + local.Value;
        });
        worker.Start();
        worker.Join();
        Console.WriteLine("started thread: " + seen + "; main's thread static still " + t_value);
        return 0;
    }

    static int EnterWithAnotherThread()
    {
        var release = new ManualResetEventSlim();
        var worker = new Thread(() => release.Wait());
        worker.Start();
        string error = DuneMode.TryEnter();
        release.Set();
        worker.Join();
        Console.WriteLine("enter with a second thread: " + (error ?? "entered") + ", active " + DuneMode.IsActive);
        return 0;
    }

    static int Vcpus(int n)
    {
        const int Rounds = 20000;
        int locked = 0, interlocked = 0, started = 0;
        var cpus = new long[n];
        var rings = new int[n];
        var threads = new Thread[n];
        for (int t = 0; t < n; t++)
        {
            int me = t;
            threads[t] = new Thread(() =>
            {
                rings[me] = DuneMode.CurrentPrivilegeLevel();
                cpus[me] = PerCpu.Current->Index;
                Interlocked.Increment(ref started);
                // Everyone runs at once: the counters are contended across vCPUs.
                while (Volatile.Read(ref started) < n) Thread.Yield();
                for (int i = 0; i < Rounds; i++)
                {
                    lock (s_gate) locked++;
                    Interlocked.Increment(ref interlocked);
                }
            });
        }
        foreach (Thread t in threads) t.Start();
        foreach (Thread t in threads) t.Join();
        var distinct = new HashSet<long> { PerCpu.Current->Index };
        bool allRingZero = true;
        for (int t = 0; t < n; t++)
        {
            distinct.Add(cpus[t]);
            allRingZero &= rings[t] == 0;
        }
        Console.WriteLine("main: " + Where());
        Console.WriteLine(n + " threads: all in ring 0 " + allRingZero + ", distinct vCPUs (main included) " + distinct.Count);
        Console.WriteLine("lock counter " + locked + ", Interlocked counter " + interlocked + ", expected " + n * Rounds);
        // Finished threads give their vCPUs back: as many again fit.
        var again = new Thread[n];
        int ran = 0;
        for (int t = 0; t < n; t++) (again[t] = new Thread(() => Interlocked.Increment(ref ran))).Start();
        foreach (Thread t in again) t.Join();
        Console.WriteLine("second round: " + ran + " threads ran");
        return 0;
    }

    sealed class Node
    {
        public Node Left, Right;
        public int Value;
        public string Label;
    }

    static Node Build(int depth, int value)
    {
        if (depth == 0) return new Node { Value = value, Label = "leaf" + value };
        return new Node { Left = Build(depth - 1, 2 * value), Right = Build(depth - 1, 2 * value + 1), Value = value };
    }

    static long Sum(Node n) => n == null ? 0 : n.Value + Sum(n.Left) + Sum(n.Right) + (n.Label != null ? n.Label.Length : 0);

    /// <summary>Whether <paramref name="n"/> is the whole tree <c>Build(depth, value)</c> made: every node, value and label.</summary>
    static bool Intact(Node n, int depth, int value)
    {
        if (n == null || n.Value != value) return false;
        if (depth == 0) return n.Left == null && n.Right == null && n.Label == "leaf" + value;
        return n.Label == null && Intact(n.Left, depth - 1, 2 * value) && Intact(n.Right, depth - 1, 2 * value + 1);
    }

    /// <summary>
    /// Run under DUNE_GC_STRESS=97 (VmPrograms): collections while every thread allocates and checks every node of
    /// its own and the others' graphs, which stay reachable only through the shared array and the threads' stacks.
    /// </summary>
    static int SharedGraphs()
    {
        const int Threads = 3, Depth = 5, Rounds = 4;
        var shared = new Node[Threads];
        int broken = 0, checks = 0;
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int me = t;
            threads[t] = new Thread(() =>
            {
                for (int r = 0; r < Rounds; r++)
                {
                    Node mine = Build(Depth, 1);
                    Volatile.Write(ref shared[me], mine);
                    var garbage = new List<string>();
                    for (int i = 0; i < 200; i++) garbage.Add("g" + i);
                    if (!Intact(mine, Depth, 1)) Interlocked.Increment(ref broken);
                    for (int o = 0; o < Threads; o++)
                    {
                        Node other = Volatile.Read(ref shared[o]);
                        if (other == null) continue;
                        Interlocked.Increment(ref checks);
                        if (!Intact(other, Depth, 1)) Interlocked.Increment(ref broken);
                    }
                }
            });
        }
        foreach (Thread t in threads) t.Start();
        foreach (Thread t in threads) t.Join();
        bool final = true;
        foreach (Node n in shared) final &= Intact(n, Depth, 1);
        Console.WriteLine("gc: " + Threads + " threads on their own vCPUs, stress " + Environment.GetEnvironmentVariable("DUNE_GC_STRESS")
            + ", graphs checked " + (checks >= Threads * Rounds) + ", broken graphs " + broken + ", final graphs intact " + final
            + ", collections " + (GC.CollectionCount(0) >= 20));
        return 0;
    }

    static int Pulse()
    {
        const int Rounds = 200;
        var gate = new object();
        int turn = 0, pings = 0, pongs = 0;
        long otherCpu = -1;
        var partner = new Thread(() =>
        {
            otherCpu = PerCpu.Current->Index;
            for (int i = 0; i < Rounds; i++)
            {
                lock (gate)
                {
                    while (turn != 1) Monitor.Wait(gate);
                    pongs++;
                    turn = 0;
                    Monitor.Pulse(gate);
                }
            }
        });
        partner.Start();
        for (int i = 0; i < Rounds; i++)
        {
            lock (gate)
            {
                while (turn != 0) Monitor.Wait(gate);
                pings++;
                turn = 1;
                Monitor.Pulse(gate);
            }
        }
        partner.Join();
        Console.WriteLine("pulse: main on vcpu " + PerCpu.Current->Index + ", partner on vcpu " + otherCpu + ", pings " + pings + ", pongs " + pongs);
        return 0;
    }

    static int Crash()
    {
        var worker = new Thread(() =>
        {
            Console.WriteLine("crash: worker in " + Where());
            throw new InvalidOperationException("thrown on a vCPU thread");
        });
        worker.Start();
        worker.Join();
        Thread.Sleep(5000);
        Console.WriteLine("crash: the process survived");
        return 0;
    }
}
