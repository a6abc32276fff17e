using System;
using System.Collections.Generic;

namespace Conformance.Records
{
    record Point(int X, int Y);
    record Point3(int X, int Y, int Z) : Point(X, Y);
    record Named(string Name, int[] Tags)
    {
        public int Extra { get; init; }
    }
    record struct Pair(int A, string B);
    readonly record struct Money(long Cents, string Currency);
    record Empty;
    record WithBody(int Value)
    {
        public override string ToString() => "custom " + Value;
    }
    sealed record Leaf(string Name, Leaf Child);
    record Generic<T>(T Item, List<T> Items);

    static class Program
    {
        static void P(string label, object value) => Console.WriteLine(label + ": " + (value == null ? "null" : value.ToString()));

        static int Main()
        {
            Tuples();
            Records();
            RecordStructs();
            Lazies();
            return 0;
        }

        static (int Min, int Max) MinMax(int[] values)
        {
            int min = values[0], max = values[0];
            foreach (int v in values) { if (v < min) min = v; if (v > max) max = v; }
            return (min, max);
        }

        static void Tuples()
        {
            var t2 = (1, "a");
            P("tuple2", t2);
            P("tuple items", t2.Item1 + " " + t2.Item2);
            var named = MinMax(new[] { 4, -2, 9 });
            P("named", named + " " + named.Min + " " + named.Max);
            var (lo, hi) = named;
            P("deconstruct", lo + " " + hi);
            P("tuple1", ValueTuple.Create(5));
            P("tuple3", (1, 2.5f == 2.5f, 'c'));
            P("tuple7", (1, 2, 3, 4, 5, 6, 7));
            P("tuple8", (1, 2, 3, 4, 5, 6, 7, 8));
            P("tuple10", (1, 2, 3, 4, 5, 6, 7, 8, 9, "ten"));
            P("tuple nulls", ((string)null, (object)null, 3));
            P("tuple nested", ((1, 2), (3, (4, "x"))));
            P("empty tuple", new ValueTuple());
            P("equals", (1, "a").Equals((1, "a")) + " " + (1, "a").Equals((1, "b")) + " " + (1, "a").Equals((object)(1, "a")) + " " + (1, "a").Equals("x"));
            P("operator ==", ((1, "a") == (1, "a")) + " " + ((1, 2) != (1, 3)));
            P("equals 8", (1, 2, 3, 4, 5, 6, 7, 8).Equals((1, 2, 3, 4, 5, 6, 7, 8)) + " " + (1, 2, 3, 4, 5, 6, 7, 8).Equals((1, 2, 3, 4, 5, 6, 7, 9)));
            P("hash equal", (1, "a").GetHashCode() == (1, "a").GetHashCode());
            P("compare", (1, 2).CompareTo((1, 3)) + " " + (2, 0).CompareTo((1, 9)) + " " + (1, "b").CompareTo((1, "b")) + " " + ((IComparable)(1, 2)).CompareTo(null));
            var list = new List<(string Name, int Score)> { ("x", 3), ("y", 1) };
            list.Add(("z", 2));
            P("list of tuples", list[2] + " " + list.Count);
            var dict = new Dictionary<(int, int), string>();
            dict[(1, 2)] = "one-two";
            dict[(2, 1)] = "two-one";
            P("tuple keys", dict[(1, 2)] + " " + dict[(2, 1)] + " " + dict.ContainsKey((1, 1)));
            var mutable = (A: 1, B: 2);
            mutable.A = 10;
            (mutable.A, mutable.B) = (mutable.B, mutable.A);
            P("swap", mutable);
            var rt = Tuple.Create(1, "b", 2.5f == 2.5f);
            P("reference tuple", rt + " " + rt.Item2 + " " + rt.Equals(Tuple.Create(1, "b", true)) + " " + rt.Equals(Tuple.Create(1, "c", true)) + " " + (rt.GetHashCode() == Tuple.Create(1, "b", true).GetHashCode()));
            P("reference tuple compare", ((IComparable)Tuple.Create(1, "a")).CompareTo(Tuple.Create(1, "b")) + " " + Tuple.Create((string)null) + " " + Tuple.Create(1, 2, 3, 4, 5, 6, 7));
        }

        static void Records()
        {
            var p = new Point(1, 2);
            P("record", p);
            P("record equal", (p == new Point(1, 2)) + " " + (p != new Point(2, 1)) + " " + p.Equals(new Point(1, 2)) + " " + p.Equals((object)null) + " " + ReferenceEquals(p, new Point(1, 2)));
            P("record hash", p.GetHashCode() == new Point(1, 2).GetHashCode());
            var q = p with { Y = 5 };
            P("with", q + " " + p);
            var (x, y) = q;
            P("deconstruct", x + " " + y);
            var p3 = new Point3(1, 2, 3);
            P("derived", p3);
            P("derived vs base", p3.Equals(new Point(1, 2)) + " " + new Point(1, 2).Equals(p3) + " " + (p3 == new Point3(1, 2, 3)));
            Point asBase = p3;
            P("with derived", asBase with { X = 9 });
            var n = new Named("n", new[] { 1 }) { Extra = 7 };
            P("named", n);
            P("named equal", n.Equals(new Named("n", new[] { 1 }) { Extra = 7 }) + " " + n.Equals(n with { }));
            P("null member", new Named(null, null));
            P("empty", new Empty() + " " + new Empty().Equals(new Empty()));
            P("custom tostring", new WithBody(3));
            var leaf = new Leaf("a", new Leaf("b", null));
            P("nested", leaf);
            P("generic", new Generic<int>(4, null));
            P("type", p.GetType().Name + " " + p3.GetType().FullName);
        }

        static void RecordStructs()
        {
            var a = new Pair(1, "x");
            P("record struct", a);
            P("record struct equal", (a == new Pair(1, "x")) + " " + a.Equals(new Pair(2, "x")) + " " + a.Equals((object)new Pair(1, "x")));
            a.A = 5;
            P("mutable", a);
            var b = a with { B = "y" };
            P("with", b + " " + a);
            var m = new Money(1999, "EUR");
            P("readonly", m + " " + (m == new Money(1999, "EUR")));
            var (cents, cur) = m;
            P("deconstruct", cents + " " + cur);
            P("default", default(Pair) + " " + default(Money));
            P("hash", a.GetHashCode() == new Pair(5, "x").GetHashCode());
        }

        static void Lazies()
        {
            int runs = 0;
            var lazy = new Lazy<int>(() => { runs++; return 42; });
            P("lazy before", lazy.IsValueCreated + " " + runs + " " + lazy);
            P("lazy value", lazy.Value + " " + lazy.Value + " " + runs + " " + lazy.IsValueCreated + " " + lazy);
            var ready = new Lazy<string>("now");
            P("lazy preset", ready.IsValueCreated + " " + ready.Value);
            var nullValue = new Lazy<string>(() => null);
            P("lazy null", nullValue.Value == null);
            try { P("lazy null tostring", nullValue.ToString()); } catch (NullReferenceException) { P("lazy null tostring", "NullReferenceException"); }
            int attempts = 0;
            var failing = new Lazy<int>(() => { attempts++; throw new InvalidOperationException("boom " + attempts); });
            for (int i = 0; i < 2; i++)
            {
                try { P("lazy failing", failing.Value); }
                catch (InvalidOperationException e) { P("lazy failing", e.Message + " " + failing.IsValueCreated); }
            }
            int publication = 0;
            var retry = new Lazy<int>(() => { if (++publication == 1) throw new ArgumentException("first"); return publication; }, System.Threading.LazyThreadSafetyMode.PublicationOnly);
            try { P("lazy publication", retry.Value); } catch (ArgumentException e) { P("lazy publication", e.Message); }
            P("lazy publication", retry.Value);
            Lazy<int> self = null;
            self = new Lazy<int>(() => self.Value + 1);
            try { P("lazy recursive", self.Value); } catch (InvalidOperationException e) { P("lazy recursive", e.Message); }
            try { new Lazy<int>((Func<int>)null); } catch (ArgumentNullException e) { P("lazy null factory", e.Message); }
        }
    }
}
