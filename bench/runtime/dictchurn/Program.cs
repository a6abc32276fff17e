using System;
using System.Collections.Generic;

/// <summary>
/// Hash-table churn: a sliding window of integer keys is inserted, looked up and removed (the table keeps
/// reusing freed entries), a table grows from empty many times over, and words from a fixed pool are counted
/// in a string-keyed table. Argument: operations, in thousands.
/// </summary>
static class Program
{
    private static uint s_random = 2463534242;

    /// <summary>xorshift32: the same sequence on every runtime.</summary>
    private static uint Next()
    {
        uint x = s_random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return s_random = x;
    }

    static int Main()
    {
        int operations = BenchArgs.Size(4000) * 1000;
        Console.WriteLine($"window: {Window(operations)}");
        Console.WriteLine($"growth: {Growth(operations)}");
        Console.WriteLine($"words: {Words(operations)}");
        return 0;
    }

    /// <summary>Keys live for a fixed number of steps: each step adds one, looks up two and retires the oldest.</summary>
    private static long Window(int operations)
    {
        const int WindowSize = 1 << 16;
        var map = new Dictionary<int, int>();
        var ring = new int[WindowSize];
        long sum = 0;
        for (int i = 0; i < operations; i++)
        {
            int key = (int)(Next() >> 8);
            if (map.TryGetValue(key, out int old)) sum += old;
            map[key] = i;
            int slot = i & (WindowSize - 1);
            if (i >= WindowSize && map.Remove(ring[slot])) sum++;
            ring[slot] = key;
            if (map.TryGetValue(ring[(i * 7) & (WindowSize - 1)], out int value)) sum += value & 0xff;
        }
        return sum * 31 + map.Count;
    }

    /// <summary>Fresh tables filled from empty: the cost of growing and rehashing.</summary>
    private static long Growth(int operations)
    {
        long sum = 0;
        int size = 1000;
        for (int done = 0; done < operations; done += size)
        {
            var map = new Dictionary<int, int>();
            for (int i = 0; i < size; i++) map[(int)(Next() & 0xfffff)] = i;
            sum = sum * 7 + map.Count;
            size = size >= 100_000 ? 1000 : size * 2;
        }
        return sum;
    }

    /// <summary>Counting string keys: hashing and comparing strings.</summary>
    private static long Words(int operations)
    {
        var pool = new string[4096];
        for (int i = 0; i < pool.Length; i++) pool[i] = $"word-{(uint)i * 2654435761u % 100_000u}";
        var counts = new Dictionary<string, int>();
        for (int i = 0; i < operations / 2; i++)
        {
            string word = pool[(int)(Next() & 4095)];
            counts.TryGetValue(word, out int n);
            counts[word] = n + 1;
        }
        long sum = counts.Count;
        for (int i = 0; i < pool.Length; i++)
            if (counts.TryGetValue(pool[i], out int n)) sum = sum * 31 + n;
        return sum;
    }
}
