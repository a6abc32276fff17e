using System;
using System.Threading;
using Dune;

// Threads and Dune mode (one thread for now): "ring0" enters and checks that the synchronization types work in
// ring 0 while Thread.Start refuses clearly; "busy" starts a thread first, so entering must be refused.
static class Program
{
    private static readonly object s_gate = new object();
    [ThreadStatic] private static int t_value;

    static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "";
        if (mode == "busy") return EnterWithAnotherThread();
        if (mode != "ring0")
        {
            Console.Error.WriteLine("usage: dune-threads ring0|busy");
            return 2;
        }
        DuneMode.Enter();
        int counter = 0;
        for (int i = 0; i < 1000; i++)
        {
            lock (s_gate) counter++;
            Interlocked.Increment(ref counter);
        }
        var local = new ThreadLocal<int>(() => 5);
        t_value = 9;
        Console.WriteLine("cpl " + DuneMode.CurrentPrivilegeLevel() + ": counter " + counter + ", thread local " + local.Value + ", thread static " + t_value
            + ", thread id " + Thread.CurrentThread.ManagedThreadId);
        try
        {
            new Thread(() => { }).Start();
            Console.WriteLine("Thread.Start: started?");
        }
        catch (PlatformNotSupportedException e)
        {
            Console.WriteLine("Thread.Start: " + e.Message);
        }
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
}
