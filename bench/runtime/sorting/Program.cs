using System;
using System.Collections.Generic;

/// <summary>
/// Sorting: Array.Sort of integers, of strings (ordinal, by delegate) and of structs with a comparison, List.Sort with a
/// comparer, and binary searches in the results. Argument: elements, in thousands.
/// </summary>
static class Program
{
    private static uint s_random = 88172645;

    private static uint Next()
    {
        uint x = s_random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return s_random = x;
    }

    private struct Item
    {
        public int Key;
        public int Order;
    }

    private sealed class ByLength : IComparer<string>
    {
        public int Compare(string a, string b) => a.Length != b.Length ? a.Length - b.Length : Ordinal(a, b);
    }

    /// <summary>Ordinal order, written out so the benchmark does not depend on a culture.</summary>
    private static int Ordinal(string a, string b)
    {
        int length = a.Length < b.Length ? a.Length : b.Length;
        for (int i = 0; i < length; i++)
            if (a[i] != b[i]) return a[i] - b[i];
        return a.Length - b.Length;
    }

    static int Main()
    {
        int count = BenchArgs.Size(400) * 1000;
        ulong hash = 14695981039346656037;

        var numbers = new int[count];
        for (int round = 0; round < 4; round++)
        {
            for (int i = 0; i < count; i++) numbers[i] = (int)Next() - int.MaxValue / 2;
            Array.Sort(numbers);
            for (int i = 0; i < count; i += 997) hash = Fold(hash, (ulong)numbers[i]);
            hash = Fold(hash, (ulong)Array.BinarySearch(numbers, numbers[count / 3]));
        }

        var words = new string[count / 4];
        for (int i = 0; i < words.Length; i++) words[i] = "w" + (Next() % 1_000_000).ToString();
        var byLength = new List<string>(words);
        Array.Sort(words, Ordinal);
        byLength.Sort(new ByLength());
        for (int i = 0; i < words.Length; i += 499) hash = Fold(Fold(hash, words[i][words[i].Length - 1]), byLength[i][1]);

        var items = new Item[count / 2];
        for (int i = 0; i < items.Length; i++) items[i] = new Item { Key = (int)(Next() % 1000), Order = i };
        Array.Sort(items, (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Order.CompareTo(b.Order));
        for (int i = 0; i < items.Length; i += 251) hash = Fold(hash, (ulong)(items[i].Key * 1_000_003 + items[i].Order));

        Console.WriteLine($"checksum {hash:x16}");
        return 0;
    }

    private static ulong Fold(ulong hash, ulong value) => (hash ^ value) * 1099511628211;
}
