using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        // Enough for the exact expansion of any double (767 significant digits) plus a rounding digit.
        private const int DoubleDigitsLength = 769;
        private const int SingleDigitsLength = 114;

        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static string FormatDouble(double value, string format, IFormatProvider provider)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            return FormatFloating(ref sb, Bits(value), 52, 11, format, NumberFormatInfo.GetInstance(provider)) ?? sb.ToString();
        }

        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static string FormatSingle(float value, string format, IFormatProvider provider)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            return FormatFloating(ref sb, Bits(value), 23, 8, format, NumberFormatInfo.GetInstance(provider)) ?? sb.ToString();
        }

        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static bool TryFormatDouble(double value, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            string s = FormatFloating(ref sb, Bits(value), 52, 11, format, NumberFormatInfo.GetInstance(provider));
            return s != null ? CopyTo(s, destination, out charsWritten) : sb.TryCopyTo(destination, out charsWritten);
        }

        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static bool TryFormatSingle(float value, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            string s = FormatFloating(ref sb, Bits(value), 23, 8, format, NumberFormatInfo.GetInstance(provider));
            return s != null ? CopyTo(s, destination, out charsWritten) : sb.TryCopyTo(destination, out charsWritten);
        }

        internal static unsafe ulong Bits(double value) => *(ulong*)&value;
        internal static unsafe ulong Bits(float value) => *(uint*)&value;

        private static bool CopyTo(string s, Span<char> destination, out int charsWritten)
        {
            if (s.Length > destination.Length) { charsWritten = 0; return false; }
            ((ReadOnlySpan<char>)s).CopyTo(destination);
            charsWritten = s.Length;
            return true;
        }

        /// <summary>
        /// Formats an IEEE binary value given by its bits and field widths (double: 52/11, float: 23/8). Returns the
        /// symbol string for NaN and infinities, otherwise null with the text in <paramref name="sb"/>.
        /// </summary>
        private static unsafe string FormatFloating(ref FormatBuffer sb, ulong bits, int fractionBits, int exponentBits, ReadOnlySpan<char> format, NumberFormatInfo info)
        {
            bool isDouble = fractionBits == 52;
            int exponentMask = (1 << exponentBits) - 1;
            int biased = (int)(bits >> fractionBits) & exponentMask;
            ulong fraction = bits & ((1UL << fractionBits) - 1);
            bool negative = (bits >> (fractionBits + exponentBits)) != 0;

            if (biased == exponentMask)
                return fraction != 0 ? info.NaNSymbol : negative ? info.NegativeInfinitySymbol : info.PositiveInfinitySymbol;

            char fmt = ParseFormatSpecifier(format, out int precision);
            int maxDigits = precision;
            bool significant = true;
            switch (fmt)
            {
                case '\0':
                    // Custom formats see 15 (double) or 7 (float) significant digits, as on .NET.
                    precision = isDouble ? 15 : 7;
                    break;
                case 'C': case 'c':
                    if (precision == -1) precision = info.CurrencyDecimalDigits;
                    significant = false;
                    break;
                case 'E': case 'e':
                    if (precision == -1) precision = 6;
                    precision++;
                    break;
                case 'F': case 'f': case 'N': case 'n':
                    if (precision == -1) precision = info.NumberDecimalDigits;
                    significant = false;
                    break;
                case 'G': case 'g':
                    if (precision == 0) precision = -1;
                    break;
                case 'P': case 'p':
                    if (precision == -1) precision = info.PercentDecimalDigits;
                    precision += 2;
                    significant = false;
                    break;
                case 'R': case 'r':
                    precision = -1;
                    break;
                default:
                    throw new FormatException(BadFormatSpecifier);
            }

            int capacity = isDouble ? DoubleDigitsLength : SingleDigitsLength;
            byte* digits = stackalloc byte[DoubleDigitsLength];
            NumberBuffer number = new NumberBuffer(digits, capacity, true);
            number.IsNegative = negative;

            if (biased != 0 || fraction != 0)
            {
                ulong mantissa;
                int exponent;
                bool unequalMargins;
                if (biased != 0)
                {
                    mantissa = fraction | (1UL << fractionBits);
                    exponent = biased - ((1 << (exponentBits - 1)) - 1) - fractionBits;
                    unequalMargins = fraction == 0;
                }
                else
                {
                    mantissa = fraction;
                    exponent = 2 - (1 << (exponentBits - 1)) - fractionBits;
                    unequalMargins = false;
                }
                // Grisu3 settles the shortest digits quickly for almost every value; Dragon4 is exact for the rest
                // and for fixed precision.
                bool lowerBoundaryCloser = fraction == 0 && biased > 1;
                if (precision == -1 && Grisu3Shortest(mantissa, exponent, lowerBoundaryCloser, digits, out int length, out int scale))
                {
                    number.DigitsCount = length;
                    number.Scale = scale;
                }
                else
                {
                    number.DigitsCount = Dragon4(mantissa, exponent, unequalMargins, precision, significant, digits, capacity, out number.Scale);
                }
            }

            if (fmt != 0)
            {
                if (precision == -1)
                {
                    // Shortest round-trip: fixed notation up to 17 (double) / 9 (float) integer digits.
                    int roundTrip = isDouble ? 17 : 9;
                    maxDigits = number.DigitsCount > roundTrip ? number.DigitsCount : roundTrip;
                }
                NumberToString(ref sb, ref number, fmt, maxDigits, info);
            }
            else
            {
                NumberToStringFormat(ref sb, ref number, format, info);
            }
            return null;
        }
    }
}
