using System;
using System.Globalization;

/// <summary>
/// Integer formatting with standard and custom format strings, composite formatting (string.Format,
/// Console.WriteLine with arguments), alignment, interpolation holes with formats, IFormattable and
/// ISpanFormattable, decimal. Differential: every line must match .NET.
/// </summary>
static class Program
{
    static readonly string[] Formats =
    {
        "", "G", "g", "G1", "G3", "G10", "G20", "D", "D1", "D5", "D20", "d8", "X", "x", "X1", "X8", "x16", "X20",
        "B", "b8", "N", "N0", "N1", "N4", "n", "F", "F0", "F1", "F5", "f", "E", "E0", "E1", "E10", "e3", "P", "P0",
        "P1", "p3", "C", "C0", "C3", "R", "R3", "0", "00000", "#", "##", "#,#", "#,##0", "#,##0.00", "0.###E+0",
        "0.0e-00", "00.##E0", "#;(#);zero", "#;-#", "0;;'z'", "'lit'0", "\\#0\\#", "0%", "0.0%", "0\u2030", "#,,",
        "#,,,", "0,.0", "0.00", ".0", "#.#", "[0]", "0x", "ab", "X-1", "Q", "0E0", "0E+0", "#E-0", "\"q\"#", "0.0;0.0-",
        ";", "#,##0,", "0000.0000", "00,000", "#0.#%;", "E+0", "E", "e",
    };

    static readonly long[] Longs =
    {
        0, 1, -1, 5, -5, 42, 99, 100, 12345, -12345, 999999, 1000000, 2147483647, -2147483648, long.MaxValue,
        long.MinValue, 1234567890123, 15, 255, 65535, 95, -95, 950, 1000,
    };

    static string Try(Func<string> f)
    {
        try { return f(); }
        catch (FormatException e) { return "FormatException(" + e.Message + ")"; }
    }

    static void Integers()
    {
        foreach (string f in Formats)
        {
            foreach (long v in Longs)
            {
                string line = "[" + f + "] " + v.ToString() + ": long=" + Try(() => v.ToString(f))
                    + " int=" + Try(() => ((int)v).ToString(f))
                    + " uint=" + Try(() => ((uint)v).ToString(f))
                    + " ulong=" + Try(() => ((ulong)v).ToString(f))
                    + " short=" + Try(() => ((short)v).ToString(f))
                    + " ushort=" + Try(() => ((ushort)v).ToString(f))
                    + " sbyte=" + Try(() => ((sbyte)v).ToString(f))
                    + " byte=" + Try(() => ((byte)v).ToString(f));
                Console.WriteLine(line);
            }
        }
        Console.WriteLine(int.MaxValue.ToString() + " " + int.MinValue.ToString() + " " + uint.MaxValue.ToString() + " " + ulong.MaxValue.ToString());
        Console.WriteLine(((nint)(-7)).ToString() + " " + ((nuint)7).ToString("X4") + " " + ((nint)(-1)).ToString("x"));
        Console.WriteLine(12345.ToString("N2", CultureInfo.InvariantCulture) + " " + 12345.ToString(NumberFormatInfo.InvariantInfo) + " " + (-3).ToString((IFormatProvider)null));
        Console.WriteLine(Try(() => 5.ToString("D1000000000")));
        Console.WriteLine(7.ToString("D300").Length.ToString());
    }

    sealed class Money : IFormattable
    {
        private readonly long _cents;
        public Money(long cents) { _cents = cents; }
        public string ToString(string format, IFormatProvider provider) => format == "short" ? (_cents / 100).ToString() + "$" : "Money(" + _cents.ToString(format) + ")";
        public override string ToString() => "Money!";
    }

    sealed class Plain
    {
        public override string ToString() => "plain";
    }

    struct Point : ISpanFormattable
    {
        public int X, Y;
        public string ToString(string format, IFormatProvider provider) => "(" + X.ToString(format) + "," + Y.ToString(format) + ")";
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider)
        {
            string s = "<" + X.ToString() + ";" + Y.ToString() + ">";
            if (s.Length > destination.Length) { charsWritten = 0; return false; }
            for (int i = 0; i < s.Length; i++) destination[i] = s[i];
            charsWritten = s.Length;
            return true;
        }
    }

    static void Composite()
    {
        string[] composites =
        {
            "{0}", "{0,6}|", "{0,-6}|", "{0:D5}", "{0,8:X4}|", "{0,-8:N1}|", "{{{0}}}", "{{}}", "a{{b", "}}", "{0}{0}{0}",
            "{0 }", "{0  ,  3  :X}", "{00}", "x{0:0}}}", "{0:}", "{0,0}", "{0,-0}", "}", "a}b", "{", "{0}}", "{0,}", "{0,-}",
            "{0:x", "{ 0}", "{0,5", "{a}", "{0:{}", "{1}", "{0:}}x}", "{0:a}b}", "{0,", "{0:", "{0:{{}", "plain text", "",
            "{0,3}{0,-3}|{0,1}", "{0:#,##0;(#,##0);'zero'}", "{0:E2}",
        };
        foreach (string c in composites)
        {
            Console.WriteLine(c + " => " + Try(() => "[" + string.Format(c, 42) + "]"));
            Console.WriteLine(c + " (-7) => " + Try(() => "[" + string.Format(c, -7L) + "]"));
        }
        Console.WriteLine(string.Format("{0}-{1}", "a", 3));
        Console.WriteLine(string.Format("{2}{1}{0}", 1, "two", 3u));
        Console.WriteLine(string.Format("{0}|{1}|{2}|{3}|{4}", 1, 2, 3, 4, 5));
        Console.WriteLine(string.Format("{0}|{1}|{2}", null, "x", new Plain()));
        Console.WriteLine(string.Format("[{0}] [{0:short}] [{0,12:D6}] [{1}] [{2:X}] [{2,10}]", new Money(12345), new Plain(), new Point { X = 10, Y = 255 }));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:N2} {1:P1}", 1234567, 5));
        Console.WriteLine(Try(() => string.Format("{0} {1}", 1)));
        Console.WriteLine(Try(() => string.Format("{0}", new object[0])));
        Console.WriteLine(string.Format("{0}", "{1}") + string.Format("{0}{1}", "{1}", "X"));
        Console.WriteLine("{0} and {1,5} and {2:F1}", 1, "b", 2.25);
        Console.WriteLine("{0}", 'c');
        Console.WriteLine("{0}|{1}|{2}|{3}", true, false, 'x', (byte)200);
        Console.Write("{0}+{1}", 1, 2);
        Console.Write("={0}\n", 3);
    }

    static void Interpolation()
    {
        int x = 42, neg = -42;
        long big = long.MinValue;
        uint u = 7;
        byte b = 255;
        short s = -300;
        char c = 'Z';
        bool t = true;
        string str = "str", nul = null;
        object o = 17, on = null;
        Console.WriteLine($"{x:D5} {neg:D5} {x,-6}| {x,6}| {neg,6:X}| {big} {u:X8} {b:x} {s} {s:X} {c} {t} {str} [{nul}] [{on}] {o}");
        Console.WriteLine($"[{str,-5}] [{str,5}] [{c,3}] [{t,-7}] [{o,4:D3}] [{nul,3}] [{x,0}] [{x,-0}]");
        Console.WriteLine($"{new Money(250)} {new Money(250):short} {new Money(99),12:D4} {new Plain(),-8}| {new Point { X = 1, Y = -2 }} {new Point { X = 3, Y = 4 },9}|");
        ReadOnlySpan<char> span = "span".AsSpan();
        Console.WriteLine($"{span}|{span,6}|{span,-6}|");
        Console.WriteLine($"{{literal}} {x}{x}{x} {x:#,##0.00} {1234567:N0} {0.5:P0}");
        string longer = $"{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}{str}";
        Console.WriteLine(longer.Length.ToString() + " " + $"{x,300}".Length.ToString());
        Console.WriteLine($"nested {$"inner {x:X}"} done");
    }

    enum Day { Mon, Tue, Wed }

    [Flags]
    enum Access { None = 0, Read = 1, Write = 2, Exec = 4 }

    static void NullablesAndEnums()
    {
        int? some = 5, none = null;
        double? half = 0.5;
        Day d = Day.Tue;
        Access a = Access.Read | Access.Exec;
        Console.WriteLine($"[{some}] [{none}] [{some:D3}] [{none,4}] [{some,4}] [{half:P0}]");
        Console.WriteLine($"{d} {d:D} {d:X} {d:G} [{d,6}] [{d,-6:D}] {a} {a:D} {a:F} {(Day)7} {(Day)7:G}");
        Console.WriteLine(string.Format("{0} {0:D} {0:x} {1} {1:G} [{0,5}] {2} {3:D4}", d, a, some, none));
    }

    static void Decimals()
    {
        decimal[] values =
        {
            0m, -0m, 0.00m, 1m, -1m, 1.50m, -1.50m, 123.456m, -0.001m, 0.005m, 0.015m, 0.025m, 79228162514264337593543950335m,
            -79228162514264337593543950335m, 0.0000000000000000000000000001m, 1234567.891m, 100m, 1e10m, 12345678901234567890.123456789m,
            2.5m, 3.5m, -2.5m, 0.5m, 999.9995m,
        };
        string[] formats =
        {
            "", "G", "G3", "G30", "F", "F0", "F1", "F10", "N", "N0", "N3", "E", "E2", "e0", "P", "P0", "C", "C4", "R", "D", "X",
            "0.00", "#,##0.###", "0.0E+0", "#;(#);zero", "00000", "#", "0.#####################",
        };
        foreach (decimal d in values)
        {
            string line = d.ToString() + ":";
            foreach (string f in formats) line += " [" + f + "]" + Try(() => d.ToString(f));
            Console.WriteLine(line);
            Console.WriteLine($"{d} {d,12:N2}| {d:0.00} " + string.Format("{0} {0:F3} {0,-10:E1}|", d));
        }
        Span<char> buf = stackalloc char[6];
        Console.WriteLine(1.25m.TryFormat(buf, out int n, "F3", null).ToString() + n.ToString() + " " + 12345.678m.TryFormat(buf, out n, "N2", null).ToString());
    }

    static void SpanFormatting()
    {
        Span<char> buf = stackalloc char[8];
        bool ok = 123456.TryFormat(buf, out int n, "N0", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = 123456789.TryFormat(buf, out n, "N0", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString());
        ok = (-5L).TryFormat(buf, out n);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = true.TryFormat(buf, out n);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        // Integers written straight into the destination: exact fits and one character short.
        ok = 12345678.TryFormat(buf, out n);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = 123456789u.TryFormat(buf, out n);
        Console.WriteLine(ok.ToString() + " " + n.ToString());
        ok = (-1234567).TryFormat(buf, out n, "D7", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = (-1234567).TryFormat(buf, out n, "D8", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString());
        ok = (-42).TryFormat(buf, out n, "d5", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = 0xBEEF.TryFormat(buf, out n, "x8", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = uint.MaxValue.TryFormat(buf, out n, "X9", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString());
        ok = ((short)-1).TryFormat(buf, out n, "X", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        Console.WriteLine($"{long.MinValue} {ulong.MaxValue} {int.MinValue:D12} {0:D} {7:D0} {0:X} {ulong.MaxValue:X} {long.MinValue:x} {(sbyte)-128:x}|{12,-6}|{-12,6}|{999999999}|{1000000000}|{99999}|{100000}");
    }

    static void Misc()
    {
        Console.WriteLine(char.ToString('q') + 'r'.ToString() + true.ToString() + false.ToString() + bool.TrueString + bool.FalseString);
        NumberFormatInfo nfi = NumberFormatInfo.InvariantInfo;
        Console.WriteLine(nfi.CurrencySymbol + "|" + nfi.NaNSymbol + "|" + nfi.PositiveInfinitySymbol + "|" + nfi.NegativeInfinitySymbol + "|" + nfi.NegativeSign + "|" + nfi.PositiveSign + "|" + nfi.NumberDecimalSeparator + "|" + nfi.NumberGroupSeparator + "|" + nfi.PercentSymbol + "|" + nfi.PerMilleSymbol);
        Console.WriteLine(nfi.NumberDecimalDigits.ToString() + nfi.CurrencyDecimalDigits.ToString() + nfi.PercentDecimalDigits.ToString() + nfi.CurrencyPositivePattern.ToString() + nfi.CurrencyNegativePattern.ToString() + nfi.PercentPositivePattern.ToString() + nfi.PercentNegativePattern.ToString() + nfi.NumberNegativePattern.ToString());
        Console.WriteLine("[" + CultureInfo.InvariantCulture.Name + "] " + (CultureInfo.CurrentCulture.NumberFormat.NegativeSign) + " " + (NumberFormatInfo.GetInstance(CultureInfo.InvariantCulture) == nfi).ToString() + " " + (NumberFormatInfo.CurrentInfo.NumberGroupSeparator));
        IFormattable f = 255;
        Console.WriteLine(f.ToString("X", null) + " " + ((IFormattable)(-1L)).ToString("x", CultureInfo.InvariantCulture));
    }

    static int Main()
    {
        Integers();
        Composite();
        Interpolation();
        NullablesAndEnums();
        Decimals();
        SpanFormatting();
        Misc();
        return 0;
    }
}
