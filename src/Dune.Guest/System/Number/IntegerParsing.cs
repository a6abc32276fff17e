using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Parses an integer of <paramref name="width"/> bits. The result is the value's two's-complement bits
        /// (sign-extended for signed types). Format errors take precedence over overflow, as on .NET.
        /// </summary>
        internal static unsafe ParseStatus TryParseInteger(ReadOnlySpan<char> s, NumberStyles styles, NumberFormatInfo info, bool signed, int width, out ulong result)
        {
            result = 0;
            if ((styles & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
                return TryParseBinaryDigits(s, styles, width, (styles & NumberStyles.AllowHexSpecifier) != 0 ? 4 : 1, out result);

            const NumberStyles Simple = NumberStyles.Integer;
            if ((styles & ~Simple) != 0) return TryParseIntegerNumber(s, styles, info, signed, width, out result);

            int p = 0;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (p < s.Length && IsWhite(s[p])) p++;
            bool negative = false;
            if ((styles & NumberStyles.AllowLeadingSign) != 0 && p < s.Length)
            {
                int m;
                if ((m = Match(s, p, info.PositiveSign)) != 0) p += m;
                else if ((m = Match(s, p, info.NegativeSign)) != 0) { p += m; negative = true; }
            }
            if (p == s.Length || !IsDigit(s[p])) return ParseStatus.Format;

            ulong magnitude = 0;
            bool overflow = false;
            while (p < s.Length && IsDigit(s[p]))
            {
                uint d = (uint)(s[p++] - '0');
                if (magnitude > (ulong.MaxValue - d) / 10) overflow = true;
                else magnitude = magnitude * 10 + d;
            }
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (p < s.Length && IsWhite(s[p])) p++;
            if (!OnlyTrailingNuls(s, p)) return ParseStatus.Format;
            if (overflow) return ParseStatus.Overflow;
            return ToInteger(magnitude, negative, signed, width, out result);
        }

        /// <summary>Range check of a magnitude and sign for the integer type; produces the value's bits.</summary>
        private static ParseStatus ToInteger(ulong magnitude, bool negative, bool signed, int width, out ulong result)
        {
            result = 0;
            if (signed)
            {
                ulong limit = 1UL << (width - 1);
                if (negative ? magnitude > limit : magnitude >= limit) return ParseStatus.Overflow;
                result = negative ? (ulong)-(long)magnitude : magnitude;
            }
            else
            {
                if (negative ? magnitude != 0 : width < 64 && magnitude >= 1UL << width) return ParseStatus.Overflow;
                result = magnitude;
            }
            return ParseStatus.OK;
        }

        /// <summary>Hex (4 bits per digit) or binary digits, no sign; the bits are the value (FFFFFFFF is -1 for int).</summary>
        private static ParseStatus TryParseBinaryDigits(ReadOnlySpan<char> s, NumberStyles styles, int width, int bitsPerDigit, out ulong result)
        {
            result = 0;
            int p = 0;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (p < s.Length && IsWhite(s[p])) p++;
            int start = p;
            ulong value = 0;
            bool overflow = false;
            while (p < s.Length)
            {
                int d = DigitValue(s[p], bitsPerDigit);
                if (d < 0) break;
                p++;
                if ((value >> (64 - bitsPerDigit)) != 0) overflow = true;
                else value = (value << bitsPerDigit) | (uint)d;
            }
            if (p == start) return ParseStatus.Format;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (p < s.Length && IsWhite(s[p])) p++;
            if (!OnlyTrailingNuls(s, p)) return ParseStatus.Format;
            if (overflow || (width < 64 && (value >> width) != 0)) return ParseStatus.Overflow;
            // Sign-extend so signed types read the top bit as the sign.
            result = width < 64 && (value >> (width - 1)) != 0 ? value | ~((1UL << width) - 1) : value;
            return ParseStatus.OK;
        }

        private static int DigitValue(char c, int bitsPerDigit)
        {
            if (bitsPerDigit == 1) return c == '0' ? 0 : c == '1' ? 1 : -1;
            if ((uint)(c - '0') <= 9) return c - '0';
            if ((uint)((c | 0x20) - 'a') <= 5) return (c | 0x20) - 'a' + 10;
            return -1;
        }

        /// <summary>Integers in the general grammar (decimal point, thousands, exponent...): fractions must be zero.</summary>
        private static unsafe ParseStatus TryParseIntegerNumber(ReadOnlySpan<char> s, NumberStyles styles, NumberFormatInfo info, bool signed, int width, out ulong result)
        {
            result = 0;
            byte* digits = stackalloc byte[21];
            NumberBuffer number = new NumberBuffer(digits, 21, false);
            if (!TryParseNumber(s, styles, ref number, info, out _)) return ParseStatus.Format;
            if (number.Scale > 20 || number.Scale < number.DigitsCount) return ParseStatus.Overflow;
            ulong magnitude = 0;
            for (int i = 0; i < number.Scale; i++)
            {
                uint d = i < number.DigitsCount ? (uint)(number.Digits[i] - '0') : 0;
                if (magnitude > (ulong.MaxValue - d) / 10) return ParseStatus.Overflow;
                magnitude = magnitude * 10 + d;
            }
            return ToInteger(magnitude, number.IsNegative, signed, width, out result);
        }

        internal static void ThrowParseError(ParseStatus status, ReadOnlySpan<char> s, string typeDescription)
        {
            if (status == ParseStatus.Overflow) throw new OverflowException("Value was either too large or too small for " + typeDescription + ".");
            throw InputFormatException(s);
        }
    }
}
