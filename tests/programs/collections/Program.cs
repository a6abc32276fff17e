using System;
using System.Collections;
using System.Collections.Generic;

struct Item { public int Key; public int Id; public Item(int key, int id) { Key = key; Id = id; } }

struct Point { public int X, Y; public Point(int x, int y) { X = x; Y = y; } }

/// <summary>Case-insensitive ASCII equality: a custom comparer the hash collections must use.</summary>
sealed class IgnoreCase : IEqualityComparer<string>
{
    public bool Equals(string a, string b)
    {
        if (a == null || b == null) return a == b;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++) if (Lower(a[i]) != Lower(b[i])) return false;
        return true;
    }
    public int GetHashCode(string s)
    {
        int h = 17;
        for (int i = 0; i < s.Length; i++) h = h * 31 + Lower(s[i]);
        return h;
    }
    static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

sealed class Descending : IComparer<int> { public int Compare(int a, int b) => b.CompareTo(a); }

/// <summary>Claims every element is smaller than every other: the sort runs off the array.</summary>
sealed class Broken : IComparer<int>
{
    public int Compare(int a, int b) => -1;
    public override string ToString() => "Broken";
}

static class Program
{
    static string Show<T>(IEnumerable<T> items)
    {
        string s = "[";
        bool first = true;
        foreach (T item in items)
        {
            s = s + (first ? "" : " ") + (item == null ? "null" : item.ToString());
            first = false;
        }
        return s + "]";
    }

    static int Checksum(IEnumerable<int> items)
    {
        int h = 17;
        foreach (int x in items) h = unchecked(h * 31 + x);
        return h;
    }

    static string Ids(Item[] items)
    {
        string s = "";
        for (int i = 0; i < items.Length; i++) s = s + items[i].Id + (i + 1 < items.Length ? "," : "");
        return s;
    }

    static void Try(string name, Action action)
    {
        try { action(); Console.WriteLine(name + ": no exception"); }
        catch (KeyNotFoundException e) { Console.WriteLine(name + ": KeyNotFoundException: " + e.Message); }
        catch (ArgumentNullException e) { Console.WriteLine(name + ": ArgumentNullException: " + e.Message); }
        catch (ArgumentOutOfRangeException e) { Console.WriteLine(name + ": ArgumentOutOfRangeException: " + e.Message); }
        catch (ArgumentException e) { Console.WriteLine(name + ": ArgumentException: " + e.Message); }
        catch (InvalidOperationException e) { Console.WriteLine(name + ": InvalidOperationException: " + e.Message + (e.InnerException == null ? "" : " / " + e.InnerException.Message)); }
        catch (InvalidCastException) { Console.WriteLine(name + ": InvalidCastException"); }
        catch (NotSupportedException e) { Console.WriteLine(name + ": NotSupportedException: " + e.Message); }
        catch (ArrayTypeMismatchException e) { Console.WriteLine(name + ": ArrayTypeMismatchException: " + e.Message); }
        catch (IndexOutOfRangeException e) { Console.WriteLine(name + ": IndexOutOfRangeException: " + e.Message); }
    }

    static int Main()
    {
        Dictionaries();
        DictionaryOrder();
        HashSets();
        Lists();
        ListSorting();
        Arrays();
        ArraySorting();
        QueuesAndStacks();
        LinkedLists();
        SortedCollections();
        PriorityQueues();
        Enumerators();
        return 0;
    }

    static void Dictionaries()
    {
        var d = new Dictionary<string, int>();
        d.Add("one", 1); d["two"] = 2; d["three"] = 3; d["two"] = 22;
        Console.WriteLine($"dict {d.Count} {d["two"]} {d.ContainsKey("one")} {d.ContainsKey("four")} {d.ContainsValue(3)} {d.ContainsValue(2)} {d.TryAdd("one", 9)} {d.TryAdd("four", 4)} {d["one"]}");
        Console.WriteLine($"dict TryGetValue {d.TryGetValue("three", out int three)} {three} {d.TryGetValue("five", out int five)} {five}");
        Console.WriteLine($"dict Remove {d.Remove("one")} {d.Remove("one")} {d.Remove("three", out int removed)} {removed} {d.Count}");
        Console.WriteLine($"dict keys {Show(d.Keys)} values {Show(d.Values)} pairs {Show(d)} {d.Keys.Count} {d.Values.Count}");
        foreach (var (key, value) in d) Console.WriteLine($"deconstructed {key}={value}");
        foreach (KeyValuePair<string, int> pair in d) Console.WriteLine($"pair {pair.Key} {pair.Value} {pair}");
        Console.WriteLine($"kvp {new KeyValuePair<string, string>(null, null)} {KeyValuePair.Create(1, "x")} {new KeyValuePair<int, int?>(3, null)}");
        Console.WriteLine($"GetValueOrDefault {d.GetValueOrDefault("two")} {d.GetValueOrDefault("none")} {d.GetValueOrDefault("none", -1)}");
        Try("missing int key", () => { var x = new Dictionary<int, string>()[42]; });
        Try("missing string key", () => { var x = d["missing"]; });
        Try("missing long key", () => { var x = new Dictionary<long, int> { [1] = 1 }[long.MinValue]; });
        Try("duplicate", () => d.Add("two", 5));
        Try("duplicate int", () => new Dictionary<int, int> { { 7, 1 }, { 7, 2 } });
        Try("null key add", () => d.Add(null, 1));
        Try("null key get", () => { var x = d[null]; });
        Try("null key ContainsKey", () => d.ContainsKey(null));
        Try("null key Remove", () => d.Remove(null));
        Try("negative capacity", () => new Dictionary<int, int>(-1));

        var longs = new Dictionary<long, string>();
        for (long i = -5; i <= 5; i++) longs[i * 1000000007L] = i.ToString();
        Console.WriteLine($"long keys {longs[-5000000035L]} {longs[5000000035L]} {longs.ContainsKey(1)} {longs.Count}");
        var ulongs = new Dictionary<ulong, int> { [ulong.MaxValue] = 1, [0] = 2, [1UL << 63] = 3 };
        var chars = new Dictionary<char, int> { ['a'] = 1, ['\uffff'] = 2, ['\0'] = 3 };
        var bytes = new Dictionary<byte, int> { [0] = 1, [255] = 2 };
        var points = new Dictionary<Point, string> { [new Point(1, 2)] = "a", [new Point(2, 1)] = "b", [new Point(-1, -1)] = "c" };
        Console.WriteLine($"key types {ulongs[ulong.MaxValue]} {ulongs[1UL << 63]} {chars['\uffff']} {chars['\0']} {bytes[255]} {points[new Point(2, 1)]} {points.ContainsKey(new Point(1, 1))}");
        var tuples = new Dictionary<KeyValuePair<string, int>, int>();
        tuples[new KeyValuePair<string, int>("a", 1)] = 10;
        Console.WriteLine($"generic struct key {tuples.ContainsKey(new KeyValuePair<string, int>(string.Concat("", "a"), 1))} {tuples.ContainsKey(new KeyValuePair<string, int>("a", 2))}");

        var ci = new Dictionary<string, int>(new IgnoreCase()) { ["Hello"] = 1 };
        ci["HELLO"] = 2;
        Console.WriteLine($"custom comparer {ci.Count} {ci["hello"]} {Show(ci.Keys)} {ci.Comparer is IgnoreCase}");
        var copy = new Dictionary<string, int>(d);
        copy["extra"] = 1;
        Console.WriteLine($"copy {Show(copy)} original {Show(d)}");
        d.Clear();
        Console.WriteLine($"cleared {d.Count} {Show(d)} {d.ContainsKey("two")}");
        d["again"] = 1;
        Console.WriteLine($"after clear {Show(d)}");

        var cap = new Dictionary<int, int>();
        Console.WriteLine($"capacity {cap.EnsureCapacity(0)} {cap.EnsureCapacity(5)} {cap.EnsureCapacity(100)}");
        var grow = new Dictionary<int, int>();
        for (int i = 0; i < 10; i++) grow[i] = i;
        Console.WriteLine($"grown capacity {grow.EnsureCapacity(0)}");
    }

    static void DictionaryOrder()
    {
        // Freed entries are reused last-freed first; enumeration follows the entry array.
        var d = new Dictionary<int, string>();
        for (int i = 0; i < 10; i++) d[i] = "v" + i;
        d.Remove(3); d.Remove(7); d.Remove(5);
        d[100] = "a"; d[101] = "b";
        Console.WriteLine($"reuse order {Show(d.Keys)}");
        d[102] = "c"; d[103] = "d";
        Console.WriteLine($"after refill {Show(d.Keys)}");
        d.TrimExcess();
        Console.WriteLine($"trimmed {Show(d.Keys)} {d.Count}");
        foreach (var pair in d) if (pair.Key % 2 == 0) d.Remove(pair.Key);
        Console.WriteLine($"removed evens while enumerating {Show(d.Keys)}");
        foreach (var key in new List<int>(d.Keys)) d[key] = "x";
        foreach (var pair in d) d[pair.Key] = pair.Value + "y";
        Console.WriteLine($"overwritten while enumerating {Show(d.Values)}");

        var big = new Dictionary<int, int>();
        for (int i = 0; i < 20000; i++) big[i * 7919 % 100003] = i;
        for (int i = 0; i < 20000; i += 3) big.Remove(i * 7919 % 100003);
        for (int i = 0; i < 5000; i++) big[-i] = i;
        Console.WriteLine($"big {big.Count} keys {Checksum(big.Keys)} values {Checksum(big.Values)}");
        var strings = new Dictionary<string, int>();
        for (int i = 0; i < 3000; i++) strings["k" + (i * 37 % 3001)] = i;
        for (int i = 0; i < 3000; i += 2) strings.Remove("k" + i);
        for (int i = 0; i < 1000; i++) strings["n" + i] = i;
        Console.WriteLine($"string keys {strings.Count} {Checksum(strings.Values)} {strings["k1"]} {strings.ContainsKey("k2")}");
    }

    static void HashSets()
    {
        var a = new HashSet<int> { 5, 3, 9, 1, 3 };
        Console.WriteLine($"set {Show(a)} {a.Count} {a.Contains(9)} {a.Contains(2)} {a.Add(9)} {a.Add(2)} {a.Remove(5)} {a.Remove(5)} {Show(a)}");
        a.Add(7);
        Console.WriteLine($"reuse {Show(a)}");
        var b = new HashSet<int>(new[] { 9, 4, 1, 8 });
        var union = new HashSet<int>(a); union.UnionWith(b);
        var inter = new HashSet<int>(a); inter.IntersectWith(b);
        var interList = new HashSet<int>(a); interList.IntersectWith(new List<int> { 1, 9, 1, 100 });
        var except = new HashSet<int>(a); except.ExceptWith(b);
        var sym = new HashSet<int>(a); sym.SymmetricExceptWith(b);
        var symList = new HashSet<int>(a); symList.SymmetricExceptWith(new List<int> { 9, 4, 4, 1, 8, 8 });
        Console.WriteLine($"union {Show(union)} intersect {Show(inter)} {Show(interList)} except {Show(except)} symmetric {Show(sym)} {Show(symList)}");
        var small = new HashSet<int> { 1, 9 };
        Console.WriteLine($"subset {small.IsSubsetOf(a)} {small.IsProperSubsetOf(a)} {a.IsSupersetOf(small)} {a.IsProperSupersetOf(small)} {a.IsSubsetOf(small)} {small.IsSubsetOf(new[] { 9, 1 })} {small.IsProperSubsetOf(new[] { 9, 1, 9 })}");
        Console.WriteLine($"overlaps {a.Overlaps(b)} {a.Overlaps(new[] { 100 })} setequals {small.SetEquals(new[] { 9, 1, 1 })} {small.SetEquals(new[] { 9 })} {new HashSet<int>().SetEquals(new int[0])} {new HashSet<int>().IsSubsetOf(new[] { 1 })}");
        var words = new HashSet<string>(new IgnoreCase()) { "Apple", "APPLE", "pear" };
        Console.WriteLine($"custom comparer {words.Count} {words.Contains("apple")} {words.TryGetValue("PEAR", out string actual)} {actual}");
        var removeWhere = new HashSet<int>();
        for (int i = 0; i < 20; i++) removeWhere.Add(i * 3);
        Console.WriteLine($"RemoveWhere {removeWhere.RemoveWhere(x => x % 2 == 0)} {Show(removeWhere)}");
        removeWhere.Add(100); removeWhere.Add(101);
        Console.WriteLine($"after RemoveWhere {Show(removeWhere)}");
        var withNull = new HashSet<string> { null, "x" };
        Console.WriteLine($"null element {withNull.Contains(null)} {withNull.Count} {withNull.Remove(null)} {withNull.Contains(null)}");
        var churn = new HashSet<int>();
        for (int i = 0; i < 10000; i++) churn.Add(i * 31 % 10007);
        for (int i = 0; i < 10000; i += 2) churn.Remove(i);
        for (int i = 0; i < 3000; i++) churn.Add(-i);
        Console.WriteLine($"churn {churn.Count} {Checksum(churn)}");
        var arr = new int[a.Count + 1];
        a.CopyTo(arr);
        Console.WriteLine($"CopyTo {Show(arr)} capacity {new HashSet<int>().EnsureCapacity(5)}");
        Try("set null other", () => a.UnionWith(null));
    }

    static void Lists()
    {
        var list = new List<int>();
        string capacities = "";
        for (int i = 0; i < 20; i++) { list.Add(i * 3 % 7); capacities += list.Capacity + " "; }
        Console.WriteLine($"list capacities {capacities}");
        Console.WriteLine($"list {Show(list)} {list.Count} {list[5]} {list.IndexOf(6)} {list.LastIndexOf(6)} {list.IndexOf(6, 3)} {list.IndexOf(42)} {list.Contains(0)} {list.Contains(9)}");
        list.Insert(0, 100); list.Insert(list.Count, 200); list.Insert(3, 300);
        Console.WriteLine($"insert {Show(list)}");
        list.RemoveAt(0); list.Remove(200); list.Remove(12345);
        Console.WriteLine($"remove {Show(list)}");
        Console.WriteLine($"RemoveAll {list.RemoveAll(x => x == 3 || x == 300)} {Show(list)}");
        Console.WriteLine($"find {list.Find(x => x > 4)} {list.FindLast(x => x > 4)} {list.Find(x => x > 100)} {list.FindIndex(x => x == 5)} {list.FindIndex(4, x => x == 5)} {list.FindLastIndex(x => x == 5)} {list.Exists(x => x == 6)} {list.TrueForAll(x => x < 7)} {Show(list.FindAll(x => x % 2 == 1))}");
        int sum = 0;
        list.ForEach(x => sum += x);
        Console.WriteLine($"ForEach {sum} ConvertAll {Show(list.ConvertAll(x => "n" + x))}");
        list.Reverse();
        Console.WriteLine($"reverse {Show(list)}");
        list.Reverse(1, 3);
        Console.WriteLine($"reverse range {Show(list)} GetRange {Show(list.GetRange(2, 4))}");
        list.RemoveRange(0, 2);
        list.InsertRange(1, new[] { 7, 8, 9 });
        list.AddRange(new List<int> { -1, -2 });
        Console.WriteLine($"ranges {Show(list)} {list.Count} {list.Capacity}");
        list.InsertRange(2, list);
        Console.WriteLine($"insert itself {Show(list)}");
        var copy = new List<int>(list);
        list.Clear();
        Console.WriteLine($"clear {list.Count} {list.Capacity} copy {copy.Count} {Show(copy.ToArray())}");
        copy.TrimExcess();
        Console.WriteLine($"trim {copy.Capacity} EnsureCapacity {copy.EnsureCapacity(100)}");
        var fromSeq = new List<int>(Numbers(5));
        Console.WriteLine($"from sequence {Show(fromSeq)} {fromSeq.Capacity}");
        var strs = new List<string> { "b", null, "a" };
        Console.WriteLine($"strings {strs.IndexOf(null)} {strs.Contains("a")} {strs.IndexOf(string.Concat("", "a"))}");
        IList<int> ilist = copy;
        ICollection<int> icoll = copy;
        Console.WriteLine($"interfaces {ilist[0]} {ilist.IndexOf(9)} {icoll.Count} {icoll.IsReadOnly}");
        Try("index -1", () => { var x = copy[-1]; });
        Try("index Count", () => copy[copy.Count] = 1);
        Try("insert past end", () => copy.Insert(copy.Count + 1, 1));
        Try("RemoveAt past end", () => copy.RemoveAt(copy.Count));
        Try("RemoveRange bad", () => copy.RemoveRange(2, 100));
        Try("GetRange negative", () => copy.GetRange(-1, 1));
        Try("capacity below count", () => copy.Capacity = 1);
        Try("null match", () => copy.Find(null));
        Try("ForEach modifies", () => copy.ForEach(x => copy.Add(x)));
    }

    static IEnumerable<int> Numbers(int n) { for (int i = 0; i < n; i++) yield return i * i; }

    static void ListSorting()
    {
        var list = new List<int> { 5, -3, 9, 0, 9, int.MinValue, int.MaxValue, 2 };
        list.Sort();
        Console.WriteLine($"sorted {Show(list)} {list.BinarySearch(9) >= 5} {list.BinarySearch(1)} {list.BinarySearch(-100)} {list.BinarySearch(int.MaxValue)}");
        list.Sort(new Descending());
        Console.WriteLine($"descending {Show(list)} {list.BinarySearch(0, list.Count, 2, new Descending())}");
        list.Sort((x, y) => (x & 1).CompareTo(y & 1));
        Console.WriteLine($"by parity {Show(list)}");
        var words = new List<string> { "pear", "Apple", "fig", "apple", "Fig", "", "kiwi" };
        words.Sort();
        Console.WriteLine($"strings {Show(words)}");
        words.Sort((x, y) => x.Length - y.Length);
        Console.WriteLine($"by length {Show(words)}");
        words.Sort(1, 4, null);
        Console.WriteLine($"range {Show(words)}");
        var withNulls = new List<string> { "b", null, "a", null };
        withNulls.Sort();
        Console.WriteLine($"nulls first {Show(withNulls)}");
        Try("no IComparable", () => new List<object> { new object(), new object() }.Sort());
        Try("comparer throws", () => new List<int> { 1, 2, 3 }.Sort((x, y) => throw new InvalidOperationException("boom")));
    }

    static void Arrays()
    {
        int[] a = { 4, 8, 15, 16, 23, 42, 8 };
        Console.WriteLine($"IndexOf {Array.IndexOf(a, 8)} {Array.IndexOf(a, 8, 2)} {Array.IndexOf(a, 8, 2, 3)} {Array.IndexOf(a, 99)} {Array.LastIndexOf(a, 8)} {Array.LastIndexOf(a, 8, 5)} {Array.LastIndexOf(a, 4, 6, 6)}");
        Array.Reverse(a);
        Console.WriteLine($"Reverse {Show(a)}");
        Array.Reverse(a, 1, 3);
        Console.WriteLine($"Reverse range {Show(a)}");
        Array.Copy(a, 0, a, 2, 4);
        Console.WriteLine($"Copy overlap {Show(a)}");
        var objects = new object[] { "x", "y", null };
        var strings = new string[3];
        Array.Copy(objects, strings, 3);
        Console.WriteLine($"Copy object[] to string[] {Show(strings)}");
        Array.Fill(a, 7);
        Console.WriteLine($"Fill {Show(a)}");
        Array.Fill(a, 1, 2, 3);
        Console.WriteLine($"Fill range {Show(a)}");
        Array.Resize(ref a, 9);
        Console.WriteLine($"Resize up {Show(a)}");
        Array.Resize(ref a, 3);
        Console.WriteLine($"Resize down {Show(a)}");
        int[] none = null;
        Array.Resize(ref none, 2);
        Console.WriteLine($"Resize null {Show(none)}");
        Array.Clear(a, 1, 2);
        Console.WriteLine($"Clear {Show(a)} Empty {Array.Empty<int>().Length} {ReferenceEquals(Array.Empty<string>(), Array.Empty<string>())}");
        int[] sorted = { -5, 0, 3, 3, 9, 12 };
        Console.WriteLine($"BinarySearch {Array.BinarySearch(sorted, 9)} {Array.BinarySearch(sorted, 4)} {Array.BinarySearch(sorted, -10)} {Array.BinarySearch(sorted, 100)} {Array.BinarySearch(sorted, 1, 3, 12)}");
        Console.WriteLine($"predicates {Array.Exists(sorted, x => x > 10)} {Array.Find(sorted, x => x > 0)} {Array.FindLast(sorted, x => x < 9)} {Array.FindIndex(sorted, x => x == 3)} {Array.FindLastIndex(sorted, x => x == 3)} {Array.TrueForAll(sorted, x => x > -6)} {Show(Array.FindAll(sorted, x => x % 3 == 0))} {Show(Array.ConvertAll(sorted, x => x * 2))}");
        string[] names = { "b", "a", null, "c" };
        Console.WriteLine($"string search {Array.IndexOf(names, null)} {Array.IndexOf(names, string.Concat("", "c"))}");
        Try("Copy too long", () => Array.Copy(a, 0, new int[2], 0, 3));
        Try("Copy int[] to long[]", () => Array.Copy(new int[2], new string[2], 2));
        Try("Copy bad cast", () => Array.Copy(new object[] { 1 }, new string[1], 1));
        Try("IndexOf bad start", () => Array.IndexOf(a, 1, 10));
        Try("Resize negative", () => Array.Resize(ref a, -1));
        Try("Sort null", () => Array.Sort((int[])null));
        Try("Clear bad range", () => Array.Clear(a, 2, 5));
        IList<int> asList = sorted;
        Try("IList.Add on array", () => asList.Add(1));
    }

    static void ArraySorting()
    {
        // Many equal keys: the final order of the ids is the algorithm's fingerprint (introsort is unstable).
        foreach (int n in new[] { 2, 3, 5, 16, 17, 31, 64, 100, 1000 })
        {
            var items = new Item[n];
            for (int i = 0; i < n; i++) items[i] = new Item(i * 7 % 5, i);
            Array.Sort(items, (x, y) => x.Key.CompareTo(y.Key));
            Console.WriteLine(n <= 100 ? $"equal keys {n}: {Ids(items)}" : $"equal keys {n}: {Checksum(Array.ConvertAll(items, x => x.Id))}");
        }
        var keys = new int[200];
        var values = new int[200];
        for (int i = 0; i < keys.Length; i++) { keys[i] = i * 13 % 6; values[i] = i; }
        Array.Sort(keys, values);
        Console.WriteLine($"keys and items {Checksum(values)} {Show(new ArraySegmentView(values, 0, 20))}");
        Array.Sort(keys, values, new Descending());
        Console.WriteLine($"keys and items descending {Checksum(values)}");
        var partial = new[] { 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        Array.Sort(partial, 2, 5);
        Console.WriteLine($"partial {Show(partial)}");

        // Comparison counts are the algorithm's fingerprint too: any different step changes them.
        foreach (int n in new[] { 10, 16, 17, 50, 500, 5000 })
        {
            var data = new int[n];
            uint seed = 12345;
            for (int i = 0; i < n; i++) { seed = seed * 1103515245 + 12345; data[i] = (int)(seed >> 16) % 50; }
            int comparisons = 0;
            Array.Sort(data, (x, y) => { comparisons++; return x.CompareTo(y); });
            Console.WriteLine($"comparisons random {n}: {comparisons} {Checksum(data)}");
        }
        foreach (int n in new[] { 100, 1000 })
        {
            int comparisons = 0;
            var ascending = new int[n];
            for (int i = 0; i < n; i++) ascending[i] = i;
            Array.Sort(ascending, (x, y) => { comparisons++; return x.CompareTo(y); });
            var descending = new int[n];
            for (int i = 0; i < n; i++) descending[i] = n - i;
            int comparisons2 = 0;
            Array.Sort(descending, (x, y) => { comparisons2++; return x.CompareTo(y); });
            var organ = new int[n];
            for (int i = 0; i < n; i++) organ[i] = i < n / 2 ? i : n - i;
            int comparisons3 = 0;
            Array.Sort(organ, (x, y) => { comparisons3++; return x.CompareTo(y); });
            Console.WriteLine($"comparisons {n}: ascending {comparisons} descending {comparisons2} organ pipe {comparisons3} {Checksum(organ)}");
        }
        Adversary(300);
        Adversary(2000);

        double zero = 0.0;
        var doubles = new[] { 3.5, zero / zero, -1.0, 1.0 / zero, -1.0 / zero, zero / zero, 0.0 };
        Array.Sort(doubles);
        string shown = "";
        foreach (double d in doubles) shown += (d != d ? "NaN" : d == 1.0 / zero ? "+inf" : d == -1.0 / zero ? "-inf" : ((int)(d * 10)).ToString()) + " ";
        Console.WriteLine($"doubles {shown}");
        var strings = new[] { "delta", "Alpha", "charlie", "bravo", "alpha" };
        Array.Sort(strings);
        Console.WriteLine($"strings {Show(strings)} {Array.BinarySearch(strings, "charlie")}");
        Try("bad comparer", () => Array.Sort(new[] { 3, 1, 2, 5, 4, 9, 8, 7, 6, 0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, new Broken()));
    }

    /// <summary>McIlroy's adversary: a comparison that decides values lazily to force quicksort's worst case, so the
    /// sort's depth limit switches it to heapsort. The values it settles on, sorted again, must take the same path.</summary>
    static void Adversary(int n)
    {
        var val = new int[n];
        int gas = n, solid = 0, candidate = 0;
        for (int i = 0; i < n; i++) val[i] = gas;
        var ptr = new int[n];
        for (int i = 0; i < n; i++) ptr[i] = i;
        int comparisons = 0;
        Array.Sort(ptr, (x, y) =>
        {
            comparisons++;
            if (val[x] == gas && val[y] == gas)
            {
                if (x == candidate) val[x] = solid++;
                else val[y] = solid++;
            }
            if (val[x] == gas) candidate = x;
            else if (val[y] == gas) candidate = y;
            return val[x].CompareTo(val[y]);
        });
        var items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        int again = 0;
        var keys = (int[])val.Clone();
        Array.Sort(keys, items, Comparer<int>.Create((x, y) => { again++; return x.CompareTo(y); }));
        Console.WriteLine($"adversary {n}: {comparisons} {Checksum(ptr)} resorted {again} {Checksum(items)}");
    }

    static void QueuesAndStacks()
    {
        var q = new Queue<int>();
        for (int i = 1; i <= 5; i++) q.Enqueue(i * 10);
        Console.WriteLine($"queue {Show(q)} {q.Count} {q.Peek()} {q.Dequeue()} {q.Dequeue()} {q.Contains(30)} {q.Contains(10)}");
        for (int i = 6; i <= 9; i++) q.Enqueue(i * 10);
        Console.WriteLine($"wrapped {Show(q)} {Show(q.ToArray())} {q.TryDequeue(out int head)} {head} {q.TryPeek(out int next)} {next}");
        var qa = new int[10];
        q.CopyTo(qa, 2);
        Console.WriteLine($"CopyTo {Show(qa)}");
        q.Clear();
        Console.WriteLine($"cleared {q.Count} {q.TryDequeue(out int none)} {none} {q.TryPeek(out none)}");
        var qc = new Queue<int>();
        string caps = qc.EnsureCapacity(0) + " ";
        for (int i = 0; i < 9; i++) { qc.Enqueue(i); caps += qc.EnsureCapacity(0) + " "; }
        Console.WriteLine($"queue capacities {caps}");
        Console.WriteLine($"queue from sequence {Show(new Queue<string>(new[] { "a", "b" }))} {new Queue<int>(Numbers(3)).EnsureCapacity(0)}");
        Try("empty Dequeue", () => new Queue<int>().Dequeue());
        Try("empty Peek", () => new Queue<string>().Peek());

        var s = new Stack<string>();
        s.Push("a"); s.Push("b"); s.Push("c");
        Console.WriteLine($"stack {Show(s)} {s.Count} {s.Peek()} {s.Pop()} {s.Contains("a")} {s.Contains("c")} {Show(s.ToArray())}");
        s.Push(null);
        Console.WriteLine($"null {s.Contains(null)} {s.Pop() == null} {s.TryPop(out string top)} {top} {s.TryPeek(out top)} {top}");
        var sa = new string[4];
        s.CopyTo(sa, 1);
        Console.WriteLine($"CopyTo {Show(sa)}");
        var sc = new Stack<int>();
        caps = sc.EnsureCapacity(0) + " ";
        for (int i = 0; i < 9; i++) { sc.Push(i); caps += sc.EnsureCapacity(0) + " "; }
        Console.WriteLine($"stack capacities {caps} from array {Show(new Stack<int>(new[] { 1, 2, 3 }))}");
        Try("empty Pop", () => new Stack<int>().Pop());
        Try("empty Peek", () => new Stack<int>().Peek());
    }

    static void LinkedLists()
    {
        var list = new LinkedList<int>();
        list.AddLast(2); list.AddLast(3); list.AddFirst(1);
        LinkedListNode<int> three = list.Find(3);
        list.AddAfter(three, 4);
        list.AddBefore(list.First, 0);
        list.AddBefore(three, 25);
        Console.WriteLine($"linked {Show(list)} {list.Count} {list.First.Value} {list.Last.Value} {three.Previous.Value} {three.Next.Value} {list.First.Previous == null} {list.Last.Next == null} {three.List == list}");
        list.AddLast(2);
        Console.WriteLine($"find {list.Find(2).Next.Value} {list.FindLast(2).Next == null} {list.Find(99) == null} {list.Contains(25)}");
        list.Remove(25); list.RemoveFirst(); list.RemoveLast(); list.Remove(list.Find(1));
        Console.WriteLine($"removed {Show(list)} {list.Count} {list.Remove(99)}");
        var node = new LinkedListNode<int>(7);
        list.AddFirst(node);
        Console.WriteLine($"node {Show(list)} {node.List == list}");
        var arr = new int[6];
        list.CopyTo(arr, 1);
        Console.WriteLine($"CopyTo {Show(arr)}");
        var backwards = "";
        for (var n = list.Last; n != null; n = n.Previous) backwards += n.Value + " ";
        Console.WriteLine($"backwards {backwards}");
        Try("node of another list", () => new LinkedList<int>().Remove(node));
        Try("node already in a list", () => new LinkedList<int>().AddLast(node));
        list.Clear();
        Console.WriteLine($"cleared {list.Count} {list.First == null} {node.List == null} {node.Next == null}");
        Try("RemoveFirst empty", () => list.RemoveFirst());
        Try("RemoveLast empty", () => list.RemoveLast());
        Console.WriteLine($"from sequence {Show(new LinkedList<string>(new[] { "x", "y", "z" }))}");
    }

    static void SortedCollections()
    {
        var set = new SortedSet<int> { 5, 1, 9, 3, 7, 3 };
        Console.WriteLine($"sorted set {Show(set)} {set.Count} {set.Min} {set.Max} {set.Contains(7)} {set.Add(4)} {set.Add(4)} {set.Remove(9)} {set.Remove(9)} {Show(set)} {Show(set.Reverse())}");
        var other = new[] { 3, 4, 100, 100 };
        var u = new SortedSet<int>(set); u.UnionWith(other);
        var i = new SortedSet<int>(set); i.IntersectWith(other);
        var e = new SortedSet<int>(set); e.ExceptWith(other);
        var x = new SortedSet<int>(set); x.SymmetricExceptWith(other);
        Console.WriteLine($"set ops {Show(u)} {Show(i)} {Show(e)} {Show(x)} {set.IsSubsetOf(u)} {set.IsProperSubsetOf(u)} {u.IsSupersetOf(set)} {u.IsProperSupersetOf(set)} {set.Overlaps(other)} {set.SetEquals(new[] { 7, 5, 4, 3, 1, 1 })}");
        Console.WriteLine($"RemoveWhere {set.RemoveWhere(v => v % 2 == 1)} {Show(set)} empty {new SortedSet<int>().Min} {new SortedSet<string>().Max == null}");
        var desc = new SortedSet<int>(new[] { 1, 5, 3 }, new Descending());
        Console.WriteLine($"descending {Show(desc)} {desc.Min} {desc.Max}");
        var words = new SortedSet<string> { "pear", "Apple", "apple", "fig" };
        Console.WriteLine($"strings {Show(words)} {words.TryGetValue(string.Concat("f", "ig"), out string fig)} {fig}");
        var big = new SortedSet<int>();
        for (int k = 0; k < 5000; k++) big.Add(k * 7919 % 10007);
        for (int k = 0; k < 10007; k += 3) big.Remove(k);
        Console.WriteLine($"big sorted set {big.Count} {big.Min} {big.Max} {Checksum(big)}");

        var map = new SortedDictionary<string, int> { ["pear"] = 3, ["apple"] = 1, ["fig"] = 2 };
        map["banana"] = 5; map["apple"] = 10;
        Console.WriteLine($"sorted dictionary {Show(map)} {Show(map.Keys)} {Show(map.Values)} {map.Count} {map["fig"]} {map.ContainsKey("kiwi")} {map.ContainsValue(5)} {map.Remove("pear")} {map.Remove("pear")} {map.TryGetValue("fig", out int figValue)} {figValue}");
        foreach (var (key, value) in map) Console.WriteLine($"entry {key} {value}");
        Try("sorted missing", () => { var v = map["kiwi"]; });
        Try("sorted duplicate", () => map.Add("fig", 1));
        Try("sorted null key", () => map.Add(null, 1));
        var byNumber = new SortedDictionary<int, string>(new Descending());
        for (int k = 0; k < 6; k++) byNumber[k * 5 % 7] = "v" + k;
        Console.WriteLine($"custom order {Show(byNumber)}");
        map.Clear();
        Console.WriteLine($"cleared {map.Count} {Show(map)}");
    }

    static void PriorityQueues()
    {
        // Equal priorities leave in the quaternary heap's order, not insertion order.
        var pq = new PriorityQueue<string, int>();
        for (int i = 0; i < 20; i++) pq.Enqueue("e" + i, i % 3);
        string order = "";
        while (pq.Count > 0) order += pq.Dequeue() + " ";
        Console.WriteLine($"priority order {order}");
        var range = new PriorityQueue<int, int>();
        range.EnqueueRange(new[] { 5, 6, 7, 8, 9, 10 }, 1);
        range.EnqueueRange(Numbers(4), 0);
        range.Enqueue(100, 1);
        order = "";
        while (range.TryDequeue(out int element, out int priority)) order += element + ":" + priority + " ";
        Console.WriteLine($"EnqueueRange {order}");
        var mixed = new PriorityQueue<char, string>(new[] { 'x' }.Length);
        mixed.Enqueue('a', "m"); mixed.Enqueue('b', "c"); mixed.Enqueue('c', "x");
        Console.WriteLine($"EnqueueDequeue {mixed.EnqueueDequeue('d', "a")} {mixed.EnqueueDequeue('e', "z")} DequeueEnqueue {mixed.DequeueEnqueue('f', "b")} Peek {mixed.Peek()} {mixed.TryPeek(out char top, out string topPriority)} {top}{topPriority} {mixed.Count}");
        var maxHeap = new PriorityQueue<int, int>(new Descending());
        foreach (int v in new[] { 3, 9, 1, 9, 4 }) maxHeap.Enqueue(v * 10, v);
        order = "";
        while (maxHeap.Count > 0) order += maxHeap.Dequeue() + " ";
        Console.WriteLine($"max heap {order} capacity {maxHeap.EnsureCapacity(0)}");
        var big = new PriorityQueue<int, int>();
        int checksum = 17;
        for (int i = 0; i < 5000; i++) big.Enqueue(i, i * 7919 % 100);
        for (int i = 0; i < 2500; i++) checksum = unchecked(checksum * 31 + big.Dequeue());
        for (int i = 0; i < 1000; i++) big.Enqueue(-i, i % 7);
        while (big.Count > 0) checksum = unchecked(checksum * 31 + big.Dequeue());
        Console.WriteLine($"big priority queue {checksum}");
        var fromPairs = new PriorityQueue<string, int>(new[] { ("a", 3), ("b", 1), ("c", 3), ("d", 1), ("e", 2), ("f", 1) });
        fromPairs.EnqueueRange(new List<(string, int)> { ("g", 1), ("h", 0) });
        order = "";
        while (fromPairs.TryDequeue(out string element, out int priority)) order += element + priority + " ";
        Console.WriteLine($"from pairs {order}");
        Try("Dequeue empty", () => new PriorityQueue<int, int>().Dequeue());
        Try("DequeueEnqueue empty", () => new PriorityQueue<int, int>().DequeueEnqueue(1, 1));
        Try("negative capacity", () => new PriorityQueue<int, int>(-3));
    }

    static void Enumerators()
    {
        Try("List add while enumerating", () => { var l = new List<int> { 1, 2 }; foreach (var v in l) l.Add(v); });
        Try("List set while enumerating", () => { var l = new List<int> { 1, 2 }; foreach (var v in l) l[0] = 5; });
        Try("List sort while enumerating", () => { var l = new List<int> { 1, 2 }; foreach (var v in l) l.Sort(); });
        Try("List RemoveAll nothing while enumerating", () => { var l = new List<int> { 1, 2 }; foreach (var v in l) l.RemoveAll(y => y > 5); });
        Try("Dictionary add while enumerating", () => { var d = new Dictionary<int, int> { [1] = 1 }; foreach (var p in d) d[p.Key + 1] = 1; });
        Try("Dictionary clear while enumerating", () => { var d = new Dictionary<int, int> { [1] = 1, [2] = 2 }; foreach (var p in d) d.Clear(); });
        Try("Dictionary keys add while enumerating", () => { var d = new Dictionary<int, int> { [1] = 1 }; foreach (var k in d.Keys) d[k + 1] = 1; });
        Try("HashSet add while enumerating", () => { var h = new HashSet<int> { 1 }; foreach (var v in h) h.Add(v + 1); });
        Try("HashSet remove while enumerating", () => { var h = new HashSet<int> { 1, 2, 3 }; foreach (var v in h) h.Remove(v); });
        Try("Queue enqueue while enumerating", () => { var q = new Queue<int>(new[] { 1 }); foreach (var v in q) q.Enqueue(v); });
        Try("Stack push while enumerating", () => { var s = new Stack<int>(new[] { 1 }); foreach (var v in s) s.Push(v); });
        Try("LinkedList add while enumerating", () => { var l = new LinkedList<int>(new[] { 1 }); foreach (var v in l) l.AddLast(v); });
        Try("SortedSet add existing while enumerating", () => { var s = new SortedSet<int> { 1, 2 }; foreach (var v in s) s.Add(1); });
        Try("SortedDictionary set while enumerating", () => { var s = new SortedDictionary<int, int> { [1] = 1, [2] = 2 }; foreach (var p in s) s[1] = 3; });
        Try("HashSet IEnumerator.Current before MoveNext", () => { IEnumerator e = new HashSet<int> { 1 }.GetEnumerator(); var c = e.Current; });
        Try("Dictionary IEnumerator.Current after end", () => { IEnumerator e = new Dictionary<int, int> { [1] = 1 }.GetEnumerator(); while (e.MoveNext()) { } var c = e.Current; });
        Try("SortedSet IEnumerator.Current before MoveNext", () => { IEnumerator e = new SortedSet<int> { 1 }.GetEnumerator(); var c = e.Current; });
        var qe = new Queue<int>(new[] { 1 }).GetEnumerator();
        var se = new Stack<int>(new[] { 1 }).GetEnumerator();
        Console.WriteLine($"Queue and Stack Current outside enumeration {qe.Current} {qe.MoveNext()} {qe.Current} {qe.MoveNext()} {qe.Current} {se.MoveNext()} {se.MoveNext()} {se.Current}");
        Try("negative capacities", () => new List<int>(-1));
        Try("negative HashSet capacity", () => new HashSet<int>(-1));
        Try("negative Queue capacity", () => new Queue<int>(-1));
        Try("negative Stack EnsureCapacity", () => new Stack<int>().EnsureCapacity(-2));
        Try("Array.Copy negative index", () => Array.Copy(new int[2], -1, new int[2], 0, 1));
        Try("List.IndexOf past end", () => new List<int> { 1 }.IndexOf(1, 5));
        Try("List IEnumerator.Current before MoveNext", () => { IEnumerator e = new List<int> { 1 }.GetEnumerator(); var c = e.Current; });
        var le = new List<int> { 4, 5 }.GetEnumerator();
        Console.WriteLine($"List Current before MoveNext {le.Current} {le.MoveNext()} {le.Current} {le.MoveNext()} {le.MoveNext()} {le.Current}");
    }
}

/// <summary>A window on an array (ArraySegment stand-in) for printing a prefix.</summary>
sealed class ArraySegmentView : IEnumerable<int>
{
    private readonly int[] _array; private readonly int _start, _count;
    public ArraySegmentView(int[] array, int start, int count) { _array = array; _start = start; _count = count; }
    public IEnumerator<int> GetEnumerator() { for (int i = 0; i < _count; i++) yield return _array[_start + i]; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
