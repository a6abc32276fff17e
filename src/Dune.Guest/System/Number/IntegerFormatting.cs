using System.Globalization;
using System.Runtime.CompilerServices;

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
            int digits = CountDigits(magnitude);
            string s = string.FastAllocate(digits + sign);
            if (negative) s.FirstChar = '-';
            WriteDigits(ref Unsafe.Add(ref s.FirstChar, sign), digits, magnitude);
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

        /// <summary>Decimal and hexadecimal formats write straight into <paramref name="destination"/> (no format
        /// string and no sign, the most common case, without parsing one); the others format into a buffer first.</summary>
        internal static bool TryFormatInteger(ulong bits, bool signed, int width, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            bool negative = signed && (long)bits < 0;
            if (format.Length == 0 && !negative) return TryWriteDigits(bits, 0, destination, out charsWritten);
            char fmt = ParseFormatSpecifier(format, out int precision);
            char upper = (char)(fmt & 0xFFDF);
            if (upper == 'G' ? precision < 1 : upper == 'D')
                return negative ? TryWriteNegative((ulong)-(long)bits, precision, provider, destination, out charsWritten)
                    : TryWriteDigits(bits, precision, destination, out charsWritten);
            if (upper == 'X')
            {
                ulong value = Truncate(bits, width);
                int digits = CountBitDigits(value, 4);
                if (digits < precision) digits = precision;
                charsWritten = 0;
                if (digits > destination.Length) return false;
                WriteBitDigits(ref destination.GetPinnableReference(), digits, value, 4, fmt == 'x');
                charsWritten = digits;
                return true;
            }
            return TryFormatIntegerBuffered(bits, signed, width, format, provider, destination, out charsWritten);
        }

        /// <summary>The digits of <paramref name="value"/>, zero-padded to <paramref name="minDigits"/>, if they fit.</summary>
        private static bool TryWriteDigits(ulong value, int minDigits, Span<char> destination, out int charsWritten)
        {
            int digits = CountDigits(value);
            if (digits < minDigits) digits = minDigits;
            charsWritten = 0;
            if (digits > destination.Length) return false;
            WriteDigits(ref destination.GetPinnableReference(), digits, value);
            charsWritten = digits;
            return true;
        }

        private static bool TryWriteNegative(ulong magnitude, int minDigits, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            string sign = NumberFormatInfo.GetInstance(provider).NegativeSign;
            charsWritten = 0;
            if (sign.Length > destination.Length || !TryWriteDigits(magnitude, minDigits, destination.Slice(sign.Length), out int digits)) return false;
            for (int i = 0; i < sign.Length; i++) destination[i] = sign[i];
            charsWritten = sign.Length + digits;
            return true;
        }

        /// <summary>The other formats, through a buffer: kept apart so the common paths above have no stack buffer to set up.</summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        private static bool TryFormatIntegerBuffered(ulong bits, bool signed, int width, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatInteger(ref sb, bits, signed, width, format, provider);
            return sb.TryCopyTo(destination, out charsWritten);
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
                WriteBitDigits(ref sb.AppendSpan(n).GetPinnableReference(), n, value, shift, fmt == 'x');
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
