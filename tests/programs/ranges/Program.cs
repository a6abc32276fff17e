using System;
using System.Collections.Generic;

/// <summary>Index and Range (C# 8's ^ and ..) on strings, arrays, spans and lists, their members and errors, against .NET.</summary>
static class Program
{
    static void Show(string what, object value) => Console.WriteLine(what + ": " + (value == null ? "null" : value.ToString()));


    static string Join<T>(T[] items) => "[" + string.Join(",", items) + "]";

    static int Main()
    {
        string s = "hello, ranges";
        Show("s[^1]", s[^1]);
        Show("s[1..5]", s[1..5]);
        Show("s[..5]", s[..5]);
        Show("s[7..]", s[7..]);
        Show("s[^6..^1]", s[^6..^1]);
        Show("s[..]", s[..]);
        Show("s[3..3]", s[3..3].Length);
        int[] a = { 1, 2, 3, 4, 5, 6 };
        Show("a[^2]", a[^2]);
        Show("a[1..^1]", Join(a[1..^1]));
        Show("a[^3..]", Join(a[^3..]));
        Show("a[2..2] empty", a[2..2].Length);
        object[] covariant = new string[] { "x", "y", "z" };
        object[] sub = covariant[1..];
        Show("string[] as object[] sliced", sub.GetType().Name + " " + Join(sub));
        Span<int> span = a;
        Show("span[2..4]", span[2..4].Length + " from " + span[2..4][0]);
        ReadOnlySpan<char> chars = s.AsSpan();
        Show("chars[^6..]", chars[^6..].ToString());
        var list = new List<string> { "a", "b", "c" };
        Show("list[^1]", list[^1]);
        Index i = ^3, j = 2;
        Show("Index ^3", i + " value " + i.Value + " from end " + i.IsFromEnd + " offset in 10 " + i.GetOffset(10));
        Show("Index 2", j + " value " + j.Value + " from end " + j.IsFromEnd + " offset in 10 " + j.GetOffset(10));
        Show("Index.Start / End", Index.Start + " " + Index.End);
        Show("Index.FromEnd(0) == End", Index.FromEnd(0).Equals(Index.End) + " " + Index.FromEnd(0).Equals((object)Index.End) + " " + Index.FromStart(0).Equals(Index.Start));
        Range r = 1..^2;
        Show("Range 1..^2", r + " start " + r.Start + " end " + r.End);
        var (offset, length) = r.GetOffsetAndLength(10);
        Show("offset and length in 10", offset + " " + length);
        Show("Range.All / StartAt / EndAt", Range.All + " " + Range.StartAt(^4) + " " + Range.EndAt(3));
        Show("Range equality", r.Equals(new Range(1, ^2)) + " " + r.Equals((object)(1..^3)) + " " + (Range.All.GetHashCode() == (0..^0).GetHashCode()));
        Outcome.Print("new Index(-1)", () => new Index(-1));
        Outcome.Print("Index.FromEnd(-2)", () => Index.FromEnd(-2));
        Outcome.Print("(2..1) in 10", () => (2..1).GetOffsetAndLength(10).Length);
        Outcome.Print("(0..^11) in 10", () => (0..^11).GetOffsetAndLength(10).Length);
        Outcome.Print("a[..7]", () => a[..7].Length);
        Outcome.Print("s[^20..]", () => s[^20..]);
        Outcome.Print("null array", () => { int[] none = null; return none[1..]; });
        return 0;
    }
}
