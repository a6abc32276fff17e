using System.Globalization;

namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Formats a decimal given its coefficient's digits (most significant first; leading zeros are ignored),
        /// the number of those digits after the decimal point and the sign: standard formats (G keeps the
        /// coefficient's trailing zeros) and custom formats with all digits.
        /// </summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static string FormatDecimal(ReadOnlySpan<char> digits, int fractionDigits, bool negative, string format, IFormatProvider provider)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatDecimal(ref sb, digits, fractionDigits, negative, format, provider);
            return sb.ToString();
        }

        [System.Runtime.CompilerServices.SkipLocalsInit]
        internal static bool TryFormatDecimal(ReadOnlySpan<char> digits, int fractionDigits, bool negative, ReadOnlySpan<char> format, IFormatProvider provider, Span<char> destination, out int charsWritten)
        {
            FormatBuffer sb = new FormatBuffer(stackalloc char[64]);
            FormatDecimal(ref sb, digits, fractionDigits, negative, format, provider);
            return sb.TryCopyTo(destination, out charsWritten);
        }

        private static unsafe void FormatDecimal(ref FormatBuffer sb, ReadOnlySpan<char> digits, int fractionDigits, bool negative, ReadOnlySpan<char> format, IFormatProvider provider)
        {
            byte* buffer = stackalloc byte[32];
            NumberBuffer number = new NumberBuffer(buffer, 32, false);
            number.IsDecimal = true;
            int start = 0;
            while (start < digits.Length && digits[start] == '0') start++;
            int count = digits.Length - start;
            for (int i = 0; i < count; i++) buffer[i] = (byte)digits[start + i];
            number.DigitsCount = count;
            number.Scale = count - fractionDigits;
            number.IsNegative = negative;
            char fmt = ParseFormatSpecifier(format, out int precision);
            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            if (fmt != 0) NumberToString(ref sb, ref number, fmt, precision, info);
            else NumberToStringFormat(ref sb, ref number, format, info);
        }
    }
}
