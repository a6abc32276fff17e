using System;
using System.Threading;
using Dune;
using Dune.Cpu;
using Dune.Platform;

/// <summary>
/// fork from a Dune process with a parked vCPU (a finished thread's) and a running thread (blocked on an event):
/// the child has only the forking thread, as on Linux. It starts a thread of its own on a vCPU of its VM, collects
/// (a stop-the-world that must not wait for the parent's threads) and returns from Main (which must not wait for
/// them either); its exit code reaches the parent's wait4, and the parent's threads go on.
/// </summary>
static unsafe class ForkWithThreads
{
    public static int Run()
    {
        int ran = 0;
        var finished = new Thread(() => Interlocked.Increment(ref ran));
        finished.Start();
        finished.Join();
        var release = new ManualResetEventSlim();
        int parentValue = 0;
        var blocked = new Thread(() =>
        {
            release.Wait();
            parentValue = 42;
        });
        blocked.Start();
        long pid = Syscall.Invoke(SyscallNumber.Fork);
        if (pid < 0)
        {
            Console.WriteLine("fork failed: " + pid);
            return 1;
        }
        if (pid == 0) return Child();
        int status = 0;
        long waited = Syscall.Invoke(SyscallNumber.Wait4, pid, (long)&status, 0, 0);
        release.Set();
        blocked.Join();
        Console.WriteLine("fork: parent in " + Program.Where() + ", wait4 " + (waited == pid) + ", child exit code " + ((status >> 8) & 0xFF)
            + ", its threads went on: " + (ran == 1 && parentValue == 42));
        return 0;
    }

    static int Child()
    {
        string where = null;
        long sum = 0;
        var own = new Thread(() =>
        {
            where = Program.Where();
            for (int i = 0; i < 1000; i++) sum += new int[16].Length + i.ToString().Length;
        });
        own.Start();
        own.Join();
        int before = GC.CollectionCount(0);
        GC.Collect();
        Console.WriteLine("fork: child in " + Program.Where() + ", its own thread in " + where + " (another vCPU " + (where != Program.Where())
            + "), sum " + sum + ", collected " + (GC.CollectionCount(0) > before));
        return 7;
    }
}
