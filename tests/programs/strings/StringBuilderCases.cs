using System;
using System.Collections.Generic;
using System.Text;

static partial class Program
{
    static void StringBuilderCases()
    {
        var sb = new StringBuilder();
        Show("sb.empty", sb.ToString());
        Show("sb.empty.capacity", sb.Capacity);
        sb.Append("abc").Append('d').Append('e', 3).Append(true).Append(false);
        Show("sb.append", sb.ToString());
        sb.Append(-42).Append(0).Append(int.MinValue).Append(int.MaxValue).Append(long.MinValue).Append(ulong.MaxValue);
        sb.Append((byte)255).Append((sbyte)-128).Append((short)-32768).Append((ushort)65535).Append(4000000000u);
        Show("sb.numbers", sb.ToString());
        Show("sb.length", sb.Length);
        sb.Clear();
        Show("sb.cleared", sb.ToString() + "|" + sb.Length.ToString());
        sb.Append((string)null).Append((object)null).Append((char[])null).Append((StringBuilder)null);
        Show("sb.nulls", sb.Length);
        sb.Append(new char[] { 'x', 'y', 'z' }).Append(new char[] { '1', '2', '3', '4' }, 1, 2).Append("hello", 1, 3);
        sb.Append("span".AsSpan()).Append(new StringBuilder("SB")).Append(new StringBuilder("0123456"), 2, 3);
        Show("sb.ranges", sb.ToString());
        sb.Append((object)"obj").Append((object)7);
        Show("sb.objects", sb.ToString());

        var lines = new StringBuilder().AppendLine("one").AppendLine().AppendLine("two");
        Show("sb.lines", lines.ToString().Replace("\n", "\\n"));

        var ins = new StringBuilder("world");
        ins.Insert(0, "hello ").Insert(ins.Length, '!').Insert(5, ",").Insert(0, 12).Insert(2, true).Insert(0, "ab", 3);
        ins.Insert(0, (string)null).Insert(3, new char[] { '<', '>' }).Insert(1, (object)null);
        Show("sb.insert", ins.ToString());
        ins.Remove(0, 3).Remove(ins.Length - 1, 1).Remove(2, 0);
        Show("sb.remove", ins.ToString());

        var rep = new StringBuilder("the cat sat on the mat with the hat");
        rep.Replace("the", "a").Replace('a', 'A').Replace("at", "ot", 0, 10).Replace("zzz", "y").Replace("A", null);
        Show("sb.replace", rep.ToString());
        var grow = new StringBuilder("aaaa");
        grow.Replace("a", "bbbbbbbbbb");
        Show("sb.replace.grow", grow.ToString() + " " + grow.Length.ToString());
        var shrink = new StringBuilder("xyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxy");
        shrink.Replace("xy", "");
        Show("sb.replace.all", shrink.ToString() + " " + shrink.Length.ToString());
        var ranged = new StringBuilder("aaaaaaaa");
        ranged.Replace('a', 'b', 2, 3).Replace("a", "cc", 6, 2);
        Show("sb.replace.range", ranged.ToString());

        var idx = new StringBuilder("abcdef");
        idx[0] = 'Z';
        idx[5] = 'Y';
        Show("sb.indexer", idx.ToString() + idx[1].ToString() + idx[4].ToString());
        Show("sb.substring", idx.ToString(1, 3) + "|" + idx.ToString(6, 0) + "|" + idx.ToString(0, 6));
        idx.Length = 3;
        Show("sb.shorter", idx.ToString());
        idx.Length = 5;
        Show("sb.longer", idx.ToString().Replace('\0', '0') + " " + idx.Length.ToString());
        Show("sb.equals", new StringBuilder("ab").Equals(new StringBuilder("ab")) + " " + new StringBuilder("ab").Equals(new StringBuilder("abc")) + " " + new StringBuilder("ab").Equals((StringBuilder)null));

        var cap = new StringBuilder();
        var caps = new List<int>();
        for (int i = 0; i < 300; i++)
        {
            cap.Append('x');
            if (caps.Count == 0 || caps[caps.Count - 1] != cap.Capacity) caps.Add(cap.Capacity);
        }
        string capText = "";
        foreach (int c in caps) capText += c.ToString() + ",";
        Show("sb.capacity.growth", capText);
        Show("sb.capacity.ctor", new StringBuilder(100).Capacity.ToString() + " " + new StringBuilder(0).Capacity.ToString() + " " +
            new StringBuilder("abcdefghijklmnopqrstuvwxyz").Capacity.ToString() + " " + new StringBuilder("ab", 50).Capacity.ToString() + " " +
            new StringBuilder(10, 20).MaxCapacity.ToString() + " " + new StringBuilder().MaxCapacity.ToString());
        var setCap = new StringBuilder("abc");
        setCap.Capacity = 100;
        Show("sb.capacity.set", setCap.Capacity.ToString() + " " + setCap.EnsureCapacity(50).ToString() + " " + setCap.EnsureCapacity(200).ToString() + " " + setCap.ToString());
        Show("sb.ctor.range", new StringBuilder("abcdef", 1, 3, 0).ToString() + " " + new StringBuilder((string)null).ToString().Length.ToString());

        var big = new StringBuilder();
        for (int i = 0; i < 100000; i++) big.Append(i % 10);
        string bigText = big.ToString();
        Show("sb.big", bigText.Length.ToString() + " " + bigText.Substring(99990) + " " + big[54321].ToString());
        var bigInsert = new StringBuilder();
        for (int i = 0; i < 2000; i++) bigInsert.Insert(bigInsert.Length / 2, (char)('a' + i % 26));
        Show("sb.big.insert", bigInsert.ToString(0, 40) + " " + bigInsert.Length.ToString());

        Show("sb.join", new StringBuilder().AppendJoin(", ", "a", "b", "c").AppendJoin('-', 1, 2, 3).AppendJoin("+", new List<int> { 4, 5 }).AppendJoin("|", new string[0]).ToString());

        char[] dest = new char[8];
        new StringBuilder("copy me").CopyTo(1, dest, 2, 4);
        Show("sb.copyto", new string(dest).Replace('\0', '.'));
        Span<char> span = stackalloc char[3];
        new StringBuilder("spanned").CopyTo(2, span, 3);
        Show("sb.copyto.span", new string(span));

        var sbx = new StringBuilder("abc");
        Throws("sb.get.past", () => { char c = sbx[5]; });
        Throws("sb.get.negative", () => { char c = sbx[-1]; });
        Throws("sb.set.past", () => sbx[3] = 'x');
        Throws("sb.remove.past", () => sbx.Remove(2, 5));
        Throws("sb.remove.negative", () => sbx.Remove(-1, 1));
        Throws("sb.insert.past", () => sbx.Insert(5, "x"));
        Throws("sb.tostring.past", () => sbx.ToString(1, 5));
        Throws("sb.length.negative", () => sbx.Length = -1);
        Throws("sb.capacity.small", () => sbx.Capacity = 1);
        Throws("sb.repeat.negative", () => sbx.Append('x', -1));
        Throws("sb.append.null.range", () => sbx.Append((string)null, 1, 1));
        Throws("sb.append.past", () => sbx.Append("abc", 2, 5));
        Throws("sb.replace.null", () => sbx.Replace(null, "x"));
        Throws("sb.replace.empty", () => sbx.Replace("", "x"));
        Throws("sb.ctor.negative", () => new StringBuilder(-1));
        Show("sb.after.errors", sbx.ToString());
    }
}
