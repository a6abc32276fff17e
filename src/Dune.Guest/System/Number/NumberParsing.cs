using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        internal enum ParseStatus { OK, Format, Overflow }

        private const NumberStyles InvalidNumberStyles = ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses | NumberStyles.AllowDecimalPoint
            | NumberStyles.AllowThousands | NumberStyles.AllowExponent | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowHexSpecifier
            | NumberStyles.AllowBinarySpecifier);

        internal static void ValidateIntegerStyle(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0)
                throw new ArgumentException("An undefined NumberStyles value is being used. (Parameter 'style')");
            if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0 &&
                (style & ~(NumberStyles.HexNumber | NumberStyles.AllowBinarySpecifier)) != 0)
                throw new ArgumentException("With the AllowHexSpecifier or AllowBinarySpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be AllowLeadingWhite and AllowTrailingWhite. (Parameter 'style')");
        }

        internal static void ValidateFloatStyle(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0)
                throw new ArgumentException("An undefined NumberStyles value is being used. (Parameter 'style')");
            if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
                throw new ArgumentException("The number styles AllowHexSpecifier and AllowBinarySpecifier are not supported on floating point data types. (Parameter 'style')");
        }

        internal static FormatException InputFormatException(ReadOnlySpan<char> value) =>
            new FormatException("The input string '" + string.FromSpan(value) + "' was not in a correct format.");

        internal static bool IsWhite(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        /// <summary>Whether the rest of the text (from <paramref name="pos"/>) is only NUL characters, which .NET ignores.</summary>
        private static bool OnlyTrailingNuls(ReadOnlySpan<char> s, int pos)
        {
            for (; pos < s.Length; pos++) if (s[pos] != '\0') return false;
            return true;
        }

        /// <summary>Length of <paramref name="text"/> if it starts <paramref name="s"/> at <paramref name="pos"/>, else 0.</summary>
        private static int Match(ReadOnlySpan<char> s, int pos, string text)
        {
            if (text.Length == 0 || pos + text.Length > s.Length) return 0;
            for (int i = 0; i < text.Length; i++) if (s[pos + i] != text[i]) return 0;
            return text.Length;
        }

        /// <summary>
        /// The general number grammar (NumberStyles with decimal point, thousands, exponent, currency, parentheses,
        /// trailing sign) into digits and a scale. Returns false when the text is not a number in this style.
        /// Significant digits beyond the buffer's capacity only mark a non-zero tail.
        /// </summary>
        internal static unsafe bool TryParseNumber(ReadOnlySpan<char> s, NumberStyles styles, ref NumberBuffer number, NumberFormatInfo info, out bool hasNonZeroTail)
        {
            const int StateSign = 1, StateParens = 2, StateDigits = 4, StateNonZero = 8, StateDecimal = 16, StateCurrency = 32;
            hasNonZeroTail = false;
            number.DigitsCount = 0;
            number.Scale = 0;
            number.IsNegative = false;

            string decSep, groupSep, currency = null;
            bool parsingCurrency = (styles & NumberStyles.AllowCurrencySymbol) != 0;
            if (parsingCurrency)
            {
                currency = info.CurrencySymbol;
                decSep = info.CurrencyDecimalSeparator;
                groupSep = info.CurrencyGroupSeparator;
            }
            else
            {
                decSep = info.NumberDecimalSeparator;
                groupSep = info.NumberGroupSeparator;
            }

            int state = 0, p = 0, m;
            char ch = p < s.Length ? s[p] : '\0';

            while (true)
            {
                // Whitespace is allowed before the sign, and after it only when a currency symbol follows.
                if (!IsWhite(ch) || (styles & NumberStyles.AllowLeadingWhite) == 0 || ((state & StateSign) != 0 && (state & StateCurrency) == 0))
                {
                    if ((styles & NumberStyles.AllowLeadingSign) != 0 && (state & StateSign) == 0 &&
                        ((m = Match(s, p, info.PositiveSign)) != 0 || ((m = Match(s, p, info.NegativeSign)) != 0 && (number.IsNegative = true))))
                    {
                        state |= StateSign;
                        p += m - 1;
                    }
                    else if (ch == '(' && (styles & NumberStyles.AllowParentheses) != 0 && (state & StateSign) == 0)
                    {
                        state |= StateSign | StateParens;
                        number.IsNegative = true;
                    }
                    else if (currency != null && (m = Match(s, p, currency)) != 0)
                    {
                        state |= StateCurrency;
                        currency = null;
                        p += m - 1;
                    }
                    else break;
                }
                ch = ++p < s.Length ? s[p] : '\0';
            }

            int digCount = 0, digEnd = 0, maxDigits = number.Capacity - 1, trailingZeros = 0;
            while (true)
            {
                if (IsDigit(ch))
                {
                    state |= StateDigits;
                    if (ch != '0' || (state & StateNonZero) != 0)
                    {
                        if (digCount < maxDigits)
                        {
                            number.Digits[digCount] = (byte)ch;
                            if (ch != '0' || number.IsFloatingPoint) digEnd = digCount + 1;
                            trailingZeros = ch == '0' ? trailingZeros + 1 : 0;
                        }
                        else if (ch != '0')
                        {
                            hasNonZeroTail = true;
                        }
                        if ((state & StateDecimal) == 0) number.Scale++;
                        digCount++;
                        state |= StateNonZero;
                    }
                    else if ((state & StateDecimal) != 0)
                    {
                        number.Scale--;
                    }
                }
                else if ((styles & NumberStyles.AllowDecimalPoint) != 0 && (state & StateDecimal) == 0 &&
                         ((m = Match(s, p, decSep)) != 0 || (parsingCurrency && (state & StateCurrency) == 0 && (m = Match(s, p, info.NumberDecimalSeparator)) != 0)))
                {
                    state |= StateDecimal;
                    p += m - 1;
                }
                else if ((styles & NumberStyles.AllowThousands) != 0 && (state & StateDigits) != 0 && (state & StateDecimal) == 0 &&
                         ((m = Match(s, p, groupSep)) != 0 || (parsingCurrency && (state & StateCurrency) == 0 && (m = Match(s, p, info.NumberGroupSeparator)) != 0)))
                {
                    p += m - 1;
                }
                else break;
                ch = ++p < s.Length ? s[p] : '\0';
            }

            number.DigitsCount = digEnd;
            if ((state & StateDigits) == 0) return false;

            if ((ch == 'E' || ch == 'e') && (styles & NumberStyles.AllowExponent) != 0)
            {
                int saved = p;
                bool negExp = false;
                ch = ++p < s.Length ? s[p] : '\0';
                if ((m = Match(s, p, info.PositiveSign)) != 0) { p += m; ch = p < s.Length ? s[p] : '\0'; }
                else if ((m = Match(s, p, info.NegativeSign)) != 0) { p += m; ch = p < s.Length ? s[p] : '\0'; negExp = true; }
                if (IsDigit(ch))
                {
                    int exp = 0;
                    do
                    {
                        if (exp < 100000000) exp = exp * 10 + (ch - '0');
                        ch = ++p < s.Length ? s[p] : '\0';
                    } while (IsDigit(ch));
                    number.Scale += negExp ? -exp : exp;
                }
                else
                {
                    p = saved;
                    ch = p < s.Length ? s[p] : '\0';
                }
            }

            if (number.IsFloatingPoint && !hasNonZeroTail)
            {
                // Zeros at the end of the fraction carry no value.
                int fractional = digEnd - number.Scale;
                if (fractional > 0) number.DigitsCount = digEnd - (trailingZeros < fractional ? trailingZeros : fractional);
            }

            while (true)
            {
                if (!IsWhite(ch) || (styles & NumberStyles.AllowTrailingWhite) == 0)
                {
                    if ((styles & NumberStyles.AllowTrailingSign) != 0 && (state & StateSign) == 0 &&
                        ((m = Match(s, p, info.PositiveSign)) != 0 || ((m = Match(s, p, info.NegativeSign)) != 0 && (number.IsNegative = true))))
                    {
                        state |= StateSign;
                        p += m - 1;
                    }
                    else if (ch == ')' && (state & StateParens) != 0)
                    {
                        state &= ~StateParens;
                    }
                    else if (currency != null && (m = Match(s, p, currency)) != 0)
                    {
                        currency = null;
                        p += m - 1;
                    }
                    else break;
                }
                ch = ++p < s.Length ? s[p] : '\0';
            }

            if ((state & StateParens) != 0) return false;
            if ((state & StateNonZero) == 0)
            {
                number.Scale = 0;
                if (!number.IsFloatingPoint && (state & StateDecimal) == 0) number.IsNegative = false;
            }
            return OnlyTrailingNuls(s, p);
        }
    }
}
