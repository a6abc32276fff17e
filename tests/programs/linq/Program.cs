using System;
using System.Collections.Generic;
using System.Linq;

namespace Conformance.Linq
{
    sealed class Person
    {
        public string Name;
        public int Age;
        public string City;
        public Person(string name, int age, string city) { Name = name; Age = age; City = city; }
        public override string ToString() => Name + "(" + Age + ")";
    }

    sealed class LengthComparer : IEqualityComparer<string>
    {
        public bool Equals(string x, string y) => x.Length == y.Length;
        public int GetHashCode(string s) => s.Length;
    }

    sealed class ReverseComparer : IComparer<int>
    {
        public int Compare(int x, int y) => y.CompareTo(x);
    }

    /// <summary>A sequence that logs every MoveNext, Current and Dispose, to show deferred execution.</summary>
    sealed class Logged : IEnumerable<int>
    {
        private readonly int[] _items;
        public static string Log = "";
        public Logged(params int[] items) { _items = items; }
        public IEnumerator<int> GetEnumerator()
        {
            Log += "[start]";
            try
            {
                foreach (int i in _items)
                {
                    Log += "<" + i + ">";
                    yield return i;
                }
                Log += "[end]";
            }
            finally { Log += "[dispose]"; }
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    static class Program
    {
        static readonly Person[] People =
        {
            new Person("Ann", 31, "Oslo"), new Person("Bob", 25, "Rome"), new Person("Cid", 31, "Oslo"),
            new Person("Dee", 19, "Lima"), new Person("Eve", 25, "Oslo"), new Person("Fay", 42, "Rome"),
        };

        static string S<T>(IEnumerable<T> items)
        {
            string text = "[";
            bool first = true;
            foreach (T item in items)
            {
                text += (first ? "" : ",") + (item == null ? "null" : item.ToString());
                first = false;
            }
            return text + "]";
        }

        static void P(string label, object value) => Console.WriteLine(label + ": " + (value == null ? "null" : value.ToString()));

        static void Try(string label, Func<object> action)
        {
            try { P(label, action()); }
            catch (Exception e) { Console.WriteLine(label + ": " + e.GetType().Name + ": " + e.Message); }
        }

        static int Main()
        {
            Filtering();
            Ordering();
            Grouping();
            Joins();
            Aggregates();
            Elements();
            Sets();
            Partitioning();
            Generation();
            Conversion();
            Deferred();
            Errors();
            return 0;
        }

        static void Filtering()
        {
            int[] numbers = { 5, -3, 0, 8, 13, -21, 8, 2 };
            P("where", S(numbers.Where(n => n > 0)));
            P("where index", S(numbers.Where((n, i) => i % 2 == 0)));
            P("select", S(numbers.Select(n => n * 2)));
            P("select index", S(numbers.Select((n, i) => i + ":" + n)));
            P("selectmany", S(new[] { new[] { 1, 2 }, new int[0], new[] { 3 } }.SelectMany(a => a)));
            P("selectmany index", S(new[] { 1, 2, 3 }.SelectMany((n, i) => Enumerable.Repeat(i, n))));
            P("selectmany result", S(new[] { 1, 2 }.SelectMany(n => new[] { "x", "y" }, (n, s) => s + n)));
            object[] mixed = { 1, "two", 3L, null, 4, "five", 6.5f };
            P("oftype int", S(mixed.OfType<int>()));
            P("oftype string", S(mixed.OfType<string>()));
            P("cast", S(new object[] { 1, 2, 3 }.Cast<int>()));
            P("zip", S(new[] { 1, 2, 3 }.Zip(new[] { "a", "b" })));
            P("zip selector", S(new[] { 1, 2, 3 }.Zip(new[] { 10, 20, 30, 40 }, (a, b) => a * b)));
        }

        static void Ordering()
        {
            P("orderby age", S(People.OrderBy(p => p.Age)));
            P("orderby desc age", S(People.OrderByDescending(p => p.Age)));
            P("thenby", S(People.OrderBy(p => p.City).ThenBy(p => p.Age)));
            P("thenbydesc", S(People.OrderBy(p => p.City).ThenByDescending(p => p.Name)));
            P("desc thenby", S(People.OrderByDescending(p => p.Age).ThenBy(p => p.City).ThenByDescending(p => p.Name)));
            P("stable", S(People.OrderBy(p => p.Age % 2)));
            P("stable desc", S(People.OrderByDescending(p => p.Age % 2)));
            P("order", S(new[] { 3, 1, -2, 3, 0 }.Order()));
            P("order desc", S(new[] { 3, 1, -2, 3, 0 }.OrderDescending()));
            P("order strings", S(new[] { "pear", "Apple", "apple", "fig", "" }.Order()));
            P("order comparer", S(new[] { 3, 1, 2 }.OrderBy(x => x, new ReverseComparer())));
            P("order nulls", S(new[] { "b", null, "a" }.OrderBy(x => x)));
            P("order empty", S(new int[0].OrderBy(x => x)));
            int calls = 0;
            var sorted = new[] { 4, 2, 9 }.OrderBy(x => { calls++; return x; });
            P("orderby deferred calls", calls);
            P("orderby result", S(sorted) + " calls " + calls);
            P("orderby twice", S(sorted) + " calls " + calls);
            var big = Enumerable.Range(0, 1000).Select(i => (i * 7919) % 1000).OrderBy(x => x).ToArray();
            bool ok = true;
            for (int i = 0; i < big.Length; i++) ok &= big[i] == i;
            P("orderby 1000", ok);
            // Take of a sorted view keeps only the first ones (by insertion up to 64, else a full sort): ties stay in source order.
            int[] tagged = Enumerable.Range(0, 300).Select(i => (i * 7919) % 97 * 1000 + i).ToArray();
            P("orderby take 5", S(tagged.OrderBy(x => x / 1000).Take(5)));
            P("orderby desc take 64", S(tagged.OrderByDescending(x => x / 1000).Take(64).Skip(56)));
            P("orderby take 65", S(tagged.OrderBy(x => x / 1000).Take(65).Skip(60)));
            P("thenby take", S(tagged.OrderBy(x => x % 3).ThenByDescending(x => x / 1000).Take(7)));
            P("orderby take all", S(tagged.OrderBy(x => x / 1000).Take(300).Skip(297)) + S(tagged.OrderBy(x => x / 1000).Take(1000).Skip(297)));
            P("orderby take one", S(new[] { 5, 3, 3, 9 }.OrderBy(x => x).Take(1)) + S(new int[0].OrderBy(x => x).Take(3)));
            int takeCalls = 0;
            var taken = tagged.OrderByDescending(x => { takeCalls++; return x / 1000; }).Take(3);
            P("orderby take deferred", takeCalls + " " + S(taken) + " " + takeCalls + " " + S(taken) + " " + takeCalls);
        }

        static void Grouping()
        {
            foreach (var g in People.GroupBy(p => p.City))
                P("group " + g.Key, S(g) + " count " + g.Count());
            foreach (var g in People.GroupBy(p => p.Age, p => p.Name))
                P("group age " + g.Key, S(g));
            P("group result", S(People.GroupBy(p => p.City, (city, ps) => city + "=" + ps.Sum(p => p.Age))));
            P("group elem result", S(People.GroupBy(p => p.City, p => p.Age, (city, ages) => city + ":" + ages.Max())));
            P("group comparer", S(new[] { "a", "bb", "c", "dd", "eee" }.GroupBy(s => s, new LengthComparer()).Select(g => g.Key + "/" + g.Count())));
            P("group null key", S(new[] { "x", null, "y", null }.GroupBy(s => s).Select(g => (g.Key ?? "NULL") + g.Count())));
            ILookup<string, Person> byCity = People.ToLookup(p => p.City);
            P("lookup count", byCity.Count);
            P("lookup Oslo", S(byCity["Oslo"]));
            P("lookup missing", S(byCity["Paris"]));
            P("lookup contains", byCity.Contains("Rome") + " " + byCity.Contains("Paris"));
            P("lookup elements", S(People.ToLookup(p => p.Age, p => p.Name)[25]));
        }

        static void Joins()
        {
            var cities = new[] { ("Oslo", "NO"), ("Rome", "IT"), ("Paris", "FR"), ("Oslo", "NO2") };
            P("join", S(People.Join(cities, p => p.City, c => c.Item1, (p, c) => p.Name + "@" + c.Item2)));
            P("groupjoin", S(cities.GroupJoin(People, c => c.Item1, p => p.City, (c, ps) => c.Item2 + ":" + ps.Count())));
            P("join empty inner", S(People.Join(new string[0], p => p.City, c => c, (p, c) => p.Name)));
            P("join null keys", S(new[] { "a", null }.Join(new[] { null, "a" }, x => x, y => y, (x, y) => x + y)));
            P("groupjoin nulls", S(new[] { "a", null }.GroupJoin(new[] { null, "a", "a" }, x => x, y => y, (x, ys) => (x ?? "NULL") + ys.Count())));
        }

        static void Aggregates()
        {
            int[] numbers = { 4, -7, 12, 0, 9 };
            P("sum", numbers.Sum());
            P("sum long", new long[] { long.MaxValue - 5, 5 }.Sum());
            P("sum selector", People.Sum(p => p.Age));
            P("sum empty", new int[0].Sum());
            P("sum nullable", new int?[] { 1, null, 5 }.Sum());
            P("min max", numbers.Min() + " " + numbers.Max());
            P("min max long", new long[] { 5, long.MinValue, 3 }.Min() + " " + new long[] { 5, long.MaxValue }.Max());
            P("min max selector", People.Min(p => p.Age) + " " + People.Max(p => p.Age));
            P("min max nullable", new int?[] { null, 3, 1, null }.Min() + " " + new int?[] { null, 3, 1 }.Max() + " " + (new int?[] { null }.Min() == null));
            P("min max strings", new[] { "pear", "apple", null, "zoo" }.Min() + " " + new[] { "pear", "apple", null, "zoo" }.Max());
            P("min strings empty", new string[0].Min() == null);
            P("max generic selector", People.Max(p => p.Name));
            P("average x1000", (long)(numbers.Average() * 1000));
            P("average long x1000", (long)(new long[] { 1, 2 }.Average() * 1000));
            P("average double x1000", (long)(new[] { 1.5, 2.25 }.Average() * 1000));
            P("average nullable", new int?[] { null }.Average() == null);
            P("average selector x1000", (long)(People.Average(p => p.Age) * 1000));
            const double NaN = 0.0 / 0.0;
            P("double min max nan", IsNaN(new[] { 1.0, NaN, -1.0 }.Min()) + " " + (new[] { NaN, 2.0, 1.0 }.Max() == 2.0) + " " + IsNaN(new[] { NaN }.Max()) + " " + (new[] { 2.5, -1.5 }.Min() == -1.5) + " " + (new[] { 2.5f, 7.5f }.Max() == 7.5f));
            P("count", numbers.Count() + " " + numbers.Count(n => n > 0) + " " + numbers.LongCount() + " " + numbers.LongCount(n => n < 0));
            P("count enumerable", Enumerable.Range(0, 17).Where(n => n % 3 == 0).Count());
            P("any all", numbers.Any() + " " + new int[0].Any() + " " + numbers.Any(n => n > 10) + " " + numbers.All(n => n > -10) + " " + new int[0].All(n => false));
            P("contains", numbers.Contains(12) + " " + numbers.Contains(13) + " " + new[] { "A", "b" }.Contains("bb", new LengthComparer()));
            P("aggregate", numbers.Aggregate((a, b) => a * 2 + b));
            P("aggregate seed", numbers.Aggregate("s", (acc, n) => acc + n));
            P("aggregate result", numbers.Aggregate(0, (acc, n) => acc + n, acc => "total " + acc));
            P("minby maxby", People.MinBy(p => p.Age) + " " + People.MaxBy(p => p.Age) + " " + People.MaxBy(p => p.City));
            P("minby empty ref", new Person[0].MinBy(p => p.Age) == null);
            P("sequenceequal", numbers.SequenceEqual(new[] { 4, -7, 12, 0, 9 }) + " " + numbers.SequenceEqual(new[] { 4, -7 }) + " " + new[] { "a" }.SequenceEqual(new[] { "b" }, new LengthComparer()));
        }

        static void Elements()
        {
            int[] numbers = { 3, 8, 1, 8, 6 };
            IEnumerable<int> lazy = numbers.Where(n => true);
            P("first last", numbers.First() + " " + numbers.Last() + " " + lazy.First() + " " + lazy.Last());
            P("first last predicate", numbers.First(n => n > 5) + " " + numbers.Last(n => n > 5) + " " + lazy.Last(n => n < 5));
            P("ordefault", new int[0].FirstOrDefault() + " " + new int[0].LastOrDefault() + " " + numbers.FirstOrDefault(n => n > 100) + " " + new int[0].FirstOrDefault(-1) + " " + numbers.LastOrDefault(n => n > 100, -2));
            P("ordefault ref", (new string[0].FirstOrDefault() == null) + " " + new[] { "a", "b" }.LastOrDefault());
            P("single", new[] { 42 }.Single() + " " + numbers.Single(n => n == 6) + " " + new int[0].SingleOrDefault() + " " + numbers.SingleOrDefault(n => n > 100) + " " + new[] { 5 }.SingleOrDefault(7));
            P("elementat", numbers.ElementAt(2) + " " + lazy.ElementAt(4) + " " + numbers.ElementAtOrDefault(10) + " " + lazy.ElementAtOrDefault(-1));
            P("defaultifempty", S(new int[0].DefaultIfEmpty()) + S(new int[0].DefaultIfEmpty(9)) + S(numbers.DefaultIfEmpty(9)));
        }

        static void Sets()
        {
            int[] a = { 1, 2, 2, 3, 4, 4, 4, 5 };
            int[] b = { 4, 5, 6, 6, 7, 1 };
            P("distinct", S(a.Distinct()));
            P("distinct comparer", S(new[] { "a", "bb", "c", "dd", "eee" }.Distinct(new LengthComparer())));
            P("distinctby", S(People.DistinctBy(p => p.City)));
            P("union", S(a.Union(b)));
            P("intersect", S(a.Intersect(b)));
            P("intersect dup", S(new[] { 1, 1, 2 }.Intersect(new[] { 1, 1 })));
            P("except", S(a.Except(b)));
            P("except dup", S(new[] { 9, 9, 8 }.Except(new int[0])));
            P("distinct nulls", S(new[] { "x", null, "x", null, "y" }.Distinct()));
            P("unionby", S(People.Take(2).UnionBy(People.Skip(1), p => p.City)));
            P("concat append prepend", S(a.Take(2).Concat(b.Take(2)).Append(100).Prepend(-100)));
            P("reverse", S(a.Reverse()));
        }

        static void Partitioning()
        {
            var n = Enumerable.Range(1, 10);
            P("take skip", S(n.Take(3)) + S(n.Skip(7)) + S(n.Take(0)) + S(n.Take(-1)) + S(n.Skip(-5).Take(2)) + S(n.Skip(20)) + S(n.Take(20).Skip(8)));
            P("takewhile skipwhile", S(n.TakeWhile(x => x < 4)) + S(n.SkipWhile(x => x < 8)) + S(n.TakeWhile((x, i) => i < 2)) + S(n.SkipWhile((x, i) => i < 8)));
            P("skipwhile once", S(new[] { 1, 5, 1, 5 }.SkipWhile(x => x < 3)));
            P("takelast skiplast", S(n.TakeLast(3)) + S(n.SkipLast(8)) + S(n.TakeLast(0)) + S(n.SkipLast(0).Take(2)) + S(n.TakeLast(50).Take(2)) + S(n.SkipLast(50)));
            foreach (int[] chunk in n.Chunk(4)) P("chunk", S(chunk));
            P("chunk empty", new int[0].Chunk(3).Count());
        }

        static void Generation()
        {
            P("range", S(Enumerable.Range(-2, 5)) + S(Enumerable.Range(5, 0)) + " " + Enumerable.Range(int.MaxValue, 1).First());
            P("repeat", S(Enumerable.Repeat("ab", 3)) + S(Enumerable.Repeat(1, 0)));
            P("empty", S(Enumerable.Empty<string>()) + " " + Enumerable.Empty<int>().Count());
        }

        static void Conversion()
        {
            var list = People.Where(p => p.Age > 20).Select(p => p.Name).ToList();
            P("tolist", S(list) + " " + list.Count);
            int[] array = Enumerable.Range(0, 37).Select(x => x * x).ToArray();
            P("toarray", array.Length + " " + array[36] + " " + new List<int> { 1, 2 }.ToArray().Length + " " + Enumerable.Empty<int>().ToArray().Length);
            var dict = People.ToDictionary(p => p.Name);
            P("todictionary", dict.Count + " " + dict["Eve"]);
            var ages = People.ToDictionary(p => p.Name, p => p.Age);
            P("todictionary element", ages["Fay"] + " " + ages.ContainsKey("Zed"));
            var byLength = new[] { "a", "bb", "ccc" }.ToDictionary(s => s, new LengthComparer());
            P("todictionary comparer", byLength["zz"] + " " + byLength.Count);
            var set = new[] { 3, 1, 3, 2, 1 }.ToHashSet();
            P("tohashset", set.Count + " " + set.Contains(2) + " " + set.Contains(5) + " " + S<int>(set));
            P("tohashset comparer", new[] { "a", "b", "cc" }.ToHashSet(new LengthComparer()).Count);
        }

        static void Deferred()
        {
            Logged.Log = "";
            var source = new Logged(1, 2, 3, 4);
            var query = source.Where(x => { Logged.Log += "w" + x; return x % 2 == 0; }).Select(x => { Logged.Log += "s" + x; return x * 10; });
            P("deferred before", Logged.Log.Length);
            foreach (int x in query) Logged.Log += "=" + x;
            P("deferred log", Logged.Log);
            Logged.Log = "";
            P("first", source.Select(x => x * 3).First(x => x > 3) + " " + Logged.Log);
            Logged.Log = "";
            P("take", S(source.Take(2)) + " " + Logged.Log);
            Logged.Log = "";
            P("any", source.Any() + " " + Logged.Log);
            Logged.Log = "";
            P("orderby log", S(source.OrderByDescending(x => { Logged.Log += "k" + x; return x; }).ThenBy(x => { Logged.Log += "t" + x; return -x; })) + " " + Logged.Log);
            Logged.Log = "";
            var groups = source.GroupBy(x => { Logged.Log += "g" + x; return x % 2; });
            P("groupby before", Logged.Log.Length);
            P("groupby", S(groups.Select(g => g.Key + ":" + S(g))) + " " + Logged.Log);
            Logged.Log = "";
            P("join log", S(new Logged(1, 2).Join(new[] { 2, 2, 3 }, x => { Logged.Log += "o" + x; return x; }, y => { Logged.Log += "i" + y; return y; }, (x, y) => x * y)) + " " + Logged.Log);
            Logged.Log = "";
            P("join empty outer", S(new Logged().Join(new[] { 1 }, x => x, y => { Logged.Log += "i" + y; return y; }, (x, y) => x)) + " " + Logged.Log);
            Logged.Log = "";
            P("distinct log", S(source.Concat(source).Distinct().Take(3)) + " " + Logged.Log);
            Logged.Log = "";
            P("reverse log", S(source.Reverse().Take(1)) + " " + Logged.Log);
            Logged.Log = "";
            P("single early", Try2(() => source.Single()) + " " + Logged.Log);
            Logged.Log = "";
            P("zip log", S(source.Zip(new Logged(7))) + " " + Logged.Log);
            Logged.Log = "";
            P("skiplast log", S(source.SkipLast(1)) + " " + Logged.Log);
            Logged.Log = "";
            P("sequence equal log", source.SequenceEqual(new Logged(1, 9)) + " " + Logged.Log);
            List<int> mutable = new List<int> { 1, 2 };
            var later = mutable.Select(x => x * 2);
            mutable.Add(3);
            P("late binding", S(later));
            var filtered = mutable.Where(x => x != 4);
            mutable.Add(5);
            P("late binding where", S(filtered) + " " + S(new[] { 1, 2, 3 }.Where(x => x != 2)) + " " + S(new object[] { "a", 1 }.Select(o => o.ToString())));
            Try("list modified during where", () => { foreach (int x in mutable.Where(x => true)) mutable.Add(x); return mutable.Count; });
            Try("list modified during select", () => { foreach (int x in mutable.Select(x => x)) mutable.RemoveAt(0); return mutable.Count; });
            IEnumerable<object> covariant = new string[] { "p", "q" };
            P("covariant array where/select", S(covariant.Where(o => o != null).Select(o => o + "!")));
        }

        static bool IsNaN(double d) => d != d;

        static string Try2(Func<object> action)
        {
            try { return action().ToString(); }
            catch (Exception e) { return e.GetType().Name; }
        }

        static void Errors()
        {
            int[] empty = new int[0];
            int[] numbers = { 1, 2, 3 };
            Try("first empty", () => empty.First());
            Try("first nomatch", () => numbers.First(n => n > 5));
            Try("last empty", () => empty.Last());
            Try("last nomatch", () => numbers.Last(n => n > 5));
            Try("single empty", () => empty.Single());
            Try("single many", () => numbers.Single());
            Try("single many match", () => numbers.Single(n => n > 1));
            Try("single nomatch", () => numbers.Single(n => n > 5));
            Try("singleordefault many", () => numbers.SingleOrDefault());
            Try("min empty", () => empty.Min());
            Try("max empty", () => empty.Max());
            Try("max empty long", () => new long[0].Max());
            Try("average empty", () => empty.Average());
            Try("aggregate empty", () => empty.Aggregate((a, b) => a + b));
            Try("maxby empty", () => empty.MaxBy(x => x));
            Try("elementat", () => numbers.ElementAt(3));
            Try("elementat lazy", () => numbers.Where(n => true).ElementAt(-1));
            Try("sum overflow", () => new[] { int.MaxValue, 1 }.Sum());
            Try("sum long overflow", () => new[] { long.MinValue, -1 }.Sum());
            Try("cast", () => S(new object[] { 1, "x" }.Cast<int>()));
            Try("null source", () => ((int[])null).Where(n => true));
            Try("null selector", () => numbers.Select((Func<int, int>)null));
            Try("null orderby", () => ((int[])null).OrderBy(x => x));
            Try("range", () => Enumerable.Range(1, -1));
            Try("range overflow", () => Enumerable.Range(int.MaxValue, 2));
            Try("repeat", () => Enumerable.Repeat(1, -1));
            Try("chunk", () => numbers.Chunk(0));
            Try("todictionary dup", () => numbers.ToDictionary(n => n % 2).Count);
            Try("lookup missing", () => S(numbers.ToLookup(n => n)[9]));
        }
    }
}
