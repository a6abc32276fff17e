using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Custom numeric format strings: '0' and '#' placeholders, '.', ',' (grouping, or scaling by 1000 before the
        /// point), '%' and '‰' (scale and symbol), E+0/E-0/e0 exponents, quoted and escaped literals, and up to three
        /// ';'-separated sections for positive, negative and zero values.
        /// </summary>
        internal static unsafe void NumberToStringFormat(ref FormatBuffer sb, ref NumberBuffer number, ReadOnlySpan<char> format, NumberFormatInfo info)
        {
            int digitCount, decimalPos, firstDigit, lastDigit, thousandPos, thousandCount = 0, scaleAdjust, src;
            bool scientific, thousandSeps;
            char ch;

            int section = FindSection(format, number.IsZero ? 2 : number.IsNegative ? 1 : 0);

            while (true)
            {
                digitCount = 0;
                decimalPos = -1;
                firstDigit = 0x7FFFFFFF;
                lastDigit = 0;
                scientific = false;
                thousandPos = -1;
                thousandSeps = false;
                scaleAdjust = 0;
                src = section;

                // First pass: measure the section (placeholders, decimal point, grouping, scaling, exponent).
                while (src < format.Length && (ch = format[src++]) != 0 && ch != ';')
                {
                    switch (ch)
                    {
                        case '#':
                            digitCount++;
                            break;
                        case '0':
                            if (firstDigit == 0x7FFFFFFF) firstDigit = digitCount;
                            digitCount++;
                            lastDigit = digitCount;
                            break;
                        case '.':
                            if (decimalPos < 0) decimalPos = digitCount;
                            break;
                        case ',':
                            if (digitCount > 0 && decimalPos < 0)
                            {
                                if (thousandPos >= 0)
                                {
                                    if (thousandPos == digitCount) { thousandCount++; break; }
                                    thousandSeps = true;
                                }
                                thousandPos = digitCount;
                                thousandCount = 1;
                            }
                            break;
                        case '%':
                            scaleAdjust += 2;
                            break;
                        case '\u2030':
                            scaleAdjust += 3;
                            break;
                        case '\'':
                        case '"':
                            while (src < format.Length && format[src] != 0 && format[src++] != ch) { }
                            break;
                        case '\\':
                            if (src < format.Length && format[src] != 0) src++;
                            break;
                        case 'E':
                        case 'e':
                            if ((src < format.Length && format[src] == '0') ||
                                (src + 1 < format.Length && (format[src] == '+' || format[src] == '-') && format[src + 1] == '0'))
                            {
                                while (++src < format.Length && format[src] == '0') { }
                                scientific = true;
                            }
                            break;
                    }
                }

                if (decimalPos < 0) decimalPos = digitCount;

                if (thousandPos >= 0)
                {
                    if (thousandPos == decimalPos) scaleAdjust -= thousandCount * 3;
                    else thousandSeps = true;
                }

                if (!number.IsZero)
                {
                    number.Scale += scaleAdjust;
                    int pos = scientific ? digitCount : number.Scale + digitCount - decimalPos;
                    RoundNumber(ref number, pos, false);
                    if (number.IsZero)
                    {
                        // Rounded to zero: use the zero section if there is a different one.
                        src = FindSection(format, 2);
                        if (src != section) { section = src; continue; }
                    }
                }
                else
                {
                    if (!number.IsFloatingPoint) number.IsNegative = false;
                    number.Scale = 0;
                }
                break;
            }

            firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
            lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
            int digPos, adjust;
            if (scientific)
            {
                digPos = decimalPos;
                adjust = 0;
            }
            else
            {
                digPos = number.Scale > decimalPos ? number.Scale : decimalPos;
                adjust = number.Scale - decimalPos;
            }
            src = section;

            // Separator positions (counted in digits from the decimal point), innermost last.
            int* sepPos = stackalloc int[64];
            int[] sepHeap = null;
            int sepCount = -1;
            if (thousandSeps)
            {
                int totalDigits = digPos + (adjust < 0 ? adjust : 0);
                int numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
                for (int total = 3; numDigits > total; total += 3)
                {
                    ++sepCount;
                    if (sepCount == 64 && sepHeap == null)
                    {
                        sepHeap = new int[numDigits / 3 + 1];
                        for (int i = 0; i < 64; i++) sepHeap[i] = sepPos[i];
                    }
                    if (sepHeap != null) sepHeap[sepCount] = total; else sepPos[sepCount] = total;
                }
            }

            if (number.IsNegative && section == 0 && number.Scale != 0) sb.Append(info.NegativeSign);

            bool decimalWritten = false;
            int cur = 0;
            int start = sb.Length;

            while (src < format.Length && (ch = format[src++]) != 0 && ch != ';')
            {
                if (adjust > 0 && (ch == '#' || ch == '0' || ch == '.'))
                {
                    // More integer digits than placeholders: they all go before the first placeholder.
                    while (adjust > 0)
                    {
                        sb.Append(cur < number.DigitsCount ? (char)number.Digits[cur++] : '0');
                        if (thousandSeps && digPos > 1 && sepCount >= 0 && digPos == SepAt(sepPos, sepHeap, sepCount) + 1)
                        {
                            sb.Append(info.NumberGroupSeparator);
                            sepCount--;
                        }
                        digPos--;
                        adjust--;
                    }
                }

                switch (ch)
                {
                    case '#':
                    case '0':
                    {
                        char d;
                        if (adjust < 0)
                        {
                            adjust++;
                            d = digPos <= firstDigit ? '0' : '\0';
                        }
                        else
                        {
                            d = cur < number.DigitsCount ? (char)number.Digits[cur++] : digPos > lastDigit ? '0' : '\0';
                        }
                        if (d != 0)
                        {
                            sb.Append(d);
                            if (thousandSeps && digPos > 1 && sepCount >= 0 && digPos == SepAt(sepPos, sepHeap, sepCount) + 1)
                            {
                                sb.Append(info.NumberGroupSeparator);
                                sepCount--;
                            }
                        }
                        digPos--;
                        break;
                    }
                    case '.':
                        if (digPos != 0 || decimalWritten) break;
                        if (lastDigit < 0 || (decimalPos < digitCount && cur < number.DigitsCount))
                        {
                            sb.Append(info.NumberDecimalSeparator);
                            decimalWritten = true;
                        }
                        break;
                    case '\u2030':
                        sb.Append(info.PerMilleSymbol);
                        break;
                    case '%':
                        sb.Append(info.PercentSymbol);
                        break;
                    case ',':
                        break;
                    case '\'':
                    case '"':
                        while (src < format.Length && format[src] != 0 && format[src] != ch) sb.Append(format[src++]);
                        if (src < format.Length && format[src] != 0) src++;
                        break;
                    case '\\':
                        if (src < format.Length && format[src] != 0) sb.Append(format[src++]);
                        break;
                    case 'E':
                    case 'e':
                    {
                        bool positiveSign = false;
                        int i = 0;
                        if (scientific)
                        {
                            if (src < format.Length && format[src] == '0') i++;
                            else if (src + 1 < format.Length && format[src] == '+' && format[src + 1] == '0') positiveSign = true;
                            else if (src + 1 < format.Length && format[src] == '-' && format[src + 1] == '0') { }
                            else { sb.Append(ch); break; }

                            while (++src < format.Length && format[src] == '0') i++;
                            if (i > 10) i = 10;
                            int exp = number.IsZero ? 0 : number.Scale - decimalPos;
                            FormatExponent(ref sb, info, exp, ch, i, positiveSign);
                            scientific = false;
                        }
                        else
                        {
                            sb.Append(ch);
                            if (src < format.Length)
                            {
                                if (format[src] == '+' || format[src] == '-') sb.Append(format[src++]);
                                while (src < format.Length && format[src] == '0') sb.Append(format[src++]);
                            }
                        }
                        break;
                    }
                    default:
                        sb.Append(ch);
                        break;
                }
            }

            if (number.IsNegative && section == 0 && number.Scale == 0 && sb.Length > start) sb.Insert(start, info.NegativeSign);
        }

        private static unsafe int SepAt(int* stack, int[] heap, int index) => heap != null ? heap[index] : stack[index];

        /// <summary>Start of section 1 (negative) or 2 (zero) of a custom format, or 0 when it has no such section.</summary>
        private static int FindSection(ReadOnlySpan<char> format, int section)
        {
            if (section == 0) return 0;
            int src = 0;
            while (true)
            {
                if (src >= format.Length) return 0;
                char ch = format[src++];
                switch (ch)
                {
                    case '\'':
                    case '"':
                        while (src < format.Length && format[src] != 0 && format[src++] != ch) { }
                        break;
                    case '\\':
                        if (src < format.Length && format[src] != 0) src++;
                        break;
                    case ';':
                        if (--section != 0) break;
                        if (src < format.Length && format[src] != 0 && format[src] != ';') return src;
                        return 0;
                    case '\0':
                        return 0;
                }
            }
        }
    }
}
