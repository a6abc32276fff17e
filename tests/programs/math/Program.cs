using System;

// Math and MathF against .NET (which calls glibc's libm on Linux). Doubles print as their bits.
// Exact operations (rounding, IEEE helpers, fmod, fma, sqrt) are compared bit for bit on thousands of inputs;
// elementary functions bit for bit on special and exact cases, and to 40 significand bits on random inputs
// (floats to 16): the last bits are correctly rounded here, and glibc's are not always (see the README).
static class Program
{
    static ulong s_state = 0x2545F4914F6CDD1DUL;

    static ulong Next()
    {
        s_state ^= s_state << 13; s_state ^= s_state >> 7; s_state ^= s_state << 17;
        return s_state;
    }

    static double Uniform(double lo, double hi) => lo + (hi - lo) * ((Next() >> 11) * (1.0 / 9007199254740992.0));

    /// <summary>Any finite double (random sign, exponent and significand).</summary>
    static double AnyFinite() => BitConverter.Int64BitsToDouble((long)(Next() % 0x7FF0000000000000UL) | (long)(Next() & 0x8000000000000000UL));

    static double Mixed(int i) => (i % 4) switch
    {
        0 => AnyFinite(),
        1 => Uniform(-10, 10),
        2 => Math.Round(Uniform(-1000, 1000)) / 4, // many exact halves and quarters
        _ => Uniform(-1e17, 1e17),
    };

    static readonly double[] Specials =
    {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 0.49999999999999994, -0.49999999999999994,
        4503599627370495.5, 4503599627370496.0, 9007199254740993.0, 1e16, -1e16, 1e308, double.MaxValue, double.MinValue,
        double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 2.225073858507201E-308, double.NaN,
        double.PositiveInfinity, double.NegativeInfinity, Math.PI, Math.E, 0.1, -0.1, 123.456, 2.0, 10.0, 100.0, 1e-5,
    };

    static string B(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16");
    static string F(float f) => BitConverter.SingleToInt32Bits(f).ToString("x8");
    /// <summary>Sign, exponent and the top 40 significand bits.</summary>
    /// <summary>Bits, with every NaN printed alike (glibc's NaN signs vary by function).</summary>
    static string N(double d) => double.IsNaN(d) ? "nan" : B(d);
    /// <summary>Sign, exponent and the top 16 significand bits of a float.</summary>
    static string F16(float f) => float.IsNaN(f) ? "nan" : (BitConverter.SingleToInt32Bits(f) >> 7).ToString("x6");
    static string B40(double d) => double.IsNaN(d) ? "nan" : (BitConverter.DoubleToInt64Bits(d) >> 12).ToString("x13");

    static int Main()
    {
        Integers();
        Rounding();
        Ieee();
        Classification();
        SingleOps();
        Elementary();
        Conversions();
        return 0;
    }

    static void Integers()
    {
        long[] longs = { 0, 1, -1, 2, -2, 7, -7, 100, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue, long.MinValue + 1 };
        foreach (long a in longs)
            foreach (long b in longs)
            {
                string line = "int " + a + " " + b + ": " + Math.Max(a, b) + " " + Math.Min(a, b) + " " + Math.Sign(a) + " " +
                    Math.BigMul(a, b, out long low) + "/" + low + " " + Math.BigMul((ulong)a, (ulong)b, out ulong ulow) + "/" + ulow + " " +
                    Math.Max((ulong)a, (ulong)b) + " " + Math.Min((int)a, (int)b) + " " + Math.BigMul((int)a, (int)b) + " " + Math.BigMul((uint)a, (uint)b);
                if (b != 0 && !(a == long.MinValue && b == -1)) line += " " + Math.DivRem(a, b, out long rem) + "/" + rem;
                if ((int)b != 0 && !((int)a == int.MinValue && (int)b == -1)) line += " " + Math.DivRem((int)a, (int)b, out int irem) + "/" + irem;
                if (a <= b) line += " " + Math.Clamp(0, a, b) + " " + Math.Clamp(-5, Math.Min((int)a, (int)b), Math.Max((int)a, (int)b));
                Console.WriteLine(line);
            }
        foreach (long a in longs)
        {
            string line = "abs " + a + ":";
            try { line += " " + Math.Abs(a); } catch (OverflowException e) { line += " " + e.Message; }
            try { line += " " + Math.Abs((int)a); } catch (OverflowException e) { line += " " + e.Message; }
            try { line += " " + Math.Abs((short)a); } catch (OverflowException e) { line += " " + e.Message; }
            try { line += " " + Math.Abs((sbyte)a); } catch (OverflowException e) { line += " " + e.Message; }
            Console.WriteLine(line + " " + Math.Sign((int)a) + " " + Math.Sign((short)a) + " " + Math.Sign((sbyte)a) + " " + Math.Max((byte)a, (byte)3) + " " + Math.Min((ushort)a, (ushort)300));
        }
        try { Math.Clamp(1, 5, 2); } catch (ArgumentException e) { Console.WriteLine("clamp: " + e.Message); }
        try { Math.Clamp(1L, 5L, -2L); } catch (ArgumentException e) { Console.WriteLine("clamp long: " + e.Message); }
        try { Math.Sign(double.NaN); } catch (ArithmeticException e) { Console.WriteLine("sign nan: " + e.Message); }
        try { Math.Clamp(1.0, 5.5, 2.25); } catch (ArgumentException e) { Console.WriteLine("clamp double: " + e.Message); }
        try { Math.Clamp(1f, 5.5f, 2.25f); } catch (ArgumentException e) { Console.WriteLine("clamp float: " + e.Message); }
    }

    static void Rounding()
    {
        for (int i = 0; i < Specials.Length + 3000; i++)
        {
            double x = i < Specials.Length ? Specials[i] : Mixed(i);
            string line = "round " + B(x) + ": " + B(Math.Floor(x)) + " " + B(Math.Ceiling(x)) + " " + B(Math.Truncate(x)) + " " + B(Math.Round(x));
            for (int mode = 0; mode <= 4; mode++) line += " " + B(Math.Round(x, (MidpointRounding)mode));
            int digits = i % 16;
            line += " d" + digits + " " + B(Math.Round(x, digits));
            for (int mode = 0; mode <= 4; mode++) line += " " + B(Math.Round(x, digits, (MidpointRounding)mode));
            Console.WriteLine(line);
        }
        try { Math.Round(1.5, 16); } catch (ArgumentOutOfRangeException) { Console.WriteLine("round digits 16: ArgumentOutOfRangeException"); }
        try { Math.Round(1.5, -1); } catch (ArgumentOutOfRangeException) { Console.WriteLine("round digits -1: ArgumentOutOfRangeException"); }
        try { Math.Round(1.5, (MidpointRounding)5); } catch (ArgumentException e) { Console.WriteLine("round mode 5: " + e.Message); }
    }

    static void Ieee()
    {
        for (int i = 0; i < Specials.Length * Specials.Length + 3000; i++)
        {
            double x, y, z;
            if (i < Specials.Length * Specials.Length) { x = Specials[i / Specials.Length]; y = Specials[i % Specials.Length]; z = Specials[(i * 7) % Specials.Length]; }
            else { x = Mixed(i); y = Mixed(i + 1 + (int)(Next() % 3)); z = Mixed(i + (int)(Next() % 4)); }
            if (i % 5 == 0 && double.IsFinite(x)) y = x * Uniform(-3, 3); // comparable magnitudes for remainders
            Console.WriteLine("ieee " + B(x) + " " + B(y) + " " + B(z) + ": " + B(x % y) + " " + B(Math.IEEERemainder(x, y)) + " " +
                B(Math.FusedMultiplyAdd(x, y, z)) + " " + B(Math.Sqrt(x)) + " " + B(Math.CopySign(x, y)) + " " +
                B(Math.Max(x, y)) + " " + B(Math.Min(x, y)) + " " + B(Math.MaxMagnitude(x, y)) + " " + B(Math.MinMagnitude(x, y)) + " " +
                B(Math.BitIncrement(x)) + " " + B(Math.BitDecrement(x)) + " " + Math.ILogB(x) + " " +
                B(Math.ScaleB(x, (int)(Next() % 4400) - 2200)) + " " + B(Math.ScaleB(x, (int)(Next() % 120) - 60)) + " " + B(Math.Abs(x)) + " " + B(Math.Clamp(x, -1.5, 2.5)));
        }
        // Fused multiply-add where the separate product would round: exact products cancelling the addend.
        for (int i = 0; i < 1000; i++)
        {
            double a = Uniform(-4, 4), b = Uniform(-4, 4) * Math.ScaleB(1, (int)(Next() % 40) - 20);
            double p = a * b;
            double c = i % 2 == 0 ? -p : -p * (1 + Uniform(-1e-10, 1e-10));
            Console.WriteLine("fma cancel " + B(a) + " " + B(b) + ": " + B(Math.FusedMultiplyAdd(a, b, c)) + " " + B(Math.FusedMultiplyAdd(a, b, Math.ScaleB(c, -1000))) + " " +
                B(Math.FusedMultiplyAdd(Math.ScaleB(a, -540), Math.ScaleB(b, -540), Math.ScaleB(c, -1080))));
        }
    }

    static void Classification()
    {
        foreach (double x in Specials)
            Console.WriteLine("class " + B(x) + ": " + double.IsNaN(x) + double.IsInfinity(x) + double.IsPositiveInfinity(x) + double.IsNegativeInfinity(x) +
                double.IsFinite(x) + double.IsNegative(x) + double.IsNormal(x) + double.IsSubnormal(x) + double.IsInteger(x) + double.IsPow2(x) + double.IsEvenInteger(x) + double.IsOddInteger(x) + " " +
                float.IsNaN((float)x) + float.IsInfinity((float)x) + float.IsFinite((float)x) + float.IsNegative((float)x) + float.IsNormal((float)x) + float.IsSubnormal((float)x) + float.IsInteger((float)x) + float.IsPow2((float)x));
        Console.WriteLine("constants " + B(double.MaxValue) + " " + B(double.MinValue) + " " + B(double.Epsilon) + " " + B(double.NaN) + " " + B(double.NegativeZero) + " " +
            B(Math.PI) + " " + B(Math.E) + " " + B(Math.Tau) + " " + F(float.MaxValue) + " " + F(float.Epsilon) + " " + F(float.NaN) + " " + F(MathF.PI) + " " + F(MathF.E) + " " + F(MathF.Tau));
    }

    static void SingleOps()
    {
        for (int i = 0; i < Specials.Length + 3000; i++)
        {
            float x = i < Specials.Length ? (float)Specials[i] : (float)Mixed(i);
            float y = (float)Mixed(i + 1), z = (float)Uniform(-100, 100);
            if (i % 3 == 0) y = x * (float)Uniform(-3, 3);
            int digits = i % 7;
            string line = "single " + F(x) + " " + F(y) + ": " + F(MathF.Floor(x)) + " " + F(MathF.Ceiling(x)) + " " + F(MathF.Truncate(x)) + " " + F(MathF.Round(x)) + " d" + digits;
            for (int mode = 0; mode <= 4; mode++) line += " " + F(MathF.Round(x, digits, (MidpointRounding)mode));
            Console.WriteLine(line + " " + F(x % y) + " " + F(MathF.IEEERemainder(x, y)) + " " + F(MathF.FusedMultiplyAdd(x, y, z)) + " " + F(MathF.Sqrt(x)) + " " +
                F(MathF.CopySign(x, y)) + " " + F(MathF.Max(x, y)) + " " + F(MathF.Min(x, y)) + " " + F(MathF.MaxMagnitude(x, y)) + " " + F(MathF.MinMagnitude(x, y)) + " " +
                F(MathF.BitIncrement(x)) + " " + F(MathF.BitDecrement(x)) + " " + MathF.ILogB(x) + " " + F(MathF.ScaleB(x, (int)(Next() % 600) - 300)) + " " + F(MathF.Abs(x)) + " " + (float.IsNaN(x) ? 9 : MathF.Sign(x)));
        }
    }

    static void Elementary()
    {
        // Inputs whose results are exact, special, overflow or underflow.
        double[] exact = { 0.0, -0.0, 1.0, -1.0, 1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            double.Epsilon, -double.Epsilon, 720.0, -746.0, 1e-20, -1e-20 };
        foreach (double x in exact)
            Console.WriteLine("special " + B(x) + ": " + N(Math.Exp(x)) + " " + N(Math.Log(x)) + " " + N(Math.Log2(x)) + " " + N(Math.Log10(x)) + " " +
                N(Math.Sin(x)) + " " + N(Math.Cos(x)) + " " + N(Math.Tan(x)) + " " + N(Math.Asin(x)) + " " + N(Math.Acos(x)) + " " + N(Math.Atan(x)) + " " +
                N(Math.Sinh(x)) + " " + N(Math.Cosh(x)) + " " + N(Math.Tanh(x)) + " " + N(Math.Asinh(x)) + " " + N(Math.Acosh(x)) + " " + N(Math.Atanh(x)) + " " +
                N(Math.Log(x, 2)) + " " + N(Math.Log(x, 10)) + " " + N(Math.Log(8, x)));
        double[] powArgs = { 0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 10.0, 1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e-300 };
        foreach (double x in powArgs)
        {
            string line = "pow " + B(x) + ":";
            foreach (double y in powArgs) line += " " + N(Math.Pow(x, y));
            Console.WriteLine(line);
        }
        for (int k = -30; k <= 33; k++)
            Console.WriteLine("pow exact " + k + ": " + B(Math.Pow(2, k)) + " " + B(Math.Pow(0.5, k)) + " " + B(Math.Log2(Math.ScaleB(1, k * 30))) +
                (k >= 0 ? " " + B(Math.Pow(-3, k)) : "") + (k >= 0 && k <= 22 ? " " + B(Math.Pow(10, k)) + " " + B(Math.Log10(Math.Pow(10, k))) : ""));
        foreach (double y in powArgs)
        {
            string line = "atan2 " + B(y) + ":";
            foreach (double x in powArgs) line += " " + N(Math.Atan2(y, x));
            Console.WriteLine(line);
        }
        for (int i = 0; i < 400; i++)
        {
            double w = Uniform(-10, 10), u = Uniform(-1, 1), p = Uniform(0, 100), big = AnyFinite();
            Console.WriteLine("elementary " + B(w) + " " + B(u) + " " + B(p) + " " + B(big) + ": " + B40(Math.Exp(w * 70)) + " " + B40(Math.Log(p)) + " " + B40(Math.Log(Math.Abs(big))) + " " +
                B40(Math.Log2(p)) + " " + B40(Math.Log10(Math.Abs(big))) + " " + B40(Math.Pow(p, w)) + " " + B40(Math.Pow(-p, Math.Round(w * 10))) + " " + B40(Math.Cbrt(big)) + " " +
                B40(Math.Sin(w)) + " " + B40(Math.Cos(w)) + " " + B40(Math.Tan(w)) + " " + B40(Math.Sin(big)) + " " + B40(Math.Cos(big)) + " " + B40(Math.Tan(big)) + " " +
                B40(Math.Asin(u)) + " " + B40(Math.Acos(u)) + " " + B40(Math.Atan(w)) + " " + B40(Math.Atan2(w, u)) + " " +
                B40(Math.Sinh(w)) + " " + B40(Math.Cosh(w)) + " " + B40(Math.Tanh(u * 3)) + " " + B40(Math.Asinh(w * 10)) + " " + B40(Math.Acosh(p + 1)) + " " + B40(Math.Atanh(u)) + " " +
                F16(MathF.Exp((float)w)) + " " + F16(MathF.Log((float)p)) + " " + F16(MathF.Sin((float)w)) + " " + F16(MathF.Cos((float)w)) + " " + F16(MathF.Pow((float)p, (float)u)));
        }
    }

    static void Conversions()
    {
        double[] values = { 0.0, -0.9, 2147483647.9, 2147483648.0, -2147483648.9, -2147483649.0, 4294967295.5, 4294967296.0, -1.0, 9.2233720368547748E+18, 9.2233720368547758E+18, -9.2233720368547758E+18, 1.8446744073709550E+19, 1.8446744073709552E+19, double.NaN };
        foreach (double v in values)
        {
            string line = "checked " + B(v) + ":";
            try { line += " " + checked((int)v); } catch (OverflowException) { line += " overflow"; }
            try { line += " " + checked((uint)v); } catch (OverflowException) { line += " overflow"; }
            try { line += " " + checked((long)v); } catch (OverflowException) { line += " overflow"; }
            try { line += " " + checked((ulong)v); } catch (OverflowException) { line += " overflow"; }
            Console.WriteLine(line);
        }
    }
}
