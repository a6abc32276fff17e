namespace System
{
    /// <summary>
    /// Decimal arithmetic on exact wide intermediates: operands are aligned or multiplied exactly, and the result
    /// is rounded once (to nearest, ties to even) to 96 bits and at most 28 fractional digits, as .NET does.
    /// </summary>
    internal static class DecimalArithmetic
    {
        private const string OverflowMessage = "Value was either too large or too small for a Decimal.";

        private static WideInteger Magnitude(decimal d) => WideInteger.From96(d.Low, d.Mid, d.High);

        private static bool Fits32(decimal d) => (d.High | d.Mid) == 0;

        internal static int Compare(decimal d1, decimal d2)
        {
            bool zero1 = d1.IsZeroMagnitude, zero2 = d2.IsZeroMagnitude;
            if (zero1 && zero2) return 0;
            bool neg1 = d1.IsNegativeFlag && !zero1, neg2 = d2.IsNegativeFlag && !zero2;
            if (neg1 != neg2) return neg1 ? -1 : 1;
            if (zero1) return neg2 ? 1 : -1;
            if (zero2) return neg1 ? -1 : 1;
            if (d1.ScaleValue == d2.ScaleValue)
            {
                int same = d1.High != d2.High ? (d1.High < d2.High ? -1 : 1) : d1.Low64 != d2.Low64 ? (d1.Low64 < d2.Low64 ? -1 : 1) : 0;
                return neg1 ? -same : same;
            }
            Align(d1, d2, out WideInteger m1, out WideInteger m2, out _);
            int c = WideInteger.Compare(m1, m2);
            return neg1 ? -c : c;
        }

        /// <summary>Both magnitudes at the larger scale (exact: at most 96 + 94 bits).</summary>
        private static void Align(decimal d1, decimal d2, out WideInteger m1, out WideInteger m2, out int scale)
        {
            m1 = Magnitude(d1);
            m2 = Magnitude(d2);
            int s1 = d1.ScaleValue, s2 = d2.ScaleValue;
            scale = s1 > s2 ? s1 : s2;
            m1.MultiplyPow10(scale - s1);
            m2.MultiplyPow10(scale - s2);
        }

        internal static decimal Add(decimal d1, decimal d2, bool subtract)
        {
            bool neg2Fast = d2.IsNegativeFlag ^ subtract;
            if (d1.ScaleValue == d2.ScaleValue && AddSameScale(d1, d2, neg2Fast, out decimal fast)) return fast;
            Align(d1, d2, out WideInteger m1, out WideInteger m2, out int scale);
            bool neg1 = d1.IsNegativeFlag, neg2 = d2.IsNegativeFlag ^ subtract;
            WideInteger sum;
            bool negative;
            if (neg1 == neg2)
            {
                sum = WideInteger.Add(m1, m2);
                negative = neg1;
            }
            else if (WideInteger.Compare(m1, m2) >= 0)
            {
                sum = WideInteger.Subtract(m1, m2);
                negative = neg1;
            }
            else
            {
                sum = WideInteger.Subtract(m2, m1);
                negative = neg2;
            }
            if (sum.IsZero) negative = false;
            return Fit(sum, scale, negative);
        }

        /// <summary>
        /// Operands of one scale whose exact sum still fits 96 bits need no wide arithmetic or rounding (the common
        /// case); false sends the rest down the general path.
        /// </summary>
        private static bool AddSameScale(decimal d1, decimal d2, bool negative2, out decimal result)
        {
            bool negative1 = d1.IsNegativeFlag;
            ulong lo1 = d1.Low64, lo2 = d2.Low64;
            uint hi1 = d1.High, hi2 = d2.High;
            ulong lo, hi;
            bool negative;
            if (negative1 == negative2)
            {
                lo = lo1 + lo2;
                hi = (ulong)hi1 + hi2 + (lo < lo1 ? 1UL : 0);
                if (hi > uint.MaxValue) { result = default; return false; }
                negative = negative1;
            }
            else
            {
                bool firstLarger = hi1 != hi2 ? hi1 > hi2 : lo1 >= lo2;
                if (!firstLarger) { ulong l = lo1; lo1 = lo2; lo2 = l; uint h = hi1; hi1 = hi2; hi2 = h; }
                lo = lo1 - lo2;
                hi = (ulong)hi1 - hi2 - (lo1 < lo2 ? 1UL : 0);
                negative = firstLarger ? negative1 : negative2;
                if ((lo | hi) == 0) negative = false;
            }
            result = new decimal(negative, d1.ScaleValue, (uint)hi, lo);
            return true;
        }

        internal static decimal Multiply(decimal d1, decimal d2)
        {
            int scale = d1.ScaleValue + d2.ScaleValue;
            bool negative = d1.IsNegativeFlag ^ d2.IsNegativeFlag;
            // 32-bit by 32-bit at a valid scale: the 64-bit product is the result.
            if (Fits32(d1) && Fits32(d2) && scale <= decimal.MaxScale)
                return new decimal(negative, scale, 0, (ulong)d1.Low * d2.Low);
            WideInteger product = WideInteger.Multiply(Magnitude(d1), Magnitude(d2));
            // .NET keeps the scale of a zero product only on its path for 32-bit operands.
            if (Fits32(d1) && Fits32(d2))
            {
                if (scale > decimal.MaxScale + 19) return default;
                if (product.IsZero && scale <= decimal.MaxScale) return new decimal(negative, scale, 0, 0);
            }
            else if (product.IsZero) return default;
            return Fit(product, scale, negative);
        }

        /// <summary>
        /// The quotient with as many fractional digits as fit (up to 28), rounded once, without trailing zeros; an
        /// exact quotient keeps at least the dividend's scale minus the divisor's.
        /// </summary>
        internal static decimal Divide(decimal d1, decimal d2)
        {
            if (d2.IsZeroMagnitude) throw new DivideByZeroException("Attempted to divide by zero.");
            bool negative = d1.IsNegativeFlag ^ d2.IsNegativeFlag;
            if (d1.IsZeroMagnitude)
            {
                int zeroScale = d1.ScaleValue - d2.ScaleValue;
                return new decimal(negative, zeroScale > 0 ? zeroScale : 0, 0, 0);
            }
            int natural = d1.ScaleValue - d2.ScaleValue;
            int minScale = natural > 0 ? natural : 0;
            // One digit beyond the 28 a decimal can hold, so the remainder only breaks ties.
            int scale = decimal.MaxScale + 1;
            WideInteger dividend = Magnitude(d1);
            dividend.MultiplyPow10(scale - natural);
            WideInteger quotient = WideInteger.DivRem(dividend, Magnitude(d2), out WideInteger remainder);
            if (remainder.IsZero)
            {
                // An exact quotient sheds the trailing zeros it does not need.
                while (scale > minScale && IsDivisibleBy10(quotient)) { quotient.DivideSmall(10); scale--; }
                if (scale <= decimal.MaxScale && !quotient.Exceeds96Bits) return Compose(quotient, scale, negative);
            }
            int firstDrop = DigitsBeyond96Bits(quotient);
            for (int drop = firstDrop > 1 ? firstDrop : 1; ; drop++)
            {
                WideInteger rounded = quotient;
                RoundOff(ref rounded, drop, !remainder.IsZero, MidpointRounding.ToEven, negative);
                if (rounded.Exceeds96Bits) continue;
                int roundedScale = scale - drop;
                if (roundedScale < minScale) throw new OverflowException(OverflowMessage);
                if (rounded.IsZero) return default;
                // A rounded quotient loses all its trailing zeros (an exact one keeps the dividend's scale).
                while (roundedScale > 0 && IsDivisibleBy10(rounded)) { rounded.DivideSmall(10); roundedScale--; }
                return Compose(rounded, roundedScale, negative);
            }
        }

        internal static decimal Remainder(decimal d1, decimal d2)
        {
            if (d2.IsZeroMagnitude) throw new DivideByZeroException("Attempted to divide by zero.");
            if (d1.IsZeroMagnitude) return d1;
            int magnitudeOrder = Compare(decimal.Abs(d1), decimal.Abs(d2));
            if (magnitudeOrder < 0) return d1; // already the remainder, scale kept
            if (magnitudeOrder == 0)
            {
                int zeroScale = d1.ScaleValue > d2.ScaleValue ? d1.ScaleValue : d2.ScaleValue;
                return new decimal(d1.IsNegativeFlag, zeroScale, 0, 0);
            }
            Align(d1, d2, out WideInteger m1, out WideInteger m2, out int scale);
            WideInteger.DivRem(m1, m2, out WideInteger remainder);
            return Fit(remainder, scale, d1.IsNegativeFlag);
        }

        /// <summary>Rounds to <paramref name="decimals"/> fractional digits (no-op when the scale is already smaller).</summary>
        internal static decimal RoundTo(decimal d, int decimals, MidpointRounding mode)
        {
            int scale = d.ScaleValue;
            if (scale <= decimals) return d;
            WideInteger m = Magnitude(d);
            RoundOff(ref m, scale - decimals, false, mode, d.IsNegativeFlag);
            return Compose(m, decimals, d.IsNegativeFlag);
        }

        /// <summary>The same value without trailing fractional zeros.</summary>
        internal static decimal Normalize(decimal d)
        {
            WideInteger m = Magnitude(d);
            int scale = d.ScaleValue;
            while (scale > 0 && IsDivisibleBy10(m)) { m.DivideSmall(10); scale--; }
            return Compose(m, scale, d.IsNegativeFlag);
        }

        private static bool IsDivisibleBy10(WideInteger m) => !m.IsOdd && m.Mod10() == 0;

        /// <summary>The fewest digits that may have to go for <paramref name="m"/> to fit 96 bits (log10(2) ~ 0.30103).</summary>
        private static int DigitsBeyond96Bits(WideInteger m)
        {
            int excess = m.BitLength - 96;
            return excess > 0 ? excess * 30103 / 100000 : 0;
        }

        /// <summary>Rounds an exact magnitude at <paramref name="scale"/> into a decimal: 96 bits and scale &lt;= 28.</summary>
        private static decimal Fit(WideInteger m, int scale, bool negative)
        {
            int drop = scale > decimal.MaxScale ? scale - decimal.MaxScale : 0;
            int needed = DigitsBeyond96Bits(m);
            if (needed > drop) drop = needed;
            while (true)
            {
                WideInteger rounded = m;
                RoundOff(ref rounded, drop, false, MidpointRounding.ToEven, negative);
                if (!rounded.Exceeds96Bits)
                {
                    if (drop > scale) throw new OverflowException(OverflowMessage);
                    return Compose(rounded, scale - drop, negative);
                }
                drop++;
            }
        }

        /// <summary>
        /// Divides by 10^<paramref name="drop"/> and rounds by <paramref name="mode"/>; <paramref name="inexact"/>
        /// says digits below the given value were already lost (they break ties).
        /// </summary>
        internal static void RoundOff(ref WideInteger m, int drop, bool inexact, MidpointRounding mode, bool negative)
        {
            if (drop == 0 && !inexact) return;
            bool sticky = inexact;
            uint last = 0;
            if (drop > 0)
            {
                // All but the last dropped digit only matter as a sticky bit: divide them out nine at a time.
                int rest = drop - 1;
                for (; rest >= 9; rest -= 9) sticky |= m.DivideSmall(1000000000) != 0;
                if (rest > 0) sticky |= m.DivideSmall(WideInteger.Pow10UInt(rest)) != 0;
                last = m.DivideSmall(10);
            }
            bool up = drop == 0
                ? mode switch { MidpointRounding.ToNegativeInfinity => negative, MidpointRounding.ToPositiveInfinity => !negative, _ => false }
                : mode switch
                {
                    MidpointRounding.ToEven => last > 5 || (last == 5 && (sticky || m.IsOdd)),
                    MidpointRounding.AwayFromZero => last >= 5,
                    MidpointRounding.ToZero => false,
                    MidpointRounding.ToNegativeInfinity => negative && (last != 0 || sticky),
                    _ => !negative && (last != 0 || sticky),
                };
            if (up) m.MultiplyAdd(1, 1);
        }

        private static decimal Compose(WideInteger m, int scale, bool negative)
        {
            if (m.Exceeds96Bits) throw new OverflowException(OverflowMessage);
            return new decimal(negative, scale, m[2], m[0] | ((ulong)m[1] << 32));
        }
    }
}
