using System;
using System.Collections.Generic;

/// <summary>Guid against .NET: layout, text forms, parsing, order, equality; NewGuid's version and variant (its value is random).</summary>
static class Program
{

    static int Main()
    {
        var bytes = new byte[16];
        for (int i = 0; i < 16; i++) bytes[i] = (byte)(i * 17 + 3);
        var g = new Guid(bytes);
        Console.WriteLine(g + " " + g.ToString("N") + " " + g.ToString("B") + " " + g.ToString("P") + " " + g.ToString("d"));
        Console.WriteLine(string.Join(",", g.ToByteArray()));
        Console.WriteLine(new Guid(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) + " " + Guid.Empty);
        Console.WriteLine(new Guid(-1, -2, -3, 255, 254, 253, 252, 251, 250, 249, 248));
        foreach (string s in new[] { "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5BD9CB469FA16570867728950E", "{0f8fad5b-d9cb-469f-a165-70867728950e}",
            "(0F8FAD5B-D9CB-469F-A165-70867728950E)", "  0f8fad5b-d9cb-469f-a165-70867728950e  ", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5bxd9cb-469f-a165-70867728950e", "" })
        {
            bool ok = Guid.TryParse(s, out Guid parsed);
            Console.WriteLine("TryParse \"" + s + "\": " + ok + " " + parsed);
        }
        Outcome.Print("Parse bad", () => Guid.Parse("nope"));
        Outcome.Print("Parse null", () => Guid.Parse((string)null));
        Outcome.Print("ToString X9", () => g.ToString("Q"));
        Outcome.Print("15 bytes", () => new Guid(new byte[15]));
        var a = Guid.Parse("00000001-0000-0000-0000-000000000000");
        var b = Guid.Parse("ffffffff-0000-0000-0000-000000000000");
        var c = Guid.Parse("00000001-0000-0000-0000-000000000001");
        Console.WriteLine(a.CompareTo(b) + " " + b.CompareTo(a) + " " + a.CompareTo(c) + " " + a.CompareTo(a) + " " + a.CompareTo(null));
        var list = new List<Guid> { b, c, a, Guid.Empty };
        list.Sort();
        Console.WriteLine(string.Join(" ", list));
        Console.WriteLine((a == Guid.Parse(a.ToString())) + " " + (a != c) + " " + a.Equals((object)a) + " " + (a.GetHashCode() == Guid.Parse(a.ToString("N")).GetHashCode()));
        var seen = new HashSet<Guid>();
        bool versions = true;
        for (int i = 0; i < 100; i++)
        {
            Guid n = Guid.NewGuid();
            seen.Add(n);
            string t = n.ToString();
            versions &= t[14] == '4' && "89ab".IndexOf(t[19]) >= 0;
        }
        Console.WriteLine("NewGuid: 100 distinct " + (seen.Count == 100) + ", version 4 and RFC variant " + versions);
        return 0;
    }
}
