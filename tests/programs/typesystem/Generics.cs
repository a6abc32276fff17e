using System;

struct Point { public int X, Y; public override string ToString() => "(" + X.ToString() + "," + Y.ToString() + ")"; }

class Stack<T>
{
    private T[] _items = new T[2];
    private int _count;
    public void Push(T item)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        _items[_count++] = item;
    }
    public T Pop() => _items[--_count];
    public int Count => _count;
}

class Pair<TKey, TValue> { public TKey Key; public TValue Value; }



abstract class Visitor { public abstract string Visit<T>(T value); }
class NameVisitor : Visitor { public override string Visit<T>(T value) => "N:" + value.ToString(); }
class LenVisitor : Visitor { public override string Visit<T>(T value) => "L:" + value.ToString().Length.ToString(); }

interface IRanked<T> { int CompareTo(T other); }
struct Score : IRanked<Score> { public int V; public int CompareTo(Score other) => V - other.V; }
class Name : IRanked<Name> { public string S; public int CompareTo(Name other) => S.Length - other.S.Length; }

static class Generics
{
    static T Max<T>(T a, T b) where T : IRanked<T> => a.CompareTo(b) >= 0 ? a : b;

    public static void Run()
    {
        var ps = new Stack<Point>();
        for (int i = 0; i < 5; i++) ps.Push(new Point { X = i, Y = i * i });
        var ss = new Stack<string>();
        ss.Push("a"); ss.Push("b"); ss.Push("c");
        Console.WriteLine("generic class over struct and class: " + ps.Count.ToString() + " " + ps.Pop().ToString() + " " + ss.Pop() + ss.Pop());

        var pair = new Pair<string, long> { Key = "k", Value = 1L << 40 };
        Console.WriteLine("two type arguments: " + pair.Key + "=" + pair.Value.ToString());

        Console.WriteLine("constrained generic method: " + Max(new Score { V = 3 }, new Score { V = 9 }).V.ToString() + " " + Max(new Name { S = "ab" }, new Name { S = "a" }).S);

        object[] ranked = { new Score { V = 3 }, new Name { S = "abcd" } };
        int r0 = ((IRanked<Score>)ranked[0]).CompareTo(new Score { V = 1 }), r1 = ((IRanked<Name>)ranked[1]).CompareTo(new Name { S = "a" });
        Console.WriteLine("interface call on boxed struct: " + r0.ToString() + " " + r1.ToString());

        Visitor[] vs = { new NameVisitor(), new LenVisitor() };
        try { Console.WriteLine("generic virtual method: " + vs[0].Visit(12345) + vs[1].Visit("abc")); }
        catch (NotSupportedException e) { Console.WriteLine("generic virtual method: " + e.Message); }
    }
}
