namespace System
{
    /// <summary>
    /// Conversions between decimal and binary floating point, with .NET's (OLE Automation's) rules: a double
    /// keeps 15 significant digits and a float 7, rounded half to even in double arithmetic; back to double
    /// the 96-bit mantissa is converted and divided by 10^scale.
    /// </summary>
    internal static class DecimalConversion
    {
        private const string OverflowMessage = "Value was either too large or too small for a Decimal.";

        /// <summary>10^n as the nearest double (exact up to 10^22), as .NET's table holds them.</summary>
        private static double Pow10(int n)
        {
            if (n > 22) return Pow10Above22(n);
            double p = 1;
            for (int i = 0; i < n; i++) p *= 10;
            return p;
        }

        private static double Pow10Above22(int n) => n switch
        {
            23 => 1e23, 24 => 1e24, 25 => 1e25, 26 => 1e26, 27 => 1e27, 28 => 1e28, 29 => 1e29,
            30 => 1e30, 31 => 1e31, 32 => 1e32, 33 => 1e33, 34 => 1e34, 35 => 1e35, 36 => 1e36,
            37 => 1e37, 38 => 1e38, 39 => 1e39, 40 => 1e40, 41 => 1e41, 42 => 1e42, _ => 1e43,
        };

        /// <summary>
        /// Rounds |value| to <paramref name="digits"/> significant digits (15 for double, 7 for float) at a scale
        /// of at most 28, then drops trailing zeros of the fraction.
        /// </summary>
        internal static decimal FromDouble(double value, int digits)
        {
            int bias = digits == 15 ? 1022 : 126;
            int exponent = digits == 15
                ? (int)((ulong)BitConverter.DoubleToInt64Bits(value) >> 52 & 0x7FF) - bias
                : (int)((uint)BitConverter.SingleToInt32Bits((float)value) >> 23 & 0xFF) - bias;
            if (exponent < -94) return default;
            if (exponent > 96) throw new OverflowException(OverflowMessage);
            bool negative = value < 0;
            double d = Math.Abs(value);
            double limit = Pow10(digits), lowLimit = Pow10(digits - 1);
            // Largest power of ten the value could have: exponent * log10(2), as a 16-bit fixed-point product.
            int power = digits - 1 - ((exponent * 19728) >> 16);
            if (power >= 0)
            {
                if (power > decimal.MaxScale) power = decimal.MaxScale;
                d *= Pow10(power);
            }
            else if (power != -1 || d >= limit) d /= Pow10(-power);
            else power = 0;
            if (d < lowLimit && power < decimal.MaxScale) { d *= 10; power++; }
            ulong mantissa = (ulong)(long)d;
            double fraction = d - (long)mantissa;
            if (fraction > 0.5 || (fraction == 0.5 && (mantissa & 1) != 0)) mantissa++;
            if (mantissa == 0) return default;
            WideInteger m = WideInteger.From96((uint)mantissa, (uint)(mantissa >> 32), 0);
            if (power < 0)
            {
                m.MultiplyPow10(-power);
                if (m.Exceeds96Bits) throw new OverflowException(OverflowMessage);
                power = 0;
            }
            else
            {
                // At most digits - 1 zeros go: all .NET tries for a mantissa of that many digits.
                for (int stripped = 0; power > 0 && stripped < digits - 1; stripped++)
                {
                    WideInteger q = m;
                    if (q.DivideSmall(10) != 0) break;
                    m = q;
                    power--;
                }
            }
            return new decimal(negative, power, m[2], m[0] | ((ulong)m[1] << 32));
        }

        internal static double ToDouble(decimal d)
        {
            double magnitude = ((double)d.Low64 + (double)d.High * 18446744073709551616.0) / Pow10(d.ScaleValue);
            return d.IsNegativeFlag ? -magnitude : magnitude;
        }

        /// <summary>The integral part (truncated toward zero) as a sign and a 96-bit magnitude.</summary>
        internal static bool TruncatedMagnitude(decimal d, out ulong low64, out uint high)
        {
            decimal t = DecimalArithmetic.RoundTo(d, 0, MidpointRounding.ToZero);
            low64 = t.Low64;
            high = t.High;
            return t.IsNegativeFlag && !t.IsZeroMagnitude;
        }

        internal static long ToInt64(decimal d, long min, long max, string typePhrase)
        {
            bool negative = TruncatedMagnitude(d, out ulong low64, out uint high);
            if (high == 0)
            {
                if (!negative && low64 <= (ulong)max) return (long)low64;
                if (negative && low64 <= (ulong)-(min + 1) + 1) return -(long)low64;
            }
            throw new OverflowException("Value was either too large or too small for " + typePhrase + ".");
        }

        internal static ulong ToUInt64(decimal d, ulong max, string typePhrase)
        {
            bool negative = TruncatedMagnitude(d, out ulong low64, out uint high);
            if (high == 0 && (!negative || low64 == 0) && low64 <= max) return low64;
            throw new OverflowException("Value was either too large or too small for " + typePhrase + ".");
        }
    }
}
