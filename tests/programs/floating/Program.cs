using System;

/// <summary>
/// double and float formatting against .NET: shortest round-trip ToString()/"R", and standard formats with
/// precision formatted from the exact binary value (E16, F3, G17, N, P, C...), custom formats, special values,
/// and thousands of random bit patterns from a fixed-seed xorshift generator.
/// </summary>
static unsafe class Program
{
    static ulong s_state = 0x9E3779B97F4A7C15;

    static ulong Next()
    {
        ulong x = s_state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s_state = x;
        return x;
    }

    static double FromBits(ulong bits) => *(double*)&bits;
    static float FromBits(uint bits) => *(float*)&bits;
    static ulong Bits(double d) => *(ulong*)&d;
    static uint Bits(float f) => *(uint*)&f;

    static string Try(Func<string> f)
    {
        try { return f(); }
        catch (FormatException e) { return "FormatException(" + e.Message + ")"; }
    }

    static readonly string[] AllFormats =
    {
        "", "R", "G", "G1", "G2", "G5", "G15", "G17", "G20", "g", "E", "E0", "E1", "E3", "E16", "E20", "e5", "F", "F0",
        "F1", "F3", "F10", "f2", "N", "N0", "N3", "P", "P0", "P4", "C", "C1", "0", "0.0", "0.00", "0.###", "#,##0.00",
        "0.00E+00", "#.##e-0", "00000.00000", "#", "#%", "0.0;(0.0);zero", "0.000000000000000000000", "R17", "D", "X",
    };

    static readonly string[] RandomFormats = { "", "R", "E16", "F3", "G17", "E3", "G5", "0.####" };

    static void Special()
    {
        double zero = 0.0, negZero = -zero, nan = zero / zero, inf = 1.0 / zero;
        double[] values =
        {
            zero, negZero, nan, inf, -inf, 1.7976931348623157E+308, -1.7976931348623157E+308, 4.9E-324, 2.2250738585072014E-308,
            2.2250738585072009E-308, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 123456789012345680.0,
            9007199254740992.0, 9007199254740993.0, 0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 0.25, 0.75, 0.05, 0.0005, 0.00015,
            1.25e-10, 0.96, 0.995, 9.5, 99.5, 999.5, 0.6, 0.4, 1, -1, 10, 100, 1000, 12345.6789, -12345.6789, 3.14159265358979,
            2.718281828459045, 1e-5, 1e-4, 0.001, 1e300, 1e-300, 5e-324, 1.7976931348623157E+308 / 2, 4.35, 1.005, 2.675, 1e-7,
            123.456, 100000000000000000000.0, 0.1e-15, 6.02214076e23, 1.602176634e-19, 299792458, -60, 60,
        };
        foreach (double d in values)
        {
            string line = Bits(d).ToString("X16") + ":";
            foreach (string f in AllFormats) line += " [" + f + "]" + Try(() => d.ToString(f));
            Console.WriteLine(line);
        }

        float fzero = 0f, fnan = fzero / fzero, finf = 1f / fzero;
        float[] floats =
        {
            fzero, -fzero, fnan, finf, -finf, 3.4028235E+38f, -3.4028235E+38f, 1.401298E-45f, 1.17549435E-38f, 0.1f, 0.2f, 1f / 3,
            1e7f, 1234567f, 12345678f, 123456789f, 16777216f, 16777217f, 3.5f, 2.5f, 0.125f, 1.0000001f, 1.1f, 100f, 1e-5f, 1e-4f,
            1e10f, 1e38f, 7e-45f, 0.3f, 6.02214e23f,
        };
        foreach (float f in floats)
        {
            string line = Bits(f).ToString("X8") + ":";
            foreach (string fmt in AllFormats) line += " [" + fmt + "]" + Try(() => f.ToString(fmt));
            Console.WriteLine(line);
        }

        for (int e = -30; e <= 30; e++)
        {
            double p = 1;
            for (int i = 0; i < (e < 0 ? -e : e); i++) p = e < 0 ? p / 10 : p * 10;
            Console.WriteLine("1e" + e.ToString() + " " + p.ToString() + " " + p.ToString("E") + " " + p.ToString("F2") + " " + ((float)p).ToString() + " " + (p * 1.5).ToString("G3"));
        }
    }

    static void RandomBits()
    {
        for (int i = 0; i < 3000; i++)
        {
            ulong bits = Next();
            double d = FromBits(bits);
            string line = bits.ToString("X16") + ":";
            foreach (string f in RandomFormats) line += " " + d.ToString(f);
            Console.WriteLine(line);
        }
        for (int i = 0; i < 2000; i++)
        {
            uint bits = (uint)(Next() >> 32);
            float f = FromBits(bits);
            string line = bits.ToString("X8") + ":";
            foreach (string fmt in RandomFormats) line += " " + f.ToString(fmt);
            Console.WriteLine(line);
        }
    }

    static void RandomDecimals()
    {
        // Values people print: short decimals, money amounts, measurements.
        for (int i = 0; i < 2000; i++)
        {
            ulong r = Next();
            long mantissa = (long)(r % 100000000) - 50000000;
            int scale = (int)((r >> 40) % 12);
            double d = mantissa;
            for (int k = 0; k < scale; k++) d /= 10;
            float f = (float)d;
            Console.WriteLine(d.ToString() + " " + d.ToString("F2") + " " + d.ToString("N1") + " " + d.ToString("E4") + " " + d.ToString("0.00") + " " + d.ToString("P1")
                + " | " + f.ToString() + " " + f.ToString("F2") + " " + f.ToString("G4"));
        }
    }

    static void Composite()
    {
        double d = 3.5, neg = -1234.5678;
        float f = 0.1f;
        Console.WriteLine(d);
        Console.WriteLine(f);
        Console.WriteLine((object)neg);
        Console.WriteLine($"{d} {f} {neg:F2} [{d,8:F3}] [{neg,-12:N2}] [{f,6}] {1e16} {1.0 / 3:G5} {neg:#,##0.0}");
        Console.WriteLine(string.Format("{0} {1:E2} {2,10:P1}|", d, neg, 0.256));
        Span<char> buf = stackalloc char[10];
        bool ok = neg.TryFormat(buf, out int n, "F1", null);
        Console.WriteLine(ok.ToString() + " " + n.ToString() + " " + $"{buf.Slice(0, n)}");
        ok = (1.0 / 3).TryFormat(buf, out n);
        Console.WriteLine(ok.ToString() + " " + n.ToString());
    }

    static int Main()
    {
        Special();
        RandomBits();
        RandomDecimals();
        Composite();
        return 0;
    }
}
