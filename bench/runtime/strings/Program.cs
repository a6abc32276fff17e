using System;
using System.Text;

/// <summary>
/// String building and formatting: StringBuilder appends of text and numbers, composite formatting with
/// alignment and format strings, interpolation, and searching and replacing in the text it built.
/// Argument: records, in thousands.
/// </summary>
static class Program
{
    static int Main()
    {
        int records = BenchArgs.Size(300) * 1000;
        ulong hash = 14695981039346656037;
        var builder = new StringBuilder();
        long lengths = 0;
        for (int i = 0; i < records; i++)
        {
            builder.Clear();
            builder.Append("record ").Append(i).Append(':').Append(' ');
            builder.Append(i * 7919L - 1_000_000).Append(", ").Append((uint)i * 2654435761u);
            builder.Append(string.Format(" [{0,8}|{1,-6}|{2:X8}]", i % 1000, i % 7, i * 31));
            string line = builder.ToString();
            string formatted = string.Format("{0:D6}-{1,5}-{2:x}", i % 100_000, i & 1023, i);
            string interpolated = $"{i,7}:{i % 13:D3}:{line.Length}";
            lengths += line.Length + formatted.Length + interpolated.Length;
            hash = Fold(hash, line[line.Length / 2]);
            hash = Fold(hash, formatted[formatted.Length - 1]);
            hash = Fold(hash, interpolated[3]);
            if ((i & 255) == 0) hash = Fold(hash, (ulong)Words(line, formatted));
        }
        Console.WriteLine($"lengths {lengths}");
        Console.WriteLine($"checksum {hash:x16}");
        return 0;
    }

    /// <summary>Searches, cuts and replaces in the text built above.</summary>
    private static int Words(string line, string formatted)
    {
        string replaced = line.Replace("record", "R").Replace(' ', '/');
        string tail = replaced.Substring(replaced.IndexOf(':'));
        return replaced.Length * 1000 + tail.Length + (tail.Contains("|") ? 1 : 0) + formatted.IndexOf('-');
    }

    private static ulong Fold(ulong hash, ulong value) => (hash ^ value) * 1099511628211;
}
