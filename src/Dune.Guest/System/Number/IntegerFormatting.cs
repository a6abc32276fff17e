using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        /// <summary>Decimal text of a signed integer (the runtime's own messages use this).</summary>
        public static string Format(long value) => value >= 0 ? DecimalString((ulong)value, false) : DecimalString((ulong)-value, true);

        /// <summary>Decimal text of an unsigned integer.</summary>
        public static string Format(ulong value) => DecimalString(value, false);

        private static string DecimalString(ulong magnitude, bool negative)
        {
            int sign = negative ? 1 : 0;
            string s = string.FastAllocate(CountDigits(magnitude) + sign);
            Span<char> chars = new Span<char>(ref s.FirstChar, s.Length);
            if (negative) chars[0] = '-';
            WriteDigits(chars.Slice(sign), magnitude);
            return s;
        }

        /// <summary>
        /// Any integer type with a format string: <paramref name="bits"/> is the value sign-extended (signed types) or
        /// zero-extended to 64 bits; <paramref name="width"/> is the type's size in bits, for X and B (two's complement).
        /// </summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static string FormatInteger(ulong bits, bool signed, int width, string format, IFormatProvider provider)
        {
            if (format == null || format.Length == 0)
                return signed && (long)bits < 0 ? DecimalString((ulong)-(long)bits, true) : DecimalString(bits, false);
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatInteger(ref sb, bits, signed, width, format, provider);
            return sb.ToString();
        }

        /// <summary>Decimal and hexadecimal formats write straight into <paramref name="destination"/>; the others
        /// format into a buffer first.</summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static bool TryFormatInteger(ulong bits, bool signed, int width, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            char fmt = ParseFormatSpecifier(format, out int precision);
            char upper = (char)(fmt & 0xFFDF);
            if (upper == 'G' ? precision < 1 : upper == 'D')
            {
                bool negative = signed && (long)bits < 0;
                ulong magnitude = negative ? (ulong)-(long)bits : bits;
                string sign = negative ? NumberFormatInfo.GetInstance(provider).NegativeSign : "";
                int digits = CountDigits(magnitude);
                if (digits < precision) digits = precision;
                if (!TryWrite(destination, sign, digits, out charsWritten)) return false;
                WriteDigits(destination.Slice(sign.Length, digits), magnitude);
                return true;
            }
            if (upper == 'X')
            {
                ulong value = Truncate(bits, width);
                int digits = CountBitDigits(value, 4);
                if (digits < precision) digits = precision;
                if (!TryWrite(destination, "", digits, out charsWritten)) return false;
                WriteBitDigits(destination.Slice(0, digits), value, 4, fmt == 'x');
                return true;
            }
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatInteger(ref sb, bits, signed, width, format, provider);
            return sb.TryCopyTo(destination, out charsWritten);
        }

        /// <summary>Checks that <paramref name="sign"/> and <paramref name="digits"/> digits fit and writes the sign.</summary>
        private static bool TryWrite(Span<char> destination, string sign, int digits, out int charsWritten)
        {
            charsWritten = sign.Length + digits;
            if (charsWritten > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            for (int i = 0; i < sign.Length; i++) destination[i] = sign[i];
            return true;
        }

        private static ulong Truncate(ulong bits, int width) => width == 64 ? bits : bits & ((1UL << width) - 1);

        private static unsafe void FormatInteger(ref FormatBuffer sb, ulong bits, bool signed, int width, ReadOnlySpan<char> format, IFormatProvider provider)
        {
            bool negative = signed && (long)bits < 0;
            ulong magnitude = negative ? (ulong)-(long)bits : bits;
            char fmt = ParseFormatSpecifier(format, out int precision);
            char upper = (char)(fmt & 0xFFDF);

            if (upper == 'G' ? precision < 1 : upper == 'D')
            {
                if (negative) sb.Append(NumberFormatInfo.GetInstance(provider).NegativeSign);
                AppendDecimal(ref sb, magnitude, precision);
                return;
            }
            if (upper == 'X' || upper == 'B')
            {
                ulong value = Truncate(bits, width);
                int shift = upper == 'X' ? 4 : 1;
                int n = CountBitDigits(value, shift);
                if (n < precision) n = precision;
                WriteBitDigits(sb.AppendSpan(n), value, shift, fmt == 'x');
                return;
            }

            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            byte* digitsBuffer = stackalloc byte[24];
            NumberBuffer number = new NumberBuffer(digitsBuffer, 24, false);
            UInt64ToNumber(magnitude, ref number);
            number.IsNegative = negative;
            if (fmt != 0) NumberToString(ref sb, ref number, fmt, precision, info);
            else NumberToStringFormat(ref sb, ref number, format, info);
        }
    }
}
