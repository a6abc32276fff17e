using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        internal const string BadFormatSpecifier = "Format specifier was invalid.";

        /// <summary>
        /// Splits a standard format string ("F2", "x8", "G") into its letter and precision (-1 when absent).
        /// Returns '\0' for a custom format string and 'G' for an empty one.
        /// </summary>
        internal static char ParseFormatSpecifier(ReadOnlySpan<char> format, out int precision)
        {
            precision = -1;
            if (format.Length == 0) return 'G';
            char c = format[0];
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
            {
                int n = 0, i = 1;
                while (i < format.Length && (uint)(format[i] - '0') <= 9)
                {
                    n = n * 10 + (format[i++] - '0');
                    if (n > 999999999) throw new FormatException(BadFormatSpecifier);
                }
                if (i == format.Length || format[i] == '\0')
                {
                    if (i > 1) precision = n;
                    return c;
                }
            }
            return c == '\0' ? 'G' : '\0';
        }

        /// <summary>Formats digits with a standard format letter (C, E, F, G, N, P, R) and precision.</summary>
        internal static void NumberToString(ref FormatBuffer sb, ref NumberBuffer number, char format, int precision, NumberFormatInfo info)
        {
            bool exact = number.IsFloatingPoint;
            switch (format)
            {
                case 'C':
                case 'c':
                    if (precision < 0) precision = info.CurrencyDecimalDigits;
                    RoundNumber(ref number, number.Scale + precision, exact);
                    FormatWithPattern(ref sb, ref number, precision, info, number.IsNegative ? NegativeCurrencyPattern : "$#", info.CurrencyDecimalSeparator);
                    break;
                case 'F':
                case 'f':
                    if (precision < 0) precision = info.NumberDecimalDigits;
                    RoundNumber(ref number, number.Scale + precision, exact);
                    if (number.IsNegative) sb.Append(info.NegativeSign);
                    FormatFixed(ref sb, ref number, precision, false, info.NumberDecimalSeparator);
                    break;
                case 'N':
                case 'n':
                    if (precision < 0) precision = info.NumberDecimalDigits;
                    RoundNumber(ref number, number.Scale + precision, exact);
                    FormatWithPattern(ref sb, ref number, precision, info, number.IsNegative ? "-#" : "#", info.NumberDecimalSeparator);
                    break;
                case 'E':
                case 'e':
                    if (precision < 0) precision = 6;
                    precision++;
                    RoundNumber(ref number, precision, exact);
                    if (number.IsNegative) sb.Append(info.NegativeSign);
                    FormatScientific(ref sb, ref number, precision, info, format);
                    break;
                case 'R':
                case 'r':
                    goto case 'G';
                case 'G':
                case 'g':
                {
                    // A decimal without precision prints every digit of its coefficient, never in exponent form.
                    bool allDigits = number.IsDecimal && precision == -1;
                    if (!allDigits)
                    {
                        if (precision < 1) precision = number.DigitsCount;
                        RoundNumber(ref number, precision, exact);
                    }
                    if (number.IsNegative && !(allDigits && number.IsZero)) sb.Append(info.NegativeSign);
                    FormatGeneral(ref sb, ref number, precision, info, (format & 0x20) != 0 ? 'e' : 'E', allDigits);
                    break;
                }
                case 'P':
                case 'p':
                    if (precision < 0) precision = info.PercentDecimalDigits;
                    number.Scale += 2;
                    RoundNumber(ref number, number.Scale + precision, exact);
                    FormatWithPattern(ref sb, ref number, precision, info, number.IsNegative ? "-# %" : "# %", info.PercentDecimalSeparator);
                    break;
                default:
                    throw new FormatException(BadFormatSpecifier);
            }
        }

        // Invariant patterns: currency negative pattern 0 "($n)", number negative pattern 1 "-n", percent 0 "n %" / "-n %".
        private const string NegativeCurrencyPattern = "($#)";

        /// <summary>Writes a pattern: '#' the grouped number, '-' the negative sign, '$' the currency symbol, '%' the percent symbol.</summary>
        private static void FormatWithPattern(ref FormatBuffer sb, ref NumberBuffer number, int precision, NumberFormatInfo info, string pattern, string decimalSeparator)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                switch (ch)
                {
                    case '#': FormatFixed(ref sb, ref number, precision, true, decimalSeparator); break;
                    case '-': sb.Append(info.NegativeSign); break;
                    case '$': sb.Append(info.CurrencySymbol); break;
                    case '%': sb.Append(info.PercentSymbol); break;
                    default: sb.Append(ch); break;
                }
            }
        }

        /// <summary>Integer part (grouped by three with ',' when <paramref name="grouped"/>), then precision fraction digits.</summary>
        private static unsafe void FormatFixed(ref FormatBuffer sb, ref NumberBuffer number, int precision, bool grouped, string decimalSeparator)
        {
            int digPos = number.Scale;
            int index = 0;
            if (digPos > 0)
            {
                if (grouped)
                {
                    int separators = (digPos - 1) / 3;
                    Span<char> span = sb.AppendSpan(digPos + separators);
                    int p = span.Length - 1;
                    for (int i = digPos - 1, inGroup = 0; i >= 0; i--)
                    {
                        span[p--] = i < number.DigitsCount ? (char)number.Digits[i] : '0';
                        if (++inGroup == 3 && i != 0) { span[p--] = ','; inGroup = 0; }
                    }
                    index = digPos < number.DigitsCount ? digPos : number.DigitsCount;
                }
                else
                {
                    do { sb.Append(index < number.DigitsCount ? (char)number.Digits[index++] : '0'); } while (--digPos > 0);
                }
            }
            else
            {
                sb.Append('0');
            }

            if (precision > 0)
            {
                sb.Append(decimalSeparator);
                if (digPos < 0)
                {
                    int zeros = -digPos < precision ? -digPos : precision;
                    sb.Append('0', zeros);
                    precision -= zeros;
                }
                while (precision-- > 0) sb.Append(index < number.DigitsCount ? (char)number.Digits[index++] : '0');
            }
        }

        private static unsafe void FormatScientific(ref FormatBuffer sb, ref NumberBuffer number, int digits, NumberFormatInfo info, char expChar)
        {
            int index = 0;
            sb.Append(number.DigitsCount > 0 ? (char)number.Digits[index++] : '0');
            if (digits != 1) sb.Append(info.NumberDecimalSeparator);
            while (--digits > 0) sb.Append(index < number.DigitsCount ? (char)number.Digits[index++] : '0');
            FormatExponent(ref sb, info, number.DigitsCount == 0 ? 0 : number.Scale - 1, expChar, 3, true);
        }

        private static void FormatExponent(ref FormatBuffer sb, NumberFormatInfo info, int value, char expChar, int minDigits, bool positiveSign)
        {
            sb.Append(expChar);
            if (value < 0) { sb.Append(info.NegativeSign); value = -value; }
            else if (positiveSign) sb.Append(info.PositiveSign);
            AppendDecimal(ref sb, (uint)value, minDigits);
        }

        /// <summary>Fixed notation unless the exponent is above the precision or below -4 (then d.dddE+xx) and not <paramref name="fixedOnly"/>.</summary>
        private static unsafe void FormatGeneral(ref FormatBuffer sb, ref NumberBuffer number, int precision, NumberFormatInfo info, char expChar, bool fixedOnly)
        {
            int digPos = number.Scale;
            bool scientific = false;
            if (!fixedOnly && (digPos > precision || digPos < -3)) { digPos = 1; scientific = true; }

            int index = 0;
            if (digPos > 0)
            {
                do { sb.Append(index < number.DigitsCount ? (char)number.Digits[index++] : '0'); } while (--digPos > 0);
            }
            else
            {
                sb.Append('0');
            }

            if (index < number.DigitsCount || digPos < 0)
            {
                sb.Append(info.NumberDecimalSeparator);
                while (digPos < 0) { sb.Append('0'); digPos++; }
                while (index < number.DigitsCount) sb.Append((char)number.Digits[index++]);
            }

            if (scientific) FormatExponent(ref sb, info, number.Scale - 1, expChar, 2, true);
        }
    }
}
