using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        // Digits kept when parsing: enough to decide the rounding of any decimal input (halfway points between
        // doubles have at most 767 significant digits); later non-zero digits only mark a tail.
        private const int ParseDigitsLength = 769;

        /// <summary>Parses a double or float (by its field widths), correctly rounded, including Infinity and NaN.</summary>
        internal static unsafe bool TryParseFloating(ReadOnlySpan<char> s, NumberStyles styles, NumberFormatInfo info, int fractionBits, int exponentBits, out ulong bits)
        {
            byte* digits = stackalloc byte[ParseDigitsLength];
            NumberBuffer number = new NumberBuffer(digits, ParseDigitsLength, true);
            ulong infinity = ((1UL << exponentBits) - 1) << fractionBits;
            ulong signBit = 1UL << (fractionBits + exponentBits);
            ulong nan = infinity | (1UL << (fractionBits - 1)) | signBit;
            if (TryParseNumber(s, styles, ref number, info, out bool tail))
            {
                bits = NumberToFloatingBits(ref number, tail, fractionBits, exponentBits);
                if (number.IsNegative) bits |= signBit;
                return true;
            }

            // Not a number: the infinity and NaN symbols, case-insensitively, optionally signed.
            int start = 0, end = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (start < end && IsWhite(s[start])) start++;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (end > start && IsWhite(s[end - 1])) end--;
            ReadOnlySpan<char> t = s.Slice(start, end - start);
            if (EqualsIgnoreCase(t, info.PositiveInfinitySymbol)) bits = infinity;
            else if (EqualsIgnoreCase(t, info.NegativeInfinitySymbol)) bits = infinity | signBit;
            else if (EqualsIgnoreCase(t, info.NaNSymbol)) bits = nan;
            else if (StartsWithIgnoreCase(t, info.PositiveSign))
            {
                t = t.Slice(info.PositiveSign.Length);
                if (EqualsIgnoreCase(t, info.PositiveInfinitySymbol)) bits = infinity;
                else if (EqualsIgnoreCase(t, info.NaNSymbol)) bits = nan;
                else { bits = 0; return false; }
            }
            else if (StartsWithIgnoreCase(t, info.NegativeSign) && EqualsIgnoreCase(t.Slice(info.NegativeSign.Length), info.NaNSymbol)) bits = nan;
            else { bits = 0; return false; }
            return true;
        }

        private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, string prefix) =>
            s.Length >= prefix.Length && EqualsIgnoreCase(s.Slice(0, prefix.Length), prefix);

        private static bool EqualsIgnoreCase(ReadOnlySpan<char> s, string text)
        {
            if (s.Length != text.Length) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char a = s[i], b = text[i];
                if (a == b) continue;
                if ((uint)((a | 0x20) - 'a') > 'z' - 'a' || (a | 0x20) != (b | 0x20)) return false;
            }
            return true;
        }

        private static ReadOnlySpan<double> ExactPowersOf10 => new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// The binary value nearest to the decimal digits (ties to even), as magnitude bits: exact big-integer
        /// arithmetic, with a fast path when the digits and the power of ten are both exact doubles.
        /// </summary>
        private static unsafe ulong NumberToFloatingBits(ref NumberBuffer number, bool nonZeroTail, int fractionBits, int exponentBits)
        {
            ulong infinity = ((1UL << exponentBits) - 1) << fractionBits;
            bool isDouble = fractionBits == 52;
            int count = number.DigitsCount;
            if (count == 0 || number.Scale < (isDouble ? -324 : -45)) return 0;
            if (number.Scale > (isDouble ? 309 : 39)) return infinity;

            int exp10 = number.Scale - count;
            if (!nonZeroTail && count <= 15 && exp10 <= 22 && exp10 >= -22)
            {
                ulong m = 0;
                for (int i = 0; i < count; i++) m = m * 10 + (uint)(number.Digits[i] - '0');
                if (isDouble)
                {
                    double d = m;
                    d = exp10 >= 0 ? d * ExactPowersOf10[exp10] : d / ExactPowersOf10[-exp10];
                    return Bits(d);
                }
                if (count <= 7 && exp10 <= 10 && exp10 >= -10)
                {
                    float f = m;
                    float p = (float)ExactPowersOf10[exp10 >= 0 ? exp10 : -exp10];
                    f = exp10 >= 0 ? f * p : f / p;
                    return Bits(f);
                }
            }

            BigInteger value = default;
            for (int i = 0; i < count; i += 9)
            {
                int chunk = count - i < 9 ? count - i : 9;
                uint part = 0;
                for (int j = 0; j < chunk; j++) part = part * 10 + (uint)(number.Digits[i + j] - '0');
                uint scale = 10;
                for (int j = 1; j < chunk; j++) scale *= 10;
                value.Multiply(scale);
                value.Add(part);
            }
            if (nonZeroTail)
            {
                // A digit 1 past the kept ones stands for the tail: strictly between, so rounding is decided the same.
                value.Multiply(10);
                value.Add(1);
                exp10--;
            }

            ulong q;
            int lsbExponent;
            bool sticky;
            if (exp10 >= 0)
            {
                value.MultiplyPow10(exp10);
                int bitLength = value.BitLength;
                int drop = bitLength > 64 ? bitLength - 64 : 0;
                sticky = drop > 0 && value.HasBitsBelow(drop);
                q = value.Bits64(drop);
                lsbExponent = drop;
            }
            else
            {
                BigInteger divisor = default;
                divisor.SetUInt64(1);
                divisor.MultiplyPow10(-exp10);
                // Scale so the quotient has 63 or 64 bits.
                int shift = 63 + divisor.BitLength - value.BitLength;
                if (shift > 0) value.ShiftLeft(shift);
                else divisor.ShiftLeft(-shift);
                q = value.DivRemUInt64(ref divisor);
                sticky = !value.IsZero;
                lsbExponent = -shift;
            }
            return RoundToBinary(q, lsbExponent, sticky, fractionBits, exponentBits);
        }

        /// <summary>
        /// Rounds (q + f) × 2^lsbExponent, 0 &lt;= f &lt; 1 (f &gt; 0 when <paramref name="sticky"/>), to the nearest
        /// binary value with ties to even; returns its magnitude bits (subnormals and infinity included).
        /// </summary>
        private static ulong RoundToBinary(ulong q, int lsbExponent, bool sticky, int fractionBits, int exponentBits)
        {
            if (q == 0) return 0;
            int bias = (1 << (exponentBits - 1)) - 1;
            int minLsb = 1 - bias - fractionBits;
            int exponent = BigInteger.Log2(q) + lsbExponent;
            int lsb = exponent - fractionBits > minLsb ? exponent - fractionBits : minLsb;
            int shift = lsb - lsbExponent;
            ulong mantissa;
            if (shift <= 0)
            {
                mantissa = q << -shift;
            }
            else if (shift > 64)
            {
                mantissa = 0;
            }
            else
            {
                mantissa = shift == 64 ? 0 : q >> shift;
                ulong rest = shift == 64 ? q : q & ((1UL << shift) - 1);
                ulong half = 1UL << (shift - 1);
                if (rest > half || (rest == half && (sticky || (mantissa & 1) != 0))) mantissa++;
            }
            ulong infinity = ((1UL << exponentBits) - 1) << fractionBits;
            ulong bits = ((ulong)(lsb - minLsb) << fractionBits) + mantissa;
            return bits >= infinity ? infinity : bits;
        }
    }
}
