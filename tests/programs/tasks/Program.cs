using System;
using System.Threading;
using System.Threading.Tasks;

// The small thread pool: results are printed by the main thread in a fixed order.
static class Program
{
    static int Main()
    {
        Tasks();
        return 0;
    }

    static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);

    static void Fail(string message) => throw new InvalidOperationException(message);

    /// <summary>The thread pool: Task.Run, Wait, Result, WaitAll, WhenAll and Parallel.For.</summary>
    static void Tasks()
    {
        Task<int> answer = Task.Run(() => 6 * 7);
        Console.WriteLine("task result: " + answer.Result + ", status " + answer.Status);
        var fibs = new Task<int>[8];
        for (int i = 0; i < fibs.Length; i++)
        {
            int n = 15 + i % 4;
            fibs[i] = Task.Run(() => Fib(n));
        }
        Task.WaitAll(fibs);
        Console.WriteLine("when all: " + string.Join(",", Task.WhenAll(fibs).Result));
        int ran = 0;
        Task.WhenAll(Task.Run(() => { Interlocked.Increment(ref ran); }), Task.CompletedTask, Task.FromResult(1)).Wait();
        Console.WriteLine("when all of actions: " + ran);
        Task failing = Task.Run(() => Fail("task failed"));
        try
        {
            failing.Wait();
        }
        catch (AggregateException e)
        {
            Console.WriteLine("wait: " + e.Message + " [" + e.InnerExceptions[0].GetType().Name + "], faulted " + failing.IsFaulted + ", " + failing.Status);
        }
        try
        {
            Task.WhenAll(Task.Run(() => Fail("first")), Task.Run(() => { }), Task.Run(() => Fail("second"))).Wait();
        }
        catch (AggregateException e)
        {
            Console.WriteLine("when all failed: " + e.InnerExceptions.Count + " inner");
        }
        var squares = new long[1000];
        Parallel.For(0, squares.Length, i => squares[i] = (long)i * i);
        long sum = 0;
        foreach (long s in squares) sum += s;
        Console.WriteLine("parallel for: " + sum);
        try
        {
            Parallel.For(0, 100, i => { if (i == 57) Fail("iteration 57"); });
        }
        catch (AggregateException e)
        {
            Console.WriteLine("parallel for failed: " + e.Message);
        }
    }
}
