namespace System
{
    /// <summary>
    /// Parsing of decimal text (formatting is in System/Formatting/Decimal.Formatting.cs): TryParse reads
    /// NumberStyles.Number (white space, a leading or trailing sign, ',' group separators, '.'). Format strings are
    /// the numeric formatter's, which reads the digits through <see cref="GetDigits"/>.
    /// </summary>
    public readonly partial struct Decimal
    {
        public static decimal Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (TryParseCore(s, out decimal result, out bool overflow)) return result;
            if (overflow) throw new OverflowException("Value was either too large or too small for a Decimal.");
            throw Number.InputFormatException(s);
        }

        public static bool TryParse(string s, out decimal result)
        {
            if (s != null && TryParseCore(s, out result, out _)) return true;
            result = default;
            return false;
        }

        private static bool TryParseCore(string s, out decimal result, out bool overflow)
        {
            result = default;
            overflow = false;
            int i = 0, end = s.Length;
            while (i < end && IsNumberWhite(s[i])) i++;
            while (end > i && IsNumberWhite(s[end - 1])) end--;
            bool negative = false;
            if (i < end && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
            else if (end > i && (s[end - 1] == '-' || s[end - 1] == '+'))
            {
                negative = s[--end] == '-';
                while (end > i && IsNumberWhite(s[end - 1])) end--;
            }
            WideInteger mantissa = default;
            int digits = 0, scale = 0;
            bool sawDigit = false, sawPoint = false, dropped = false;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    sawDigit = true;
                    // Beyond 60 significant digits only whether anything non-zero follows matters.
                    if (digits < 60)
                    {
                        if (digits > 0 || c != '0') digits++;
                        mantissa.MultiplyAdd(10, (uint)(c - '0'));
                        if (sawPoint) scale++;
                    }
                    else
                    {
                        dropped |= c != '0';
                        if (!sawPoint) scale--;
                    }
                }
                else if (c == '.' && !sawPoint) sawPoint = true;
                else if (c == ',' && !sawPoint && sawDigit) continue;
                else return false;
            }
            if (!sawDigit) return false;
            // Integer digits dropped beyond 60 make the value far too large.
            if (scale < 0) { overflow = true; return false; }
            int drop = scale > MaxScale ? scale - MaxScale : 0;
            while (true)
            {
                WideInteger rounded = mantissa;
                DecimalArithmetic.RoundOff(ref rounded, drop, dropped, MidpointRounding.ToEven, negative);
                if (!rounded.Exceeds96Bits)
                {
                    if (drop > scale) { overflow = true; return false; }
                    result = new decimal(negative, scale - drop, rounded[2], rounded[0] | ((ulong)rounded[1] << 32));
                    return true;
                }
                drop++;
            }
        }


        /// <summary>The white space NumberStyles allows around a number: space and tab to carriage return only.</summary>
        private static bool IsNumberWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');
    }
}
