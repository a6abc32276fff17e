using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Dune.Platform;

/// <summary>Exercises the garbage collector; the first argument picks the scenario (see Main).</summary>
static class Program
{
    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        int first = 1;
        if (args.Length > 1 && args[1] == "dune")
        {
            // The same scenario in ring 0 (the test VM runs these): the heap then grows through hypercalls.
            Dune.DuneMode.Enter();
            first = 2;
        }
        string mode = args.Length > first ? args[first] : "";
        if (mode == "churn") return Churn.Run();
        if (mode == "tree") return Tree.Run();
        if (mode == "roots") return Roots.Run();
        if (mode == "free") return Free.Run();
        if (mode == "roundtrip") return RoundTrip.Run();
        if (mode == "statics") return StaticsCheck.Run(args);
        if (mode == "oom") return OutOfMemory.Run();
        if (mode == "exceptions") return Exceptions.Run();
        if (mode == "collections") return Collections.Run();
        Console.WriteLine("usage: gc [dune] churn|tree|roots|free|roundtrip|statics|oom|exceptions|collections");
        return 2;
    }
}

class Node
{
    public Node Next, Left, Right;
    public int Value;
    public string Label;
    public int[] Payload;

    public Node(int value)
    {
        Value = value;
        Label = "n" + value.ToString();
        Payload = new int[] { value, value * 3, value ^ 0x5555 };
    }

    public bool Check(int value) =>
        Value == value && Label == "n" + value.ToString() && Payload.Length == 3 &&
        Payload[0] == value && Payload[1] == value * 3 && Payload[2] == (value ^ 0x5555);
}

abstract class Shape
{
    public abstract long Area();
}

sealed class Rect : Shape
{
    public long W, H;
    public Rect(long w, long h) { W = w; H = h; }
    public override long Area() => W * H;
}

sealed class Square : Shape
{
    public long Side;
    public Square(long side) { Side = side; }
    public override long Area() => Side * Side;
}

/// <summary>Allocation that dies young, in every size class and some large objects.</summary>
static class Garbage
{
    public static long Sink;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Make(long bytes)
    {
        long made = 0;
        int i = 0;
        while (made < bytes)
        {
            int kind = i++ % 6;
            if (kind == 0) { var n = new Node(i); Sink += n.Value; made += 120; }
            else if (kind == 1) { var a = new byte[(i * 37) % 3000]; Sink += a.Length; made += a.Length + 24; }
            else if (kind == 2) { var a = new long[(i * 13) % 700]; Sink += a.Length; made += a.Length * 8 + 24; }
            else if (kind == 3) { var a = new object[(i * 7) % 64 + 1]; a[0] = new Square(i); made += a.Length * 8 + 56; }
            else if (kind == 4) { var s = "garbage-" + i.ToString(); Sink += s.Length; made += 2 * s.Length + 60; }
            else if (i % 60 == 5) { var big = new int[(i % 7 + 1) * 8192]; big[big.Length - 1] = i; Sink += big[big.Length - 1]; made += big.Length * 4; }
        }
    }
}

/// <summary>(a) Allocate more than 200x a ~1 MB live set; memory must stay bounded.</summary>
static class Churn
{
    public static int Run()
    {
        var live = new byte[1024][];
        for (int i = 0; i < live.Length; i++) live[i] = Filled(i);
        long allocated = 0;
        int round = 0;
        while (allocated < 256L << 20)
        {
            Garbage.Make(1 << 20);
            allocated += 1 << 20;
            int slot = (round * 97) % live.Length;
            live[slot] = Filled(slot);
            round++;
        }
        for (int i = 0; i < live.Length; i++)
        {
            byte[] b = live[i];
            if (b.Length != 1000 || b[0] != (byte)i || b[999] != (byte)(i * 999)) { Console.WriteLine("churn: live array damaged"); return 1; }
        }
        GCHeapStatistics stats = GC.GetHeapStatistics();
        Console.WriteLine("churn: ok");
        Console.WriteLine("collections: " + stats.Collections.ToString());
        Console.WriteLine("peak-rss-kb: " + ProcStatus.Read("VmHWM:").ToString());
        Console.WriteLine("mapped-kb: " + (stats.MappedBytes / 1024).ToString());
        Console.WriteLine("allocated-mb: " + (stats.AllocatedBytesTotal >> 20).ToString());
        return 0;
    }

    static byte[] Filled(int i)
    {
        var b = new byte[1000];
        for (int k = 0; k < b.Length; k++) b[k] = (byte)(i * k);
        b[0] = (byte)i;
        return b;
    }
}

/// <summary>(b) A 100k-node tree and list survive many collections while garbage churns.</summary>
static class Tree
{
    const int Count = 100_000;

    public static int Run()
    {
        Node root = Build(0, Count);
        Node list = null;
        for (int i = Count - 1; i >= 0; i--) { var n = new Node(i); n.Next = list; list = n; }
        int before = GC.CollectionCount(0);
        for (int round = 0; round < 20; round++) { Garbage.Make(4 << 20); if (round % 2 == 0) GC.Collect(); }
        int collections = GC.CollectionCount(0) - before;

        int checkedTree = CheckTree(root, 0, Count);
        int checkedList = 0;
        for (Node n = list; n != null; n = n.Next)
        {
            if (!n.Check(checkedList)) { Console.WriteLine("tree: list node damaged at " + checkedList.ToString()); return 1; }
            checkedList++;
        }
        Console.WriteLine("tree: " + checkedTree.ToString() + " nodes ok");
        Console.WriteLine("list: " + checkedList.ToString() + " nodes ok");
        Console.WriteLine(collections >= 10 ? "collections: at least 10" : "collections: only " + collections.ToString());
        return 0;
    }

    /// <summary>Balanced tree over [lo, hi): the root holds the middle value.</summary>
    static Node Build(int lo, int hi)
    {
        if (lo >= hi) return null;
        int mid = (lo + hi) / 2;
        var n = new Node(mid);
        n.Left = Build(lo, mid);
        n.Right = Build(mid + 1, hi);
        return n;
    }

    static int CheckTree(Node n, int lo, int hi)
    {
        if (lo >= hi) return n == null ? 0 : -1_000_000;
        int mid = (lo + hi) / 2;
        if (n == null || !n.Check(mid)) return -1_000_000;
        return 1 + CheckTree(n.Left, lo, mid) + CheckTree(n.Right, mid + 1, hi);
    }
}

struct Pair
{
    public Node First;
    public long Tag;
    public Shape Second;
}

struct Triple
{
    public int A, B, C;
}

static class RootHolders
{
    public static Node OnlyFromStatic;
    public static object[] Array = new object[4];
}

static class Cache<T>
{
    public static T[] Items = new T[Environment.GetCommandLineArgs().Length + 3];
}

static class PerThread
{
    [ThreadStatic] public static Node Value;
}

sealed class Box
{
    public Node Content;
}

/// <summary>(c) Objects reachable only from a static, a local, a struct local, an array of structs, a static array, an object the JIT may place on the stack.</summary>
static class Roots
{
    public static int Run()
    {
        RootHolders.OnlyFromStatic = new Node(1);
        Node local = new Node(2);
        Pair pair;
        pair.First = new Node(3);
        pair.Tag = 33;
        pair.Second = new Rect(3, 11);
        var pairs = new Pair[50];
        for (int i = 0; i < pairs.Length; i++) { pairs[i].First = new Node(100 + i); pairs[i].Tag = i; pairs[i].Second = new Square(i); }
        RootHolders.Array[1] = new Node(4);
        var box = new Box();
        box.Content = new Node(5);
        PerThread.Value = new Node(6);
        Cache<Node>.Items[2] = new Node(7);
        Cache<string>.Items[1] = "g" + local.Value.ToString();

        Settle();

        Report("static", RootHolders.OnlyFromStatic.Check(1));
        Report("local", local.Check(2));
        Report("struct local", pair.First.Check(3) && pair.Tag == 33 && pair.Second.Area() == 33);
        bool arrayOk = true;
        for (int i = 0; i < pairs.Length; i++)
            arrayOk &= pairs[i].First.Check(100 + i) && pairs[i].Tag == i && pairs[i].Second.Area() == (long)i * i;
        Report("array of structs", arrayOk);
        Report("static array", ((Node)RootHolders.Array[1]).Check(4));
        Report("stack object", box.Content.Check(5));
        Report("thread static", PerThread.Value.Check(6));
        Report("generic static", Cache<Node>.Items[2].Check(7) && Cache<string>.Items[1] == "g2");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Settle()
    {
        for (int i = 0; i < 5; i++) { Garbage.Make(8 << 20); GC.Collect(); }
    }

    static void Report(string what, bool ok) => Console.WriteLine(what + ": " + (ok ? "ok" : "LOST"));
}

/// <summary>(d) Collect frees what is unreachable, small and large.</summary>
static class Free
{
    static object[] s_objects;
    static int[] s_large;

    public static int Run()
    {
        GC.Collect();
        GCHeapStatistics start = GC.GetHeapStatistics();
        Fill();
        GC.Collect();
        GCHeapStatistics held = GC.GetHeapStatistics();
        Console.WriteLine(held.LiveBytesAfterLastCollection - start.LiveBytesAfterLastCollection >= 10_000 * 96 + (4 << 20)
            ? "held: live bytes grew by the objects" : "held: live bytes did not grow");
        s_objects = null;
        s_large = null;
        GC.Collect();
        GCHeapStatistics freed = GC.GetHeapStatistics();
        long freedBytes = freed.FreedBytesTotal - held.FreedBytesTotal;
        long freedObjects = freed.FreedObjectsTotal - held.FreedObjectsTotal;
        Console.WriteLine(freedObjects >= 10_001 ? "freed: objects" : "freed: only " + freedObjects.ToString() + " objects");
        Console.WriteLine(freedBytes >= 10_000 * 96 + (4 << 20) ? "freed: bytes" : "freed: only " + freedBytes.ToString() + " bytes");
        Console.WriteLine(held.MappedBytes - freed.MappedBytes >= 4 << 20 ? "unmapped: large object" : "unmapped: large object still mapped");
        Console.WriteLine(freed.LiveBytesAfterLastCollection <= start.LiveBytesAfterLastCollection + 65536 ? "live: back to start" : "live: still high");
        Console.WriteLine(GC.GetTotalMemory(true) == freed.LiveBytesAfterLastCollection ? "total memory: live bytes" : "total memory: mismatch");
        Console.WriteLine(freed.Collections == GC.CollectionCount(0) - 1 ? "count: ok" : "count: mismatch");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Fill()
    {
        s_objects = new object[10_000];
        for (int i = 0; i < s_objects.Length; i++) s_objects[i] = new Ten();
        s_large = new int[1 << 20];
    }
}

/// <summary>96 bytes with the header and MethodTable pointer.</summary>
sealed class Ten
{
    public long A, B, C, D, E, F, G, H, I, J;
}

/// <summary>(e) Strings and arrays of every element size keep their contents across collections.</summary>
static class RoundTrip
{
    public static int Run()
    {
        const int N = 3000;
        var bools = new bool[N]; var bytes = new byte[N]; var chars = new char[N]; var shorts = new short[N];
        var ints = new int[N]; var floats = new float[N]; var longs = new long[N]; var doubles = new double[N];
        var triples = new Triple[N]; var strings = new string[N]; var shapes = new Shape[N]; var pairs = new Pair[N];
        for (int i = 0; i < N; i++)
        {
            bools[i] = i % 3 == 0; bytes[i] = (byte)(i * 7); chars[i] = (char)('A' + i % 26); shorts[i] = (short)(i * -11);
            ints[i] = i * 1_000_003; floats[i] = i * 0.5f; longs[i] = (long)i << 40; doubles[i] = i / 4.0;
            triples[i].A = i; triples[i].B = -i; triples[i].C = i * i;
            strings[i] = "s" + i.ToString() + "-" + Repeat((char)('a' + i % 26), i % 40);
            shapes[i] = i % 2 == 0 ? new Rect(i, 2) : new Square(i);
            pairs[i].First = new Node(i); pairs[i].Tag = -i; pairs[i].Second = shapes[i];
        }
        for (int round = 0; round < 10; round++) { Garbage.Make(4 << 20); GC.Collect(); }
        int bad = 0;
        for (int i = 0; i < N; i++)
        {
            if (bools[i] != (i % 3 == 0)) bad++;
            if (bytes[i] != (byte)(i * 7)) bad++;
            if (chars[i] != (char)('A' + i % 26)) bad++;
            if (shorts[i] != (short)(i * -11)) bad++;
            if (ints[i] != i * 1_000_003) bad++;
            if (floats[i] != i * 0.5f) bad++;
            if (longs[i] != (long)i << 40) bad++;
            if (doubles[i] != i / 4.0) bad++;
            if (triples[i].A != i || triples[i].B != -i || triples[i].C != i * i) bad++;
            if (strings[i] != "s" + i.ToString() + "-" + Repeat((char)('a' + i % 26), i % 40)) bad++;
            if (shapes[i].Area() != (i % 2 == 0 ? 2L * i : (long)i * i)) bad++;
            if (!pairs[i].First.Check(i) || pairs[i].Tag != -i || pairs[i].Second != shapes[i]) bad++;
        }
        Console.WriteLine("roundtrip: " + bad.ToString() + " mismatches");
        return bad == 0 ? 0 : 1;
    }

    static string Repeat(char c, int count)
    {
        string s = "";
        for (int i = 0; i < count; i++) s += c.ToString();
        return s;
    }
}

/// <summary>A static that ilc cannot preinitialize (it depends on the command line) next to ones it can.</summary>
static class CommandLine
{
    public static string[] Args = Environment.GetCommandLineArgs();
    public static string Greeting = "hello";
    public static int[] Numbers = new int[] { 1, 2, 3 };
}

/// <summary>ilc preinitializes these: the statics object starts as a copy of data in the image whose string
/// field points at a frozen literal.</summary>
static class Preinitialized
{
    public static Pair Value = new Pair { Tag = 42 };
    public static string Text = "frozen";
}

static class StaticsCheck
{
    public static int Run(string[] args)
    {
        Preinitialized.Value.First = new Node(7);
        Preinitialized.Text = Preinitialized.Text + "+heap";
        Garbage.Make(16 << 20);
        GC.Collect();
        Console.WriteLine("preinitialized: " + Preinitialized.Value.Tag.ToString() + " " + Preinitialized.Text + " " + (Preinitialized.Value.First.Check(7) ? "ok" : "LOST"));
        Console.WriteLine("args: " + CommandLine.Args.Length.ToString() + " last=" + CommandLine.Args[CommandLine.Args.Length - 1]);
        Console.WriteLine("greeting: " + CommandLine.Greeting);
        Console.WriteLine("numbers: " + (CommandLine.Numbers[0] + CommandLine.Numbers[1] + CommandLine.Numbers[2]).ToString());
        return 0;
    }
}

/// <summary>Run under a virtual memory limit: both a huge array and unbounded growth end in OutOfMemoryException, and the heap works afterwards.</summary>
static class OutOfMemory
{
    static Node[] s_hoard;

    public static int Run()
    {
        try
        {
            var huge = new long[200_000_000];
            huge[huge.Length - 1] = 3;
            Console.WriteLine("huge array: allocated " + huge[huge.Length - 1].ToString());
        }
        catch (OutOfMemoryException)
        {
            Console.WriteLine("huge array: OutOfMemoryException");
        }
        int filled = 0;
        try
        {
            s_hoard = new Node[1 << 20];
            for (; filled < s_hoard.Length; filled++) s_hoard[filled] = new Node(filled);
            Console.WriteLine("growth: never ran out");
        }
        catch (OutOfMemoryException)
        {
            Console.WriteLine(filled > 10_000 ? "growth: OutOfMemoryException" : "growth: ran out early at " + filled.ToString());
        }
        bool intact = true;
        for (int i = 0; i < filled; i++) intact &= s_hoard[i].Check(i);
        Console.WriteLine(intact ? "hoard: intact" : "hoard: damaged");
        s_hoard = null;
        Garbage.Make(32 << 20);
        var after = new Node(5);
        Console.WriteLine(after.Check(5) ? "after: ok" : "after: damaged");
        return 0;
    }
}

/// <summary>Collections while exceptions are thrown, caught and rethrown through finally blocks.</summary>
static class Exceptions
{
    public static int Run()
    {
        int caught = 0, finallies = 0;
        for (int i = 0; i < 20_000; i++)
        {
            try
            {
                Thrower(i, ref finallies);
            }
            catch (InvalidOperationException e)
            {
                var n = new Node(i);
                Garbage.Make(2048);
                if (e.Message == "failure " + i.ToString() && n.Check(i)) caught++;
            }
            if (i % 1000 == 0) GC.Collect();
        }
        Console.WriteLine("caught: " + caught.ToString());
        Console.WriteLine("finally blocks: " + finallies.ToString());
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Thrower(int i, ref int finallies)
    {
        var before = new Node(i);
        try
        {
            Garbage.Make(4096);
            throw new InvalidOperationException("failure " + i.ToString());
        }
        finally
        {
            Garbage.Make(1024);
            if (before.Check(i)) finallies++;
        }
    }
}

/// <summary>Lists, dictionaries and closures (delegate + display class) keep their contents across collections.</summary>
static class Collections
{
    public static int Run()
    {
        const int N = 50_000;
        var list = new List<Node>();
        var map = new Dictionary<int, string>();
        for (int i = 0; i < N; i++)
        {
            list.Add(new Node(i));
            map[i * 7] = "v" + i.ToString();
            if (i % 5000 == 0) Garbage.Make(1 << 20);
        }
        var captured = new Node(11);
        long sum = 0;
        Action<int> accumulate = k => sum += k + captured.Value;
        for (int round = 0; round < 8; round++) { Garbage.Make(4 << 20); GC.Collect(); }

        int bad = 0;
        for (int i = 0; i < N; i++)
        {
            if (!list[i].Check(i)) bad++;
            if (!map.TryGetValue(i * 7, out string v) || v != "v" + i.ToString()) bad++;
        }
        for (int k = 0; k < 10; k++) accumulate(k);
        Console.WriteLine("list and dictionary: " + bad.ToString() + " mismatches, " + list.Count.ToString() + " + " + map.Count.ToString() + " entries");
        Console.WriteLine("closure: " + sum.ToString());
        return bad == 0 ? 0 : 1;
    }
}

/// <summary>Reads a "Name: value kB" line of /proc/self/status.</summary>
static unsafe class ProcStatus
{
    public static long Read(string key)
    {
        byte* path = stackalloc byte[20];
        string p = "/proc/self/status";
        for (int i = 0; i < p.Length; i++) path[i] = (byte)p[i];
        path[p.Length] = 0;
        long fd = Syscall.Invoke(SyscallNumber.Open, (long)path, 0, 0);
        if (fd < 0) return -1;
        byte* buffer = stackalloc byte[8192];
        long n = Syscall.Invoke(SyscallNumber.Read, fd, (long)buffer, 8191);
        Syscall.Invoke(SyscallNumber.Close, fd);
        if (n <= 0) return -1;
        string text = string.FromUtf8(buffer, (int)n);
        int at = text.IndexOf(key);
        if (at < 0) return -1;
        long value = 0;
        for (int i = at + key.Length; i < text.Length && text[i] != '\n'; i++)
            if (text[i] >= '0' && text[i] <= '9') value = value * 10 + (text[i] - '0');
        return value;
    }
}
