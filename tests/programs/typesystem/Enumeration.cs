using System;
using System.Collections;
using System.Collections.Generic;

class Range : IEnumerable<int>
{
    private readonly int _from, _to;
    public Range(int from, int to) { _from = from; _to = to; }
    public IEnumerator<int> GetEnumerator() { for (int i = _from; i < _to; i++) yield return i; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

enum Color { Red, Green = 5, Blue }
[Flags] enum Perm : byte { None = 0, Read = 1, Write = 2 }

static class Enumeration
{
    static ReadOnlySpan<byte> Magic => new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' };

    static ReadOnlySpan<int> Primes => new int[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
    static readonly ushort[] Table = { 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987 };

    static IEnumerable<string> Words()
    {
        yield return "alpha";
        yield return "beta";
        yield return "gamma";
    }

    public static void Run()
    {
        int[] nums = { 1, 2, 3, 4 };
        int sum = 0;
        foreach (int n in nums) sum += n;
        long[] big = new long[] { 10000000000, 20000000000 };
        string[] strs = new[] { "x", "y" };
        Console.WriteLine("array initializers and foreach: " + sum.ToString() + " " + (big[0] + big[1]).ToString() + " " + strs[0] + strs[1]);

        double[] ds = { 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5 };
        double dsum = 0;
        foreach (double x in ds) dsum += x;
        int psum = 0;
        foreach (int prime in Primes) psum += prime;
        int tsum = 0;
        foreach (ushort t in Table) tsum += t;
        Console.WriteLine("data initializers: " + ((int)dsum).ToString() + " " + Primes.Length.ToString() + " " + psum.ToString() + " " + tsum.ToString());

        int rs = 0;
        foreach (int i in new Range(1, 5)) rs += i;
        string ws = "";
        foreach (string w in Words()) ws += w[0];
        Console.WriteLine("custom enumerable and iterators: " + rs.ToString() + " " + ws);

        IEnumerable<int> seq = nums;
        int viaInterface = 0;
        foreach (int n in seq) viaInterface += n * 10;
        Console.WriteLine("array as IEnumerable<int>: " + viaInterface.ToString());

        ReadOnlySpan<byte> magic = Magic;
        int total = 0;
        foreach (byte b in magic) total += b;
        Span<int> span = stackalloc int[] { 5, 6, 7 };
        int st = 0;
        foreach (ref int v in span) { v *= 2; st += v; }
        Console.WriteLine("span foreach: " + magic.Length.ToString() + " " + total.ToString() + " " + st.ToString());

        int[][] jag = new int[3][];
        for (int i = 0; i < jag.Length; i++) { jag[i] = new int[i + 1]; jag[i][i] = i * 7; }
        Console.WriteLine("jagged: " + jag[2].Length.ToString() + " " + jag[2][2].ToString() + " " + jag[1][0].ToString());

        var points = new List<Point>();
        for (int i = 0; i < 10; i++) points.Add(new Point { X = i, Y = -i });
        points.RemoveAt(0);
        points.Insert(0, new Point { X = 100, Y = 0 });
        int px = 0;
        foreach (Point pt in points) px += pt.X;
        var names = new List<string> { "b", "a" };
        names.Add("c");
        IEnumerable<string> nameSeq = names;
        string joined = "";
        foreach (string n in nameSeq) joined += n;
        Console.WriteLine("List<T>: " + points.Count.ToString() + " " + px.ToString() + " " + joined + " " + names.IndexOf("c").ToString() + " " + (names.Contains("z") ? "?" : "no-z"));

        var ages = new Dictionary<string, int>();
        for (int i = 0; i < 20; i++) ages["k" + i.ToString()] = i;
        ages.Remove("k3");
        ages["k5"] = 500;
        int agesum = 0;
        foreach (KeyValuePair<string, int> kv in ages) agesum += kv.Value;
        Console.WriteLine("Dictionary: " + ages.Count.ToString() + " " + ages["k5"].ToString() + " " + (ages.TryGetValue("k3", out _) ? "?" : "no-k3") + " " + agesum.ToString());

        IList<int> asList = nums;
        IReadOnlyList<int> ro = nums;
        Console.WriteLine("array as IList<T>: " + asList.Count.ToString() + " " + asList[2].ToString() + " " + asList.IndexOf(4).ToString() + " " + ro[0].ToString());

        Color c = Color.Blue;
        Perm p = Perm.Read | Perm.Write;
        Console.WriteLine("enums: " + ((int)c).ToString() + " " + c.ToString() + " " + ((int)p).ToString() + " " + (c == Color.Blue ? "eq" : "ne"));
    }
}
