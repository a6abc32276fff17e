using System;
using System.Threading;

// An exception no frame of a worker thread catches ends the whole process with .NET's report (stderr) and
// exit code, while the main thread is blocked in Join.
static class Program
{
    static void Main()
    {
        Console.WriteLine("starting worker");
        var worker = new Thread(() => Fail(3));
        worker.Start();
        worker.Join();
        Console.WriteLine("not reached: the process ended with the worker's exception");
    }

    static void Fail(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("worker failed");
        Fail(depth - 1);
    }
}
