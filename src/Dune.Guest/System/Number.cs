namespace System
{
    /// <summary>Integer formatting: decimal, and hexadecimal for "x"/"X" formats with an optional width ("x8").</summary>
    internal static unsafe class Number
    {
        public static string Format(long value)
        {
            if (value >= 0) return Format((ulong)value);
            char* buf = stackalloc char[20];
            int n = Digits((ulong)(-(value + 1)) + 1, buf + 20);
            buf[19 - n] = '-';
            return string.FromSpan(new ReadOnlySpan<char>(buf + 19 - n, n + 1));
        }

        public static string Format(ulong value)
        {
            char* buf = stackalloc char[20];
            int n = Digits(value, buf + 20);
            return string.FromSpan(new ReadOnlySpan<char>(buf + 20 - n, n));
        }

        public static string Format(long value, string format) => IsHex(format) ? Hex((ulong)value, format, 64) : Format(value);
        public static string Format(ulong value, string format) => IsHex(format) ? Hex(value, format, 64) : Format(value);
        public static string Format(int value, string format) => IsHex(format) ? Hex((uint)value, format, 32) : Format(value);
        public static string Format(uint value, string format) => IsHex(format) ? Hex(value, format, 32) : Format(value);

        private static bool IsHex(string format) => format != null && format.Length > 0 && (format[0] == 'x' || format[0] == 'X');

        private static string Hex(ulong value, string format, int bits)
        {
            int width = 0;
            for (int i = 1; i < format.Length; i++) width = width * 10 + (format[i] - '0');
            if (bits == 32) value &= 0xFFFFFFFF;
            string digits = format[0] == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
            char* buf = stackalloc char[16];
            int n = 0;
            do { buf[15 - n++] = digits[(int)(value & 0xF)]; value >>= 4; } while (value != 0);
            if (width > 64) width = 64;
            int pad = width > n ? width - n : 0;
            string s = string.FastAllocate(pad + n);
            fixed (char* p = s)
            {
                for (int i = 0; i < pad; i++) p[i] = '0';
                for (int i = 0; i < n; i++) p[pad + i] = buf[16 - n + i];
            }
            return s;
        }

        private static int Digits(ulong value, char* end)
        {
            int n = 0;
            do { *--end = (char)('0' + (int)(value % 10)); value /= 10; n++; } while (value != 0);
            return n;
        }
    }
}
