using System;
using System.Globalization;

/// <summary>
/// Parse/TryParse of integers (every width, NumberStyles, overflow and format errors with .NET's messages),
/// double and float (correctly rounded: exponents, long digit strings, subnormals, halfway cases,
/// Infinity/NaN, round trips of random bit patterns), bool and char. Differential against .NET.
/// </summary>
static unsafe class Program
{
    static ulong s_state = 0x2545F4914F6CDD1D;

    static ulong Next()
    {
        ulong x = s_state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s_state = x;
        return x;
    }

    static ulong Bits(double d) => *(ulong*)&d;
    static uint Bits(float f) => *(uint*)&f;
    static double FromBits(ulong b) => *(double*)&b;
    static float FromBits(uint b) => *(float*)&b;

    static string Try(Func<string> f)
    {
        try { return f(); }
        catch (FormatException e) { return "FormatException(" + e.Message + ")"; }
        catch (OverflowException e) { return "OverflowException(" + e.Message + ")"; }
        catch (ArgumentNullException e) { return "ArgumentNullException(" + e.Message + ")"; }
        catch (ArgumentException e) { return "ArgumentException(" + e.Message + ")"; }
    }

    static readonly string[] IntegerInputs =
    {
        "0", "1", "-1", "+1", "42", " 42", "42 ", " \t42\n ", "- 42", "+-1", "--1", "", " ", "-", "+", "abc", "12a", "1 2",
        "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "-32769", "65535", "65536", "2147483647",
        "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "000000000000000000000123",
        "-0", "+0", "-00", "1,000", "1,234,567", ",1", "1.0", "1.5", "1.", ".5", "1e3", "1E+3", "1e-1", "10e-1", "(5)", "5-", "5+",
        "$5", "\u00A45", "5\u00A4", "FF", "ff", "7FFFFFFF", "80000000", "FFFFFFFF", "100000000", "FFFFFFFFFFFFFFFF",
        "1FFFFFFFFFFFFFFFF", "0x10", "  1A  ", "12345678901234567890123", "99999999999999999999x", "1\0", "1\0\0", "1\0x",
        "\u0661", "1_000", "0001", "1 ", "1.000", "1.0001", "123.000e2", "1,2,3", "1,,2",
    };

    static readonly NumberStyles[] Styles =
    {
        NumberStyles.Integer, NumberStyles.None, NumberStyles.HexNumber, NumberStyles.Number, NumberStyles.Float,
        NumberStyles.Currency, NumberStyles.Any, NumberStyles.AllowThousands, NumberStyles.AllowParentheses | NumberStyles.AllowLeadingWhite,
        NumberStyles.AllowTrailingSign, NumberStyles.AllowDecimalPoint, NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign,
        NumberStyles.BinaryNumber,
    };

    static void Integers()
    {
        foreach (string s in IntegerInputs)
        {
            Console.WriteLine("[" + Escape(s) + "] int=" + Try(() => int.Parse(s).ToString()) + " long=" + Try(() => long.Parse(s).ToString())
                + " short=" + Try(() => short.Parse(s).ToString()) + " sbyte=" + Try(() => sbyte.Parse(s).ToString())
                + " byte=" + Try(() => byte.Parse(s).ToString()) + " ushort=" + Try(() => ushort.Parse(s).ToString())
                + " uint=" + Try(() => uint.Parse(s).ToString()) + " ulong=" + Try(() => ulong.Parse(s).ToString()));
            foreach (NumberStyles st in Styles)
            {
                bool ok = int.TryParse(s, st, CultureInfo.InvariantCulture, out int i);
                bool okl = long.TryParse(s, st, null, out long l);
                bool oku = uint.TryParse(s.AsSpan(), st, null, out uint u);
                bool okb = byte.TryParse(s, st, null, out byte b);
                Console.WriteLine("  " + ((int)st).ToString() + ": " + ok.ToString() + " " + i.ToString() + " " + okl.ToString() + " " + l.ToString()
                    + " " + oku.ToString() + " " + u.ToString() + " " + okb.ToString() + " " + b.ToString()
                    + " " + Try(() => short.Parse(s, st).ToString()) + " " + Try(() => ulong.Parse(s, st, null).ToString()));
            }
        }
        Console.WriteLine(Try(() => int.Parse(null).ToString()));
        Console.WriteLine(Try(() => int.Parse(null, NumberStyles.Integer).ToString()));
        Console.WriteLine(int.TryParse((string)null, out int n).ToString() + " " + n.ToString());
        Console.WriteLine(Try(() => int.Parse("1", (NumberStyles)0x10000).ToString()));
        Console.WriteLine(Try(() => int.Parse("1", NumberStyles.HexNumber | NumberStyles.AllowLeadingSign).ToString()));
        Console.WriteLine(Try(() => double.Parse("1", NumberStyles.HexNumber).ToString()));
        Console.WriteLine(int.Parse("-12".AsSpan()).ToString() + " " + long.Parse("  77 ", CultureInfo.InvariantCulture).ToString() + " " + int.Parse("1,234", NumberStyles.AllowThousands, NumberFormatInfo.InvariantInfo).ToString());
    }

    static string Escape(string s)
    {
        string r = "";
        for (int i = 0; i < s.Length; i++) r += s[i] < ' ' || s[i] > '~' ? "\\u" + ((int)s[i]).ToString("X4") : s[i].ToString();
        return r;
    }

    static readonly string[] FloatInputs =
    {
        "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "1.5", ".5", "5.", "1e10", "1E10", "1e+10", "1e-10", "1.2345678901234567e-5",
        "3.4028235E+38", "3.4028236E+38", "3.40282357E+38", "1.7976931348623157E+308", "1.7976931348623158E+308",
        "1.7976931348623159E+308", "2e308", "1e400", "-1e400", "1e-400", "-1e-400", "5e-324", "4.9406564584124654E-324",
        "2.4703282292062327E-324", "2.4703282292062328E-324", "2.2250738585072011E-308", "2.2250738585072012E-308",
        "1.401298E-45", "7.006492E-46", "7.006493E-46", "1.17549435E-38", "0.1", "0.2", "0.3", "0.30000000000000004",
        "9007199254740993", "9007199254740993.0000000001", "9007199254740992.9999999999", "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000001", "Infinity", "-Infinity", "+Infinity", "infinity", "INFINITY", "NaN",
        "nan", "-NaN", "+NaN", " NaN ", "\u221E", "Inf", "1e", "1e+", "e5", ".", "-", "", " ", "1,000.5", "1,000,000", "(1)", "1-",
        "$1", "1.5.5", "0x1p3", "  -12.5e-3  ", "1e0000000000000000000000000001", "1e-99999999999", "1e99999999999",
        "00000000000000000000000000000000000000000000000001.5", "1.0000000000000000000000000000000000000000000000000001",
        "4.35", "2.675", "1.005", "6.02214076e23", "1\0", "1 e5", "100e-2", "1234567890123456789012345678901234567890e-30",
    };

    static void Floats()
    {
        foreach (string s in FloatInputs)
        {
            Console.WriteLine("[" + Escape(s) + "] double=" + Try(() => { double d = double.Parse(s); return Bits(d).ToString("X16") + " " + d.ToString("R"); })
                + " float=" + Try(() => { float f = float.Parse(s); return Bits(f).ToString("X8") + " " + f.ToString("R"); })
                + " try=" + double.TryParse(s, out double t).ToString() + " " + t.ToString()
                + " any=" + double.TryParse(s, NumberStyles.Any, null, out double a).ToString() + " " + a.ToString()
                + " int-style=" + float.TryParse(s, NumberStyles.Integer, null, out float fi).ToString() + " " + fi.ToString());
        }
        Console.WriteLine(Try(() => double.Parse(null).ToString()));
        Console.WriteLine(double.TryParse((string)null, out double z).ToString() + z.ToString());
    }

    static string RandomDigits(int count)
    {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) chars[i] = (char)('0' + (int)(Next() % 10));
        if (chars[0] == '0') chars[0] = '7';
        string s = "";
        for (int i = 0; i < count; i++) s += chars[i].ToString();
        return s;
    }

    static void RoundTrips()
    {
        int failures = 0;
        for (int i = 0; i < 3000; i++)
        {
            ulong bits = Next();
            double d = FromBits(bits);
            if (d != d) continue;
            string r = d.ToString("R");
            string e = d.ToString("E16");
            double back = double.Parse(r), backE = double.Parse(e);
            if (Bits(back) != bits || Bits(backE) != bits) { failures++; Console.WriteLine("round trip failed: " + r); }
            if (i % 100 == 0) Console.WriteLine(r + " " + Bits(back).ToString("X16") + " " + Bits(backE).ToString("X16"));
        }
        for (int i = 0; i < 2000; i++)
        {
            uint bits = (uint)(Next() >> 32);
            float f = FromBits(bits);
            if (f != f) continue;
            string r = f.ToString("R");
            float back = float.Parse(r);
            if (Bits(back) != bits) { failures++; Console.WriteLine("float round trip failed: " + r); }
            if (i % 100 == 0) Console.WriteLine(r + " " + Bits(back).ToString("X8"));
        }
        Console.WriteLine("round trip failures: " + failures.ToString());

        // Random decimal strings: short and very long digit strings at every exponent, parsed by both runtimes.
        for (int i = 0; i < 1500; i++)
        {
            int digits = i < 1000 ? 1 + (int)(Next() % 20) : 20 + (int)(Next() % 780);
            int exp = (int)(Next() % 700) - 350;
            string s = RandomDigits(digits);
            if (Next() % 2 == 0 && digits > 1) s = s.Substring(0, 1) + "." + s.Substring(1);
            s += "e" + exp.ToString();
            double d = double.Parse(s);
            float f = float.Parse(s);
            Console.WriteLine((s.Length > 60 ? s.Substring(0, 30) + "..." + s.Substring(s.Length - 20) + "(" + s.Length.ToString() + ")" : s)
                + " " + Bits(d).ToString("X16") + " " + Bits(f).ToString("X8"));
        }

        // Exact halfway points between neighbouring doubles and floats, and just above/below them.
        for (int i = 0; i < 300; i++)
        {
            ulong bits = Next() & 0x7FEFFFFFFFFFFFFF;
            double lo = FromBits(bits), hi = FromBits(bits + 1);
            string mid = Midpoint(lo, hi);
            int e = mid.IndexOf('E');
            string above = mid.Substring(0, e) + "1" + mid.Substring(e);
            Console.WriteLine(lo.ToString("R") + " " + hi.ToString("R") + " half=" + Bits(double.Parse(mid)).ToString("X16") + " up=" + Bits(double.Parse(above)).ToString("X16")
                + " len=" + mid.Length.ToString());
        }
    }

    /// <summary>The exact decimal midpoint of two adjacent positive doubles, from their exact expansions ("F" with enough digits).</summary>
    static string Midpoint(double lo, double hi)
    {
        string a = lo.ToString("E760"), b = hi.ToString("E760");
        // Both share an exponent in most cases; fall back to the lower value's text otherwise.
        int ea = a.IndexOf('E'), eb = b.IndexOf('E');
        if (a.Substring(ea) != b.Substring(eb)) return a;
        string ma = a.Substring(0, 1) + a.Substring(2, ea - 2), mb = b.Substring(0, 1) + b.Substring(2, eb - 2);
        // Sum digit by digit, then halve.
        int n = ma.Length;
        int[] sum = new int[n + 1];
        int carry = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            int v = (ma[i] - '0') + (mb[i] - '0') + carry;
            sum[i + 1] = v % 10;
            carry = v / 10;
        }
        sum[0] = carry;
        string half = "";
        int rem = 0;
        for (int i = 0; i <= n; i++)
        {
            int v = rem * 10 + sum[i];
            half += (v / 2).ToString();
            rem = v % 2;
        }
        if (rem != 0) half += "5";
        // half = (ma + mb) / 2 with the decimal point after digit 1 of sum (sum has one extra leading digit).
        return half.Substring(0, 2) + "." + half.Substring(2) + a.Substring(ea);
    }

    static void Others()
    {
        string[] bools = { "True", "true", "TRUE", "False", "false", " true ", "\0true\0", "yes", "1", "", "tru", "truee", "t rue" };
        foreach (string s in bools)
            Console.WriteLine("[" + Escape(s) + "] " + Try(() => bool.Parse(s).ToString()) + " " + bool.TryParse(s, out bool b).ToString() + b.ToString());
        Console.WriteLine(Try(() => bool.Parse(null).ToString()) + " " + bool.TryParse((string)null, out bool nb).ToString());
        string[] chars = { "a", "ab", "", " ", "\u00E9" };
        foreach (string s in chars)
            Console.WriteLine("[" + Escape(s) + "] " + Try(() => char.Parse(s).ToString()) + " " + char.TryParse(s, out char c).ToString() + ((int)c).ToString());
        Console.WriteLine(Try(() => char.Parse(null).ToString()));
    }

    static int Main()
    {
        Integers();
        Floats();
        RoundTrips();
        Others();
        return 0;
    }
}
