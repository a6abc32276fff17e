using System;
using System.Collections.Generic;

/// <summary>
/// HashCode (its values are random per process on .NET, so only how they relate is printed), string.Create and
/// BitConverter.ToString, against .NET.
/// </summary>
static class Program
{

    sealed class CaseInsensitive : IEqualityComparer<string>
    {
        public bool Equals(string a, string b) => string.Equals(a?.ToUpperInvariant(), b?.ToUpperInvariant());
        public int GetHashCode(string s) => s.ToUpperInvariant().GetHashCode();
    }

    static int Main()
    {
        Console.WriteLine("Combine equal for equal inputs: " + (HashCode.Combine(1, "a", 2.5) == HashCode.Combine(1, "a", 2.5)));
        Console.WriteLine("order matters: " + (HashCode.Combine(1, 2) != HashCode.Combine(2, 1)));
        Console.WriteLine("null hashes as 0: " + (HashCode.Combine<string>(null) == HashCode.Combine(0)));
        bool same = true;
        for (int n = 1; n <= 8; n++)
        {
            var hc = new HashCode();
            for (int i = 1; i <= n; i++) hc.Add(i * 7);
            int combined = n switch
            {
                1 => HashCode.Combine(7),
                2 => HashCode.Combine(7, 14),
                3 => HashCode.Combine(7, 14, 21),
                4 => HashCode.Combine(7, 14, 21, 28),
                5 => HashCode.Combine(7, 14, 21, 28, 35),
                6 => HashCode.Combine(7, 14, 21, 28, 35, 42),
                7 => HashCode.Combine(7, 14, 21, 28, 35, 42, 49),
                _ => HashCode.Combine(7, 14, 21, 28, 35, 42, 49, 56),
            };
            same &= hc.ToHashCode() == combined;
        }
        Console.WriteLine("Add then ToHashCode equals Combine for 1 to 8 values: " + same);
        var many = new HashCode();
        for (int i = 0; i < 100; i++) many.Add(i);
        int first = many.ToHashCode();
        Console.WriteLine("ToHashCode twice: " + (first == many.ToHashCode()));
        many.Add(100);
        Console.WriteLine("adding changes it: " + (first != many.ToHashCode()));
        var a = new HashCode(); a.Add("Key", new CaseInsensitive());
        var b = new HashCode(); b.Add("KEY", new CaseInsensitive());
        Console.WriteLine("with a comparer: " + (a.ToHashCode() == b.ToHashCode()));
        var distinct = new HashSet<int>();
        for (int i = 0; i < 1000; i++) distinct.Add(HashCode.Combine(i, i / 3));
        Console.WriteLine("1000 pairs, distinct hashes over 990: " + (distinct.Count > 990));
        Outcome.Print("HashCode.GetHashCode", () => { object boxed = new HashCode(); return boxed.GetHashCode(); });
        Outcome.Print("HashCode.Equals", () => { object boxed = new HashCode(); return boxed.Equals(boxed); });

        Console.WriteLine(string.Create(5, 'z', (span, c) => { span.Fill(c); span[2] = '-'; }));
        Console.WriteLine(string.Create(3, 65, (span, start) => { for (int i = 0; i < span.Length; i++) span[i] = (char)(start + i); }));
        Console.WriteLine("empty: [" + string.Create(0, 0, (span, _) => throw new InvalidOperationException()) + "]");
        Outcome.Print("negative length", () => string.Create(-1, 0, (span, _) => { }));
        Outcome.Print("null action", () => string.Create<int>(2, 0, null));

        Console.WriteLine(BitConverter.ToString(new byte[] { 0, 1, 0xAB, 0xFF, 0x10 }));
        Console.WriteLine(BitConverter.ToString(new byte[] { 0x7F }));
        Console.WriteLine("[" + BitConverter.ToString(new byte[0]) + "]");
        Console.WriteLine(BitConverter.ToString(new byte[] { 1, 2, 3, 4 }, 1));
        Console.WriteLine(BitConverter.ToString(new byte[] { 1, 2, 3, 4 }, 1, 2));
        Outcome.Print("start past the end", () => BitConverter.ToString(new byte[] { 1, 2 }, 3));
        Outcome.Print("start at the end", () => BitConverter.ToString(new byte[] { 1, 2 }, 2));
        Outcome.Print("negative start", () => BitConverter.ToString(new byte[] { 1, 2 }, -1, 1));
        Outcome.Print("negative length", () => BitConverter.ToString(new byte[] { 1, 2 }, 0, -1));
        Outcome.Print("too long", () => BitConverter.ToString(new byte[] { 1, 2 }, 1, 2));
        Outcome.Print("null", () => BitConverter.ToString(null));
        return 0;
    }
}
