using System.Globalization;
using System.Text;

namespace Dune.Guest.Tests.Number;

/// <summary>
/// The guest's floating-point digit generation (Grisu3 with Dragon4 behind it, and Dragon4 with a precision)
/// against the digits .NET prints, over many random bit patterns and decimal-looking values.
/// </summary>
public unsafe class DigitGenerationTests
{
    private ulong _state = 0x9E3779B97F4A7C15;

    private ulong Next()
    {
        ulong x = _state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state = x;
        return x;
    }

    /// <summary>Digits without trailing zeros and the decimal point's position, from any .NET number text.</summary>
    private static string Normalize(string text)
    {
        text = text.TrimStart('-');
        int exponent = 0, e = text.IndexOf('E');
        if (e >= 0) { exponent = int.Parse(text.Substring(e + 1), CultureInfo.InvariantCulture); text = text.Substring(0, e); }
        int dot = text.IndexOf('.');
        string digits = dot >= 0 ? text.Remove(dot, 1) : text;
        int integerDigits = dot >= 0 ? dot : text.Length;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        return digits.Substring(lead).TrimEnd('0') + "@" + (integerDigits - lead + exponent);
    }

    private static string Digits(byte* buffer, int length, int scale) => Encoding.ASCII.GetString(buffer, length).TrimEnd('0') + "@" + scale;

    private double NextDouble(int i)
    {
        ulong bits = Next();
        // Every third value looks like what programs print: a short decimal.
        return i % 3 == 0 ? (long)(bits % 100000000) / Math.Pow(10, (int)(bits >> 60)) : BitConverter.UInt64BitsToDouble(bits);
    }

    private static void Decompose(double d, out ulong mantissa, out int exponent, out bool lowerCloser, out bool unequalMargins)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(d);
        int biased = (int)(bits >> 52) & 0x7FF;
        ulong fraction = bits & 0xFFFFFFFFFFFFF;
        mantissa = biased != 0 ? fraction | (1UL << 52) : fraction;
        exponent = biased != 0 ? biased - 1075 : -1074;
        lowerCloser = fraction == 0 && biased > 1;
        unequalMargins = fraction == 0 && biased != 0;
    }

    [Fact]
    public void ShortestDoubleDigitsMatchDotNet()
    {
        byte* buffer = stackalloc byte[800];
        for (int i = 0; i < 100000; i++)
        {
            double d = NextDouble(i);
            if (!double.IsFinite(d) || d == 0) continue;
            Decompose(d, out ulong mantissa, out int exponent, out bool lowerCloser, out bool unequal);
            string expected = Normalize(d.ToString("R", CultureInfo.InvariantCulture));
            if (System.Number.Grisu3Shortest(mantissa, exponent, lowerCloser, buffer, out int length, out int scale))
                Assert.Equal(expected, Digits(buffer, length, scale));
            if (i % 4 == 0)
            {
                length = System.Number.Dragon4(mantissa, exponent, unequal, -1, true, buffer, 769, out scale);
                Assert.Equal(expected, Digits(buffer, length, scale));
            }
        }
    }

    [Fact]
    public void ShortestFloatDigitsMatchDotNet()
    {
        byte* buffer = stackalloc byte[200];
        for (int i = 0; i < 100000; i++)
        {
            uint bits = (uint)(Next() >> 32);
            float f = BitConverter.UInt32BitsToSingle(bits);
            if (!float.IsFinite(f) || f == 0) continue;
            int biased = (int)(bits >> 23) & 0xFF;
            ulong fraction = bits & 0x7FFFFF;
            ulong mantissa = biased != 0 ? fraction | (1UL << 23) : fraction;
            int exponent = biased != 0 ? biased - 150 : -149;
            string expected = Normalize(f.ToString("R", CultureInfo.InvariantCulture));
            if (!System.Number.Grisu3Shortest(mantissa, exponent, fraction == 0 && biased > 1, buffer, out int length, out int scale))
                length = System.Number.Dragon4(mantissa, exponent, fraction == 0 && biased != 0, -1, true, buffer, 114, out scale);
            Assert.Equal(expected, Digits(buffer, length, scale));
        }
    }

    [Fact]
    public void SignificantDigitsMatchDotNetExponentFormat()
    {
        byte* buffer = stackalloc byte[800];
        for (int i = 0; i < 30000; i++)
        {
            double d = NextDouble(i);
            if (!double.IsFinite(d) || d == 0) continue;
            int precision = 1 + (int)(Next() % 25);
            Decompose(d, out ulong mantissa, out int exponent, out _, out bool unequal);
            string expected = Normalize(d.ToString("E" + (precision - 1), CultureInfo.InvariantCulture));
            int length = System.Number.Dragon4(mantissa, exponent, unequal, precision, true, buffer, 769, out int scale);
            Assert.Equal(expected, Digits(buffer, length, scale));
        }
    }
}
