using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Language and runtime basics that need no type-system machinery beyond classes and virtual calls.
// Each line is "name: value"; the conformance test asserts the exact output.

[StructLayout(LayoutKind.Explicit)]
struct Overlay
{
    [FieldOffset(0)] public ulong Whole;
    [FieldOffset(0)] public uint Low;
    [FieldOffset(4)] public uint High;
    [FieldOffset(2)] public byte Third;
}

unsafe struct Packet
{
    public fixed byte Bytes[16];
    public int Length;
}

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public readonly int Manhattan => (X < 0 ? -X : X) + (Y < 0 ? -Y : Y);
}

abstract class Shape
{
    public abstract int Area();
    public virtual string Describe() => "shape with area " + Area().ToString();
}

class Rect : Shape
{
    protected readonly int W, H;
    public Rect(int w, int h) { W = w; H = h; }
    public override int Area() => W * H;
}

sealed class Square : Rect
{
    public Square(int s) : base(s, s) { }
    public override string Describe() => "square " + W.ToString() + ": " + base.Describe();
}

static unsafe class Program
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "call_twice")]
    static extern long CallTwice(long x);

    [UnmanagedCallersOnly(EntryPoint = "basics_square")]
    static long Square(long x) => x * x;

    static int Add(int a, int b) => a + b;

    static void Line(string name, string value) => Console.WriteLine(name + ": " + value);

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();

        Overlay o = default;
        o.Whole = 0x1122334455667788;
        Line("explicit-layout", $"{o.Low:x8} {o.High:x8} {o.Third:x2}");

        Packet p = default;
        for (int i = 0; i < 16; i++) p.Bytes[i] = (byte)(i * 3);
        p.Length = 16;
        int sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p.Bytes[i];
        Line("fixed-buffer", sum.ToString());

        var pt = new Point(-3, 4);
        Line("struct", pt.Manhattan.ToString());

        Line("string-concat", "ab" + "cd" + 'e'.ToString() + 42.ToString());
        Line("interpolation", $"dec={-1234} hex={255:x} HEX={48879:X} wide={7:x4} long={1L << 40} ulong={ulong.MaxValue}");
        Line("string-ops", $"{"hello world".IndexOf("world")} {"hello".Substring(1, 3)} {"abc" == "a" + "bc"} {"xyz".Length}");

        int[] squares = new int[10];
        for (int i = 0; i < squares.Length; i++) squares[i] = i * i;
        int[][] jagged = new int[3][];
        for (int i = 0; i < 3; i++) { jagged[i] = new int[i + 1]; jagged[i][i] = i + 10; }
        Line("arrays", $"{squares[9]} {squares.Length} {jagged[2][2]} {jagged[1].Length}");

        Span<int> span = squares;
        Span<int> middle = span.Slice(2, 3);
        middle[0] = 100;
        Line("span", $"{squares[2]} {middle.Length} {middle[2]}");

        Span<byte> stack = stackalloc byte[64];
        for (int i = 0; i < stack.Length; i++) stack[i] = (byte)i;
        int stackSum = 0;
        foreach (byte b in stack) stackSum += b;
        byte* big = stackalloc byte[8192];
        big[8191] = 7;
        Line("stackalloc", $"{stackSum} {big[8191]} {big[0]}");

        Shape[] shapes = { new Rect(2, 3), new Square(4) };
        Line("virtual", shapes[0].Describe() + " | " + shapes[1].Describe());

        delegate*<int, int, int> add = &Add;
        delegate* unmanaged<long, long> square = &Square;
        Line("function-pointers", $"{add(20, 22)} {square(9)}");
        Line("unmanaged-callers-only", CallTwice(5).ToString());

        Line("argv", $"{args.Length} {(args.Length > 1 ? args[1] : "-")}");
        Line("env", Environment.GetEnvironmentVariable("DUNE_BASICS") ?? "(unset)");

        int code = 0;
        for (int i = 1; i < args.Length; i++)
            if (args[i].StartsWith("--exit=")) code = ParseInt(args[i].Substring(7));
        return code;
    }

    static int ParseInt(string s)
    {
        int v = 0;
        for (int i = 0; i < s.Length; i++) v = v * 10 + (s[i] - '0');
        return v;
    }
}
