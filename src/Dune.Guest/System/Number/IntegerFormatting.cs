using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        /// <summary>Decimal text of a signed integer (the runtime's own messages use this).</summary>
        public static string Format(long value) => value >= 0 ? DecimalString((ulong)value, false) : DecimalString((ulong)-value, true);

        /// <summary>Decimal text of an unsigned integer.</summary>
        public static string Format(ulong value) => DecimalString(value, false);

        private static unsafe string DecimalString(ulong magnitude, bool negative)
        {
            int digits = CountDigits(magnitude);
            int length = digits + (negative ? 1 : 0);
            string s = string.FastAllocate(length);
            fixed (char* p = s)
            {
                char* end = p + length;
                do { *--end = (char)('0' + (int)(magnitude % 10)); magnitude /= 10; } while (magnitude != 0);
                if (negative) p[0] = '-';
            }
            return s;
        }

        /// <summary>
        /// Any integer type with a format string: <paramref name="bits"/> is the value sign-extended (signed types) or
        /// zero-extended to 64 bits; <paramref name="width"/> is the type's size in bits, for X and B (two's complement).
        /// </summary>
        internal static string FormatInteger(ulong bits, bool signed, int width, string format, IFormatProvider provider)
        {
            if (format == null || format.Length == 0)
                return signed && (long)bits < 0 ? DecimalString((ulong)-(long)bits, true) : DecimalString(bits, false);
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatInteger(ref sb, bits, signed, width, format, provider);
            return sb.ToString();
        }

        internal static bool TryFormatInteger(ulong bits, bool signed, int width, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatInteger(ref sb, bits, signed, width, format, provider);
            return sb.TryCopyTo(destination, out charsWritten);
        }

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
                ulong v = width == 64 ? bits : bits & ((1UL << width) - 1);
                int shift = upper == 'X' ? 4 : 1;
                int n = 1;
                while ((v >> (shift * n)) != 0 && shift * n < 64) n++;
                if (n < precision) n = precision;
                Span<char> span = sb.AppendSpan(n);
                string digits = fmt == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
                for (int i = n - 1; i >= 0; i--)
                {
                    span[i] = digits[(int)(v & (ulong)((1 << shift) - 1))];
                    v >>= shift;
                }
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
