using System;
using System.Collections.Generic;
using System.Threading;

/// <summary>
/// Threads that make the first calls of generic virtual methods over shared code at the same moment: each such
/// call resolves its target and builds a generic dictionary (type handles, nested generic calls) while the others may be doing the same.
/// </summary>
static class SharedGenericDispatch
{
    private abstract class Visitor
    {
        public abstract string Visit<T>(T item) where T : class;
    }

    private sealed class Naming : Visitor
    {
        public override string Visit<T>(T item) => typeof(T).Name + ":" + Same(item).ToString();

        private static T Same<T>(T item) where T : class => item;
    }

    private sealed class Tagging : Visitor
    {
        public override string Visit<T>(T item) => "<" + Same(item).ToString() + "/" + typeof(T).Name + ">";

        private static T Same<T>(T item) where T : class => item;
    }

    private sealed class A { public override string ToString() => "a"; }
    private sealed class B { public override string ToString() => "b"; }
    private sealed class C { public override string ToString() => "c"; }
    private sealed class D { public override string ToString() => "d"; }

    private static int s_ready;

    private static string VisitAll(Visitor v) =>
        v.Visit(new A()) + "," + v.Visit(new B()) + "," + v.Visit(new C()) + "," + v.Visit(new D()) + "," + v.Visit("s") + "," + v.Visit(new object());

    public static void Run()
    {
        const int ThreadCount = 4;
        var results = new string[ThreadCount];
        var threads = new Thread[ThreadCount];
        for (int t = 0; t < ThreadCount; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                Interlocked.Increment(ref s_ready);
                while (Volatile.Read(ref s_ready) < ThreadCount) Thread.Yield();
                // Half the threads start with the other visitor, so both race on each one's first calls.
                string naming, tagging;
                if (index % 2 == 0)
                {
                    naming = VisitAll(new Naming());
                    tagging = VisitAll(new Tagging());
                }
                else
                {
                    tagging = VisitAll(new Tagging());
                    naming = VisitAll(new Naming());
                }
                results[index] = naming + " " + tagging;
            });
            threads[t].Start();
        }
        foreach (Thread thread in threads) thread.Join();
        bool same = true;
        for (int t = 1; t < ThreadCount; t++) same &= results[t] == results[0];
        Console.WriteLine("shared generic dispatch from " + ThreadCount + " threads: " + results[0] + " all threads agree: " + same);
    }
}
