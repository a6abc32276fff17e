using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;

enum Color { Red, Green, Blue = 7 }
enum Small : byte { A = 1, B = 200 }
enum Signed : sbyte { Neg = -5, Pos = 100 }
enum Wide : long { Low = -5, High = 1L << 40 }
enum Unsigned : uint { One = 1, Max = 0xffffffff }
enum Other { Red, Green }

struct Plain { public int X; public int Y; }
struct WithString { public int Id; public string Name; }
struct WithDouble { public double D; public int N; }
struct Padded { public byte B; public int I; }
struct Nested { public Plain P; public WithString S; }
struct CaseInsensitiveChar
{
    public char C;
    public override bool Equals(object o) => o is CaseInsensitiveChar other && (C | 0x20) == (other.C | 0x20);
    public override int GetHashCode() => C | 0x20;
}
struct HoldsCustom { public CaseInsensitiveChar A; public int B; }
struct WithObject { public object O; }
[StructLayout(LayoutKind.Explicit)]
struct Overlap { [FieldOffset(0)] public int I; [FieldOffset(0)] public short S; }
struct Pair<A, B> { public A First; public B Second; }
struct EquatablePoint : IEquatable<EquatablePoint>
{
    public int X, Y;
    public bool Equals(EquatablePoint o) => X == o.X;   // deliberately ignores Y: shows which Equals runs
    public override bool Equals(object o) => o is EquatablePoint p && X == p.X && Y == p.Y;
    public override int GetHashCode() => X;
}

/// <summary>Equals(T) and Equals(object) disagree on purpose: the default comparer must use IEquatable.</summary>
class Key : IEquatable<Key>
{
    public int Id;
    public Key(int id) { Id = id; }
    public bool Equals(Key other) => other != null && other.Id == Id;
    public override int GetHashCode() => Id;
}

class Version : IComparable<Version>
{
    public int Major;
    public Version(int m) { Major = m; }
    public int CompareTo(Version other) => other == null ? 1 : Major.CompareTo(other.Major);
}

class OldStyle : IComparable
{
    public int V;
    public OldStyle(int v) { V = v; }
    public int CompareTo(object o) => V - ((OldStyle)o).V;
}

class NotComparable { }

/// <summary>IEquatable and IComparable of a base class: the default comparers of the derived class use them through variance.</summary>
class Animal : IEquatable<Animal>, IComparable<Animal>
{
    public string Name;
    public Animal(string name) { Name = name; }
    public bool Equals(Animal other) => other != null && other.Name == Name;
    public override int GetHashCode() => Name.Length;
    public int CompareTo(Animal other) => other == null ? 1 : Name.Length - other.Name.Length;
}

class Dog : Animal { public Dog(string name) : base(name) { } }

static class Program
{
    static int Main()
    {
        Integers();
        Floats();
        BoolsAndChars();
        Enums();
        Strings();
        Structs();
        Nullables();
        Comparers();
        SharedGenerics();
        DictionaryKeys();
        return 0;
    }

    static void Integers()
    {
        Console.WriteLine($"int {5.Equals(5)} {5.Equals((object)5)} {5.Equals((object)5L)} {(-1).GetHashCode()} {int.MinValue.GetHashCode()} {int.MaxValue.CompareTo(int.MinValue)} {3.CompareTo(3)} {3.CompareTo((object)null)}");
        Console.WriteLine($"uint {uint.MaxValue.GetHashCode()} {3u.CompareTo(9u)} {uint.MaxValue.CompareTo(0u)} {7u.Equals((object)7)} {7u.Equals((object)7u)}");
        Console.WriteLine($"long {(-1L).GetHashCode()} {(1L << 40).GetHashCode()} {long.MinValue.GetHashCode()} {long.MaxValue.GetHashCode()} {5L.CompareTo(7L)} {long.MinValue.CompareTo(long.MaxValue)} {5L.Equals(5L)}");
        Console.WriteLine($"ulong {ulong.MaxValue.GetHashCode()} {(1UL << 63).GetHashCode()} {ulong.MaxValue.CompareTo(1UL)} {(0xFFFFFFFFUL).GetHashCode()}");
        Console.WriteLine($"short {((short)-5).GetHashCode()} {((short)-30000).CompareTo((short)30000)} {((short)7).Equals((object)(short)7)} {((short)7).Equals((object)7)}");
        Console.WriteLine($"ushort {((ushort)65535).GetHashCode()} {((ushort)0).CompareTo((ushort)65535)}");
        Console.WriteLine($"sbyte {((sbyte)-128).GetHashCode()} {((sbyte)-128).CompareTo((sbyte)127)} {((sbyte)127).CompareTo((sbyte)-128)}");
        Console.WriteLine($"byte {((byte)255).GetHashCode()} {((byte)0).CompareTo((byte)255)} {((byte)9).Equals((byte)9)}");
        Console.WriteLine($"nint {((nint)(-1)).GetHashCode()} {((nint)5).CompareTo((nint)(-5))} {((nuint)ulong.MaxValue).GetHashCode()} {((nuint)1).CompareTo((nuint)2)}");
        try { 5.CompareTo("x"); } catch (ArgumentException e) { Console.WriteLine("int.CompareTo(string): " + e.Message); }
        try { 5L.CompareTo((object)5); } catch (ArgumentException e) { Console.WriteLine("long.CompareTo(int): " + e.Message); }
        try { ((IComparable)(byte)1).CompareTo((object)1); } catch (ArgumentException e) { Console.WriteLine("byte.CompareTo(int): " + e.Message); }
    }

    static void Floats()
    {
        double zero = 0.0, nan = zero / zero, negZero = -zero, inf = 1.0 / zero;
        Console.WriteLine($"double {1.5.GetHashCode()} {negZero.GetHashCode()} {zero.GetHashCode()} {nan.GetHashCode()} {(-nan).GetHashCode()} {inf.GetHashCode()} {(-inf).GetHashCode()}");
        Console.WriteLine($"double eq {nan.Equals(nan)} {zero.Equals(negZero)} {nan == nan} {nan.Equals((object)nan)} {1.0.Equals((object)1.0f)} {1.0.Equals((object)1)}");
        Console.WriteLine($"double cmp {nan.CompareTo(1.0)} {1.0.CompareTo(nan)} {nan.CompareTo(nan)} {(-inf).CompareTo(nan)} {negZero.CompareTo(zero)} {2.5.CompareTo(-2.5)}");
        float fz = 0f, fnan = fz / fz, fneg = -fz;
        Console.WriteLine($"float {1.5f.GetHashCode()} {fneg.GetHashCode()} {fnan.GetHashCode()} {fnan.Equals(fnan)} {fz.Equals(fneg)} {fnan.CompareTo(0f)} {(0f).CompareTo(fnan)} {(-1f).CompareTo(1f)}");
        try { 1.5.CompareTo((object)1); } catch (ArgumentException e) { Console.WriteLine("double.CompareTo(int): " + e.Message); }
        try { 1.5f.CompareTo((object)1.5); } catch (ArgumentException e) { Console.WriteLine("float.CompareTo(double): " + e.Message); }
    }

    static void BoolsAndChars()
    {
        Console.WriteLine($"bool {true.GetHashCode()} {false.GetHashCode()} {false.CompareTo(true)} {true.CompareTo(false)} {true.CompareTo(true)} {true.Equals((object)true)} {true.Equals((object)1)}");
        Console.WriteLine($"char {'a'.GetHashCode()} {'\uffff'.GetHashCode()} {'\0'.GetHashCode()} {'a'.CompareTo('z')} {'z'.CompareTo('a')} {'a'.Equals((object)'a')} {'a'.Equals((object)97)}");
        try { true.CompareTo((object)"x"); } catch (ArgumentException e) { Console.WriteLine("bool.CompareTo(string): " + e.Message); }
        try { 'c'.CompareTo((object)1); } catch (ArgumentException e) { Console.WriteLine("char.CompareTo(int): " + e.Message); }
    }

    static void Enums()
    {
        Console.WriteLine($"enum eq {Color.Red.Equals(Color.Red)} {Color.Red.Equals(Color.Blue)} {Color.Red.Equals((object)0)} {Color.Red.Equals(Other.Red)} {((object)Color.Green).Equals(Color.Green)}");
        Console.WriteLine($"enum hash {Color.Blue.GetHashCode()} {Small.B.GetHashCode()} {Signed.Neg.GetHashCode()} {Wide.High.GetHashCode()} {Wide.Low.GetHashCode()} {Unsigned.Max.GetHashCode()}");
        Console.WriteLine($"enum cmp {Color.Red.CompareTo(Color.Blue)} {Small.A.CompareTo(Small.B)} {Signed.Neg.CompareTo(Signed.Pos)} {Wide.Low.CompareTo(Wide.High)} {Unsigned.Max.CompareTo(Unsigned.One)} {Color.Red.CompareTo(null)}");
        Console.WriteLine($"enum comparers {EqualityComparer<Color>.Default.Equals(Color.Blue, (Color)7)} {EqualityComparer<Small>.Default.GetHashCode(Small.B)} {EqualityComparer<Signed>.Default.GetHashCode(Signed.Neg)} {Comparer<Small>.Default.Compare(Small.A, Small.B)} {Comparer<Signed>.Default.Compare(Signed.Neg, Signed.Pos)} {Comparer<Unsigned>.Default.Compare(Unsigned.Max, Unsigned.One)} {Comparer<Wide>.Default.Compare(Wide.High, Wide.Low)}");
        try { Small.A.CompareTo(Wide.Low); } catch (ArgumentException e) { Console.WriteLine("enum CompareTo other enum: " + e.Message); }
    }

    static void Strings()
    {
        string a = "hello", b = string.Concat("hel", "lo"), empty = "";
        Console.WriteLine($"string eq {a.Equals(b)} {a.Equals((object)b)} {(object)a == (object)b} {a == b} {a.Equals((string)null)} {string.Equals(null, null)} {empty.Equals(string.Empty)} {a.GetHashCode() == b.GetHashCode()}");
        Console.WriteLine($"string cmp {"a".CompareTo("c")} {"abc".CompareTo("ab")} {"a".CompareTo("B")} {"B".CompareTo("a")} {"".CompareTo(null)} {"".CompareTo("")} {"a".CompareTo("a\u0000")} {"\u00e9".CompareTo("f")} {"x".CompareTo((object)"x")}");
        Console.WriteLine($"string comparers {EqualityComparer<string>.Default.Equals(a, b)} {EqualityComparer<string>.Default.Equals(null, a)} {EqualityComparer<string>.Default.GetHashCode(null)} {Comparer<string>.Default.Compare("a", "c")} {Comparer<string>.Default.Compare(null, "x")} {Comparer<string>.Default.Compare("x", null)} {Comparer<string>.Default.Compare(null, null)}");
        try { "a".CompareTo((object)5); } catch (ArgumentException e) { Console.WriteLine("string.CompareTo(int): " + e.Message); }
    }

    static void Structs()
    {
        var p1 = new Plain { X = 1, Y = 2 }; var p2 = new Plain { X = 1, Y = 2 }; var p3 = new Plain { X = 2, Y = 1 };
        Console.WriteLine($"plain {p1.Equals(p2)} {p1.Equals(p3)} {p1.Equals((object)null)} {p1.Equals((object)1)} {p1.GetHashCode() == p2.GetHashCode()} {EqualityComparer<Plain>.Default.Equals(p1, p2)}");
        var s1 = new WithString { Id = 1, Name = string.Concat("a", "b") }; var s2 = new WithString { Id = 1, Name = "ab" };
        var s3 = new WithString { Id = 1, Name = "ac" }; var s4 = new WithString { Id = 1 };
        Console.WriteLine($"string field {s1.Equals(s2)} {s1.Equals(s3)} {s1.Equals(s4)} {s4.Equals(new WithString { Id = 1 })} {s1.GetHashCode() == s2.GetHashCode()} {s4.GetHashCode() == new WithString { Id = 1 }.GetHashCode()}");
        double zero = 0.0;
        var d1 = new WithDouble { D = zero / zero, N = 3 }; var d2 = new WithDouble { D = zero / zero, N = 3 };
        var d3 = new WithDouble { D = zero, N = 3 }; var d4 = new WithDouble { D = -zero, N = 3 };
        Console.WriteLine($"double field {d1.Equals(d2)} {d3.Equals(d4)} {d1.Equals(d3)} {d3.GetHashCode() == d4.GetHashCode()} {d1.GetHashCode() == d2.GetHashCode()}");
        var pd1 = new Padded { B = 1, I = 2 }; var pd2 = new Padded { B = 1, I = 2 }; var pd3 = new Padded { B = 1, I = 3 };
        Console.WriteLine($"padded {pd1.Equals(pd2)} {pd1.Equals(pd3)} {pd1.GetHashCode() == pd2.GetHashCode()}");
        var n1 = new Nested { P = p1, S = s1 }; var n2 = new Nested { P = p2, S = s2 }; var n3 = new Nested { P = p3, S = s2 };
        Console.WriteLine($"nested {n1.Equals(n2)} {n1.Equals(n3)} {n1.GetHashCode() == n2.GetHashCode()}");
        var h1 = new HoldsCustom { A = new CaseInsensitiveChar { C = 'a' }, B = 1 }; var h2 = new HoldsCustom { A = new CaseInsensitiveChar { C = 'A' }, B = 1 };
        Console.WriteLine($"custom field Equals {h1.Equals(h2)} {h1.GetHashCode() == h2.GetHashCode()} {h1.Equals(new HoldsCustom { A = new CaseInsensitiveChar { C = 'b' }, B = 1 })}");
        object shared = new NotComparable();
        Console.WriteLine($"object field {new WithObject { O = shared }.Equals(new WithObject { O = shared })} {new WithObject { O = new NotComparable() }.Equals(new WithObject { O = new NotComparable() })} {new WithObject { O = 5 }.Equals(new WithObject { O = 5 })} {new WithObject().Equals(new WithObject())}");
        var o1 = new Overlap { I = 0x10001 }; var o2 = new Overlap { I = 0x10001 }; var o3 = new Overlap { I = 0x20001 };
        Console.WriteLine($"overlap {o1.Equals(o2)} {o1.Equals(o3)}");
        var e1 = new EquatablePoint { X = 1, Y = 2 }; var e2 = new EquatablePoint { X = 1, Y = 3 };
        Console.WriteLine($"IEquatable struct {e1.Equals(e2)} {e1.Equals((object)e2)} {EqualityComparer<EquatablePoint>.Default.Equals(e1, e2)} {object.Equals(e1, e2)}");
        object boxed1 = p1, boxed2 = p2;
        Console.WriteLine($"boxed {boxed1.Equals(boxed2)} {object.Equals(boxed1, boxed2)} {object.Equals(null, null)} {object.Equals(boxed1, null)} {object.ReferenceEquals(boxed1, boxed2)}");
    }

    static void Nullables()
    {
        int? none = null, five = 5, alsoFive = 5;
        Console.WriteLine($"nullable [{none}] [{five}] {none.GetHashCode()} {five.GetHashCode()} {none.Equals(null)} {five.Equals(5)} {five.Equals((object)5L)} {none.Equals(0)} {none.HasValue} {five == alsoFive} {none == null}");
        Console.WriteLine($"nullable comparers {EqualityComparer<int?>.Default.Equals(none, null)} {EqualityComparer<int?>.Default.Equals(five, alsoFive)} {EqualityComparer<int?>.Default.Equals(five, none)} {EqualityComparer<int?>.Default.GetHashCode(none)} {EqualityComparer<int?>.Default.GetHashCode(five)} {Comparer<int?>.Default.Compare(none, five)} {Comparer<int?>.Default.Compare(five, none)} {Comparer<int?>.Default.Compare(none, null)} {Comparer<int?>.Default.Compare(5, 9)}");
        Plain? np = new Plain { X = 1 }, nq = new Plain { X = 1 };
        Console.WriteLine($"nullable struct {np.Equals(nq)} {EqualityComparer<Plain?>.Default.Equals(np, nq)} {EqualityComparer<Plain?>.Default.Equals(np, null)}");
        KeyValuePair<string, int>? ka = new KeyValuePair<string, int>("x", 1), kb = new KeyValuePair<string, int>(string.Concat("", "x"), 1), kn = null;
        (string, int)? t1 = ("a", 1), t2 = (string.Concat("", "a"), 1);
        Console.WriteLine($"nullable of shared struct {EqualityComparer<KeyValuePair<string, int>?>.Default.Equals(ka, kb)} {EqualityComparer<KeyValuePair<string, int>?>.Default.Equals(ka, kn)} {EqualityComparer<KeyValuePair<string, int>?>.Default.GetHashCode(kn)} {SameBy(ka, kb)} {EqualityComparer<(string, int)?>.Default.Equals(t1, t2)} {Comparer<(string, int)?>.Default.Compare(t1, t2)} {Comparer<(string, int)?>.Default.Compare(t1, ("b", 0))} {Comparer<(string, int)?>.Default.Compare(null, t1)} {new Dictionary<(string, int)?, int> { [t1] = 5 }.ContainsKey(t2)}");
        object boxedNone = none, boxedFive = five;
        object boxedPlain = np;
        Plain? unboxed = (Plain?)boxedPlain;
        Console.WriteLine($"boxed nullable {boxedNone == null} {boxedFive.Equals(5)} {boxedPlain.Equals(new Plain { X = 1 })} {unboxed.Value.X} {((int?)boxedNone).HasValue}");
    }

    static void Comparers()
    {
        Console.WriteLine($"int comparers {EqualityComparer<int>.Default.Equals(3, 3)} {EqualityComparer<int>.Default.GetHashCode(-7)} {Comparer<int>.Default.Compare(1, 5)} {Comparer<byte>.Default.Compare(1, 5)} {Comparer<char>.Default.Compare('z', 'a')} {Comparer<long>.Default.Compare(long.MaxValue, long.MinValue)} {Comparer<ulong>.Default.Compare(ulong.MaxValue, 0)}");
        double zero = 0.0;
        Console.WriteLine($"double comparers {EqualityComparer<double>.Default.Equals(zero / zero, zero / zero)} {EqualityComparer<double>.Default.Equals(zero, -zero)} {Comparer<double>.Default.Compare(zero / zero, -1.0 / zero)} {Comparer<float>.Default.Compare(1f, 2f)}");
        Key k1 = new Key(4), k2 = new Key(4);
        Console.WriteLine($"IEquatable class {k1.Equals(k2)} {k1.Equals((object)k2)} {EqualityComparer<Key>.Default.Equals(k1, k2)} {EqualityComparer<Key>.Default.Equals(k1, null)} {EqualityComparer<Key>.Default.Equals(null, null)} {EqualityComparer<Key>.Default.GetHashCode(k1)}");
        Console.WriteLine($"IComparable<T> {Comparer<Version>.Default.Compare(new Version(1), new Version(3))} {Comparer<Version>.Default.Compare(null, new Version(3))} {Comparer<Version>.Default.Compare(new Version(3), null)}");
        Console.WriteLine($"IComparable {Comparer<OldStyle>.Default.Compare(new OldStyle(10), new OldStyle(3))} {Comparer<OldStyle>.Default.Compare(null, new OldStyle(3))} {Comparer<object>.Default.Compare(5, 9)} {Comparer<object>.Default.Compare("b", "a")}");
        try { Comparer<NotComparable>.Default.Compare(new NotComparable(), new NotComparable()); }
        catch (ArgumentException e) { Console.WriteLine("not comparable: " + e.Message); }
        Console.WriteLine($"object comparer {EqualityComparer<object>.Default.Equals(5, 5)} {EqualityComparer<object>.Default.Equals("x", string.Concat("", "x"))} {EqualityComparer<object>.Default.Equals(new NotComparable(), new NotComparable())}");
        var byLength = Comparer<string>.Create((x, y) => x.Length - y.Length);
        var mod10 = EqualityComparer<int>.Create((x, y) => x % 10 == y % 10, x => x % 10);
        Console.WriteLine($"created {byLength.Compare("aaa", "b")} {mod10.Equals(13, 23)} {mod10.Equals(13, 24)} {mod10.GetHashCode(37)}");
        IComparer nonGeneric = Comparer<int>.Default;
        IEqualityComparer nonGenericEq = EqualityComparer<string>.Default;
        Console.WriteLine($"non-generic {nonGeneric.Compare(1, 2)} {nonGeneric.Compare(null, 2)} {nonGeneric.Compare(null, null)} {nonGenericEq.Equals("a", "a")} {nonGenericEq.Equals(null, "a")} {nonGenericEq.GetHashCode(null)}");
        try { nonGeneric.Compare(1, "x"); } catch (ArgumentException e) { Console.WriteLine("non-generic compare: " + e.Message); }
        try { nonGenericEq.Equals("a", 1); } catch (ArgumentException e) { Console.WriteLine("non-generic equals: " + e.Message); }
        Console.WriteLine($"comparer identity {EqualityComparer<int>.Default.Equals(EqualityComparer<int>.Default)} {ReferenceEquals(EqualityComparer<string>.Default, EqualityComparer<string>.Default)} {ReferenceEquals(Comparer<int>.Default, Comparer<int>.Default)}");
    }

    // Shared generic code (reference-type arguments) picks its comparer at run time; it must agree with .NET.
    internal static bool SameBy<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);
    static int HashBy<T>(T a) => EqualityComparer<T>.Default.GetHashCode(a);
    static int OrderBy<T>(T a, T b) => Comparer<T>.Default.Compare(a, b);

    static void SharedGenerics()
    {
        Console.WriteLine($"shared {SameBy(new Key(1), new Key(1))} {SameBy<Key>(null, new Key(1))} {SameBy("ab", string.Concat("a", "b"))} {SameBy<object>(3, 3)} {SameBy(new NotComparable(), new NotComparable())} {HashBy(new Key(9))} {HashBy<string>(null)}");
        Console.WriteLine($"shared order {OrderBy(new Version(2), new Version(1))} {OrderBy("b", "abc")} {OrderBy<Version>(null, null)} {OrderBy(new OldStyle(1), new OldStyle(4))}");
        Console.WriteLine($"variance {SameBy(new Dog("rex"), new Dog("rex"))} {EqualityComparer<Dog>.Default.Equals(new Dog("a"), new Dog("b"))} {Comparer<Dog>.Default.Compare(new Dog("abc"), new Dog("a"))} {OrderBy(new Dog("a"), new Dog("abcd"))} {new Dictionary<Dog, int> { [new Dog("x")] = 1 }.ContainsKey(new Dog("x"))}");
        var pa = new Pair<string, int> { First = "x", Second = 1 }; var pb = new Pair<string, int> { First = string.Concat("", "x"), Second = 1 };
        Console.WriteLine($"generic struct {pa.Equals(pb)} {SameBy(pa, pb)} {SameBy(pa, new Pair<string, int> { First = "x", Second = 2 })} {HashBy(pa) == HashBy(pb)}");
        Console.WriteLine($"tuples {SameBy(("k", 1), (string.Concat("", "k"), 1))} {SameBy(("k", 1), ("k", 2))} {OrderBy(("a", 2), ("a", 1))} {new HashSet<(string, long)> { ("p", 1L << 40) }.Contains((string.Concat("", "p"), 1L << 40))} {new Dictionary<(int, char), string> { [(1, 'x')] = "one" }[(1, 'x')]}");
        Console.WriteLine($"value args {SameBy(5L, 5L)} {SameBy('q', 'q')} {SameBy(Color.Blue, Color.Blue)} {OrderBy(Small.B, Small.A)} {OrderBy<int?>(null, 1)} {SameBy(new Plain { X = 1 }, new Plain { X = 1 })}");
    }

    static void DictionaryKeys()
    {
        var longs = new Dictionary<long, string>(); longs[1L << 40] = "big"; longs[-1] = "minus";
        var ulongs = new Dictionary<ulong, int>(); ulongs[ulong.MaxValue] = 1;
        var chars = new Dictionary<char, int>(); chars['x'] = 1;
        var bytes = new Dictionary<byte, int>(); bytes[200] = 1;
        var structs = new Dictionary<Plain, int>(); structs[new Plain { X = 1, Y = 2 }] = 7;
        var named = new Dictionary<WithString, int>(); named[new WithString { Id = 1, Name = string.Concat("a", "b") }] = 8;
        var enums = new Dictionary<Color, int>(); enums[Color.Blue] = 9;
        var keys = new Dictionary<Key, int>(); keys[new Key(5)] = 10;
        var doubles = new Dictionary<double, int>(); double zero = 0.0; doubles[zero / zero] = 11; doubles[-zero] = 12;
        Console.WriteLine($"dictionary {longs[1L << 40]} {longs.ContainsKey(-1)} {ulongs.ContainsKey(ulong.MaxValue)} {chars.ContainsKey('x')} {bytes.ContainsKey(200)} {structs.ContainsKey(new Plain { X = 1, Y = 2 })} {named.ContainsKey(new WithString { Id = 1, Name = "ab" })} {enums[Color.Blue]} {keys.ContainsKey(new Key(5))} {doubles[zero / zero]} {doubles[zero]}");
    }
}
