using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

/// <summary>Read-only views (List.AsReadOnly, Array.AsReadOnly, ReadOnlyCollection) and sorting spans in place, against .NET.</summary>
static class Program
{
    sealed class ByLength : IComparer<string>
    {
        public int Compare(string a, string b) => a.Length.CompareTo(b.Length);
    }

    static int Main()
    {
        var list = new List<string> { "b", "a", "c" };
        ReadOnlyCollection<string> view = list.AsReadOnly();
        list.Add("d");
        Console.WriteLine(view.Count + " " + view[3] + " " + view.Contains("a") + " " + view.IndexOf("c") + " " + string.Join(",", view));
        var copy = new string[5];
        view.CopyTo(copy, 1);
        Console.WriteLine(string.Join("|", copy));
        IList<string> asList = view;
        Console.WriteLine("read-only " + asList.IsReadOnly + ", LINQ " + string.Join(",", view.Where(s => s != "a").OrderBy(s => s)));
        Outcome.Print("Add", () => { asList.Add("x"); return "added"; });
        Outcome.Print("set", () => { asList[0] = "x"; return "set"; });
        Outcome.Print("RemoveAt", () => { asList.RemoveAt(0); return "removed"; });
        Outcome.Print("index 9", () => view[9]);
        Outcome.Print("null list", () => new ReadOnlyCollection<int>(null));
        var numbers = Array.AsReadOnly(new[] { 5, 3, 9 });
        Console.WriteLine(numbers.Count + " " + numbers[2] + " " + ReadOnlyCollection<int>.Empty.Count + " " + ReadOnlyCollection<int>.Empty.Equals(ReadOnlyCollection<int>.Empty));

        Span<int> span = stackalloc int[] { 5, 1, 4, 1, 5, 9, 2, 6 };
        span.Sort();
        Console.WriteLine(string.Join(",", span.ToArray()));
        span.Sort((a, b) => b.CompareTo(a));
        Console.WriteLine(string.Join(",", span.ToArray()));
        var words = new[] { "ccc", "a", "bb", "dd", "e" };
        words.AsSpan().Sort(new ByLength());
        Console.WriteLine(string.Join(",", words));
        var keys = new[] { 3, 1, 2 };
        var items = new[] { "three", "one", "two" };
        keys.AsSpan().Sort(items.AsSpan());
        Console.WriteLine(string.Join(",", keys) + " " + string.Join(",", items));
        Outcome.Print("keys and items of different lengths", () => { new[] { 1, 2 }.AsSpan().Sort(new[] { "x" }.AsSpan()); return "sorted"; });
        return 0;
    }
}
