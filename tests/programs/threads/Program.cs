using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

// Threads whose output is deterministic: workers compute, the main thread prints after joining them
// (the last section prints from a foreground thread that outlives Main, in a fixed order).
static class Program
{
    private static readonly object s_gate = new object();
    private static int s_locked;
    private static int s_interlocked;
    private static long s_interlocked64;
    [ThreadStatic] private static int t_mine;
    [ThreadStatic] private static string t_name;

    static int Main()
    {
        Counters();
        ProducerConsumer();
        Identities();
        PerThreadValues();
        SharedGraphs();
        Events();
        Timeouts();
        TightLoopDuringCollections();
        ManySequentialThreads();
        SharedGenericDispatch.Run();
        ConsoleFromThreads();
        OutlivingMain();
        Console.WriteLine("main returns");
        return 3;
    }

    static void RunAll(int count, Action<int> body)
    {
        var threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            int index = t;
            threads[t] = new Thread(() => body(index));
            threads[t].Start();
        }
        foreach (Thread thread in threads) thread.Join();
    }

    static void Counters()
    {
        const int iterations = 20000;
        RunAll(4, _ =>
        {
            for (int i = 0; i < iterations; i++)
            {
                lock (s_gate) s_locked++;
                Interlocked.Increment(ref s_interlocked);
                Interlocked.Add(ref s_interlocked64, 3);
            }
        });
        Console.WriteLine("lock counter: " + s_locked);
        Console.WriteLine("interlocked counter: " + s_interlocked);
        Console.WriteLine("interlocked 64-bit counter: " + s_interlocked64);
        int value = 5;
        Console.WriteLine("compare-exchange: " + Interlocked.CompareExchange(ref value, 9, 5) + " -> " + value + ", " + Interlocked.CompareExchange(ref value, 1, 5) + " -> " + value);
        string text = "a";
        Console.WriteLine("exchange reference: " + Interlocked.Exchange(ref text, "b") + " -> " + text);
    }

    /// <summary>Monitor.Wait/Pulse over a bounded queue: every item arrives, in order.</summary>
    static void ProducerConsumer()
    {
        const int items = 5000, capacity = 4;
        var queue = new Queue<int>();
        bool inOrder = true;
        long sum = 0;
        int received = 0;
        var consumer = new Thread(() =>
        {
            for (int expected = 0; expected < items; expected++)
            {
                int item;
                lock (queue)
                {
                    while (queue.Count == 0) Monitor.Wait(queue);
                    item = queue.Dequeue();
                    Monitor.PulseAll(queue);
                }
                if (item != expected) inOrder = false;
                sum += item;
                received++;
            }
        });
        var producer = new Thread(() =>
        {
            for (int i = 0; i < items; i++)
            {
                lock (queue)
                {
                    while (queue.Count == capacity) Monitor.Wait(queue);
                    queue.Enqueue(i);
                    Monitor.Pulse(queue);
                }
            }
        });
        consumer.Start();
        producer.Start();
        producer.Join();
        consumer.Join();
        Console.WriteLine("producer/consumer: received " + received + " in order " + inOrder + " sum " + sum);
    }

    static void Identities()
    {
        Thread main = Thread.CurrentThread;
        var ids = new int[5];
        var sameObject = new bool[5];
        var background = new bool[5];
        var threads = new Thread[5];
        for (int t = 0; t < 5; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                ids[index] = Environment.CurrentManagedThreadId;
                sameObject[index] = Thread.CurrentThread == threads[index];
                background[index] = Thread.CurrentThread.IsBackground;
            });
            threads[t].Name = "worker " + t;
            if (t % 2 == 1) threads[t].IsBackground = true;
        }
        Console.WriteLine("before start: alive " + threads[0].IsAlive + ", name " + threads[0].Name);
        foreach (Thread thread in threads) thread.Start();
        foreach (Thread thread in threads) Console.WriteLine("joined within a minute: " + thread.Join(60000));
        var distinct = new HashSet<int>(ids);
        distinct.Add(main.ManagedThreadId);
        Console.WriteLine("distinct managed ids: " + (distinct.Count == 6));
        Console.WriteLine("ids match Thread objects: " + (ids[2] == threads[2].ManagedThreadId));
        Console.WriteLine("CurrentThread is the started object: " + string.Join(",", sameObject));
        Console.WriteLine("IsBackground seen by each thread: " + string.Join(",", background));
        Console.WriteLine("after join: alive " + threads[0].IsAlive + ", main alive " + main.IsAlive + ", main is current " + (main == Thread.CurrentThread));
        try
        {
            threads[0].Start();
        }
        catch (ThreadStateException)
        {
            Console.WriteLine("restart: ThreadStateException");
        }
        var parameterized = new Thread(o => ids[0] = (int)o);
        parameterized.Start(42);
        parameterized.Join();
        Console.WriteLine("parameterized start: " + ids[0]);
    }

    static void PerThreadValues()
    {
        int created = 0;
        var local = new ThreadLocal<int>(() => Interlocked.Increment(ref created) * 0 + 100, trackAllValues: true);
        var seen = new string[4];
        t_mine = -1;
        t_name = "main";
        local.Value = 7;
        RunAll(4, index =>
        {
            bool freshStatic = t_mine == 0 && t_name == null;
            bool freshLocal = !local.IsValueCreated && local.Value == 100;
            t_mine = index * 10;
            t_name = "thread " + index;
            local.Value += index;
            for (int i = 0; i < 50; i++)
            {
                Thread.Yield();
                if (t_mine != index * 10 || t_name != "thread " + index || local.Value != 100 + index) freshStatic = false;
            }
            seen[index] = t_name + ": static " + t_mine + " local " + local.Value + " fresh " + (freshStatic && freshLocal);
        });
        foreach (string line in seen) Console.WriteLine(line);
        Console.WriteLine("main keeps: static " + t_mine + " " + t_name + " local " + local.Value);
        Console.WriteLine("factory runs: " + created);
        var values = new List<int>(local.Values);
        values.Sort();
        Console.WriteLine("tracked values: " + string.Join(",", values));
    }

    private sealed class Node
    {
        public Node Left, Right;
        public int Value;
        public string Label;
    }

    static Node Build(int depth, int seed)
    {
        var node = new Node { Value = seed, Label = seed.ToString() };
        if (depth > 0)
        {
            node.Left = Build(depth - 1, seed * 2 + 1);
            node.Right = Build(depth - 1, seed * 2 + 2);
        }
        return node;
    }

    static long Check(Node node)
    {
        if (node == null) return 0;
        if (node.Label != node.Value.ToString()) return -1_000_000_000;
        return node.Value + Check(node.Left) + Check(node.Right);
    }

    /// <summary>Each thread builds trees and hands them to the next thread, which verifies every node while the
    /// others keep allocating (and collecting).</summary>
    static void SharedGraphs()
    {
        const int threads = 4, rounds = 6, depth = 8;
        var mailboxes = new List<Node>[threads];
        for (int i = 0; i < threads; i++) mailboxes[i] = new List<Node>();
        var sums = new long[threads];
        RunAll(threads, index =>
        {
            long sum = 0;
            for (int round = 0; round < rounds; round++)
            {
                Node tree = Build(depth, round + index);
                var garbage = new List<string>();
                for (int i = 0; i < 200; i++) garbage.Add("g" + i);
                lock (mailboxes[(index + 1) % threads]) mailboxes[(index + 1) % threads].Add(tree);
                Node received = null;
                while (received == null)
                {
                    lock (mailboxes[index])
                    {
                        if (mailboxes[index].Count > 0)
                        {
                            received = mailboxes[index][0];
                            mailboxes[index].RemoveAt(0);
                        }
                    }
                    if (received == null) Thread.Yield();
                }
                sum += Check(received) + garbage.Count;
            }
            sums[index] = sum;
        });
        Console.WriteLine("shared graph checksums: " + string.Join(",", sums));
    }

    static void Events()
    {
        var gate = new ManualResetEventSlim(false);
        var done = new CountdownEvent(4);
        var semaphore = new SemaphoreSlim(2, 2);
        int inside = 0, maxInside = 0, passed = 0;
        var threads = new Thread[4];
        for (int t = 0; t < 4; t++)
        {
            threads[t] = new Thread(() =>
            {
                gate.Wait();
                for (int i = 0; i < 20; i++)
                {
                    semaphore.Wait();
                    int now = Interlocked.Increment(ref inside);
                    int max;
                    while (now > (max = Volatile.Read(ref maxInside)) && Interlocked.CompareExchange(ref maxInside, now, max) != max) { }
                    Thread.Yield();
                    Interlocked.Decrement(ref inside);
                    semaphore.Release();
                }
                Interlocked.Increment(ref passed);
                done.Signal();
            });
            threads[t].Start();
        }
        Thread.Sleep(20);
        Console.WriteLine("before the gate opens: passed " + Volatile.Read(ref passed) + ", countdown " + done.CurrentCount + ", set " + gate.IsSet);
        gate.Set();
        done.Wait();
        Console.WriteLine("after countdown: passed " + passed + ", countdown set " + done.IsSet + ", semaphore " + semaphore.CurrentCount + ", at most two inside " + (maxInside <= 2 && maxInside >= 1));
        foreach (Thread thread in threads) thread.Join();
        var spinner = new SpinWait();
        for (int i = 0; i < 15; i++) spinner.SpinOnce();
        Console.WriteLine("spin count: " + spinner.Count + ", spin until: " + SpinWait.SpinUntil(() => true, 0));
    }

    static void Timeouts()
    {
        var held = new ManualResetEventSlim(false);
        var release = new ManualResetEventSlim(false);
        var holder = new Thread(() =>
        {
            lock (s_gate)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        held.Wait();
        Console.WriteLine("try-enter a held lock: " + Monitor.TryEnter(s_gate) + ", with 30 ms: " + Monitor.TryEnter(s_gate, 30));
        release.Set();
        holder.Join();
        bool taken = false;
        Monitor.TryEnter(s_gate, 1000, ref taken);
        Console.WriteLine("try-enter after release: " + taken + ", entered " + Monitor.IsEntered(s_gate));
        lock (s_gate) Console.WriteLine("recursive enter: " + Monitor.IsEntered(s_gate) + ", wait with no pulse: " + Monitor.Wait(s_gate, 20));
        Monitor.Exit(s_gate);
        Console.WriteLine("entered after exit: " + Monitor.IsEntered(s_gate));
        try
        {
            Monitor.Exit(s_gate);
        }
        catch (SynchronizationLockException e)
        {
            Console.WriteLine("exit without enter: " + e.Message);
        }
        Console.WriteLine("empty semaphore: " + new SemaphoreSlim(0).Wait(10) + ", unset event: " + new ManualResetEventSlim().Wait(10));
    }

    /// <summary>A worker in a loop that neither allocates nor calls is stopped by the collections the main
    /// thread runs: its array lives only in its registers and stack.</summary>
    static void TightLoopDuringCollections()
    {
        long result = 0;
        var worker = new Thread(() =>
        {
            var data = new int[1000];
            for (int i = 0; i < data.Length; i++) data[i] = i;
            long sum = 0;
            for (int round = 0; round < 30000; round++)
                for (int i = 0; i < data.Length; i++) sum += data[i] ^ round;
            result = sum;
        });
        worker.Start();
        int collections = 0;
        while (worker.IsAlive && collections < 200)
        {
            var garbage = new int[1000][];
            for (int i = 0; i < garbage.Length; i++) garbage[i] = new int[i % 16];
            GC.Collect();
            collections++;
        }
        worker.Join();
        Console.WriteLine("tight loop result: " + result);
    }

    static void ManySequentialThreads()
    {
        int ran = 0;
        for (int i = 0; i < 300; i++)
        {
            var thread = new Thread(() => ran++);
            thread.Start();
            thread.Join();
        }
        Console.WriteLine("sequential threads: " + ran);
    }

    /// <summary>A foreground thread outlives Main (the process waits for it); a background thread does not.</summary>
    // Console.Out is synchronized on both runtimes, also after SetOut: a writer that emits one char per call
    // would interleave lines if any call through Console.Out ran outside the lock.
    static void ConsoleFromThreads()
    {
        TextWriter original = Console.Out;
        var recorder = new CharByCharWriter();
        Console.SetOut(recorder);
        RunAll(4, t =>
        {
            string line = new string((char)('a' + t), 64);
            for (int i = 0; i < 200; i++)
            {
                if ((i & 1) == 0) Console.Out.WriteLine(line);
                else Console.WriteLine(line);
            }
        });
        Console.SetOut(original);
        string[] lines = recorder.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int whole = 0;
        foreach (string line in lines)
            if (line.Length == 64 && line == new string(line[0], 64)) whole++;
        Console.WriteLine("console lines from threads: " + lines.Length + ", whole: " + whole);
        Console.WriteLine("synchronized twice is the same writer: " + ReferenceEquals(TextWriter.Synchronized(Console.Out), Console.Out));
    }

    sealed class CharByCharWriter : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            Thread.Yield();
        }

        public override void Write(string value)
        {
            foreach (char c in value) Write(c);
        }

        public override void WriteLine(string value)
        {
            Write(value);
            Write('\n');
        }
    }

    static void OutlivingMain()
    {
        var background = new Thread(() =>
        {
            while (true) Thread.Sleep(1000);
        });
        background.IsBackground = true;
        background.Start();
        var foreground = new Thread(() =>
        {
            Thread.Sleep(200);
            Console.WriteLine("foreground thread finishes after Main");
        });
        foreground.Start();
    }
}
