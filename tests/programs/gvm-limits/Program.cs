using System;
using System.Collections.Generic;

// Generic virtual method calls DuneAot cannot run, because ilc leaves them to a runtime type loader that builds
// types and code at run time (DuneAot builds neither): each prints the NotSupportedException it throws, which
// names what is missing. GenericVirtualMethodTests asserts the lines.

abstract class Lister { public abstract int Fill<T>(T value); }
class ListFiller : Lister { public override int Fill<T>(T value) { var l = new List<T>(); l.Add(value); return l.Count; } }

abstract class Counter { public abstract int Depth<X>(X v, int n); }
class Mutual : Counter
{
    public override int Depth<X>(X v, int n) => n <= 0 ? 0 : 1 + Other(v, n - 1);
    public virtual int Other<Y>(Y v, int n) => n <= 0 ? 0 : 10 + Depth(v, n - 1);
}

static class Program
{
    static void Case(string name, Func<string> body)
    {
        try { Console.WriteLine(name + ": " + body()); }
        catch (NotSupportedException e) { Console.WriteLine(name + ": " + e.Message); }
    }

    static int Main()
    {
        Lister lister = new ListFiller();
        Case("a type ilc did not compile", () => lister.Fill(1).ToString() + lister.Fill("x").ToString());
        Counter counter = new Mutual();
        Case("a method reached only through shared code", () => counter.Depth(1, 3).ToString() + " " + counter.Depth("s", 3).ToString());
        return 0;
    }
}
