using System;
using System.Runtime.CompilerServices;

class LazyInit
{
    public static int Value;
    public static string Name;
    static LazyInit() { Console.WriteLine("statics: LazyInit cctor runs on first use"); Value = 42; Name = "lazy"; }
}

class ArgDependent
{
    public static readonly int ArgCount = Environment.GetCommandLineArgs().Length;
    public static readonly string First = ArgCount > 1 ? Environment.GetCommandLineArgs()[1] : "none";
}

class Chain
{
    public static int Order;
    static Chain() { Order = ChainDep.Value + 1; }
}
class ChainDep
{
    public static int Value;
    static ChainDep() { Value = 10; Console.WriteLine("statics: ChainDep cctor runs first"); }
}

class Faulty
{
    public static int Value = Environment.GetCommandLineArgs().Length > 0 ? throw new InvalidOperationException("cctor failed") : 1;
}

class TlsHolder
{
    [ThreadStatic] public static int Counter;
    [ThreadStatic] public static string Label;
    [ThreadStatic] public static long Big;
    [ThreadStatic] public static System.Collections.Generic.List<string> Chain;
}

class TlsWithCctor
{
    [ThreadStatic] public static int Seed;
    public static int Runs;
    static TlsWithCctor() { Runs = Environment.GetCommandLineArgs().Length; }
}

class GenericStatic<T>
{
    public static int Hits;
    public static T Last;
    static GenericStatic() { Hits = 100; }
}

static class Statics
{
    // Separate, non-inlined steps: no register or live frame holds the thread-static storage during the GC,
    // so only the TLS block (a registered root range) keeps it alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void FillThreadStatics()
    {
        TlsHolder.Chain = new System.Collections.Generic.List<string>();
        for (int i = 0; i < 100; i++) TlsHolder.Chain.Add("item" + i.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ChurnAndCollect()
    {
        // After the collection, allocate objects of the same sizes as the thread-static graph so that any of
        // its memory freed by mistake gets reused and overwritten.
        GC.Collect();
        object[] sink = new object[8];
        for (int i = 0; i < 3000; i++)
        {
            sink[i & 7] = new System.Collections.Generic.List<string>();
            sink[(i + 1) & 7] = new string[128];
            sink[(i + 2) & 7] = "gone" + i.ToString();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static string ReadThreadStatics() => TlsHolder.Chain.Count.ToString() + " " + TlsHolder.Chain[99];

    public static void Run()
    {
        FillThreadStatics();
        ChurnAndCollect();
        Console.WriteLine("thread statics survive GC: " + ReadThreadStatics());
        Console.WriteLine("statics: before first use");
        int v = LazyInit.Value;
        Console.WriteLine("statics: lazy value " + v.ToString() + " " + LazyInit.Name);
        Console.WriteLine("statics: args " + ArgDependent.ArgCount.ToString() + " " + ArgDependent.First);
        Console.WriteLine("statics: chained " + Chain.Order.ToString());

        for (int attempt = 0; attempt < 2; attempt++)
        {
            try { Console.WriteLine("statics: faulty " + Faulty.Value.ToString()); }
            catch (TypeInitializationException e) { Console.WriteLine("statics: TypeInitializationException: " + e.Message); }
        }

        GenericStatic<int>.Hits++;
        GenericStatic<string>.Last = "s";
        Console.WriteLine("statics: generic " + GenericStatic<int>.Hits.ToString() + " " + GenericStatic<string>.Hits.ToString() + " " + GenericStatic<string>.Last);

        TlsHolder.Counter += 5;
        TlsHolder.Counter++;
        TlsHolder.Label = "tls";
        TlsHolder.Big = 1L << 40;
        TlsWithCctor.Seed = 3;
        Console.WriteLine("thread statics: " + TlsHolder.Counter.ToString() + " " + TlsHolder.Label + " " + TlsHolder.Big.ToString() + " " + TlsWithCctor.Seed.ToString() + " " + TlsWithCctor.Runs.ToString());
    }
}
