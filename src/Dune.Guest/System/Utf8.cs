namespace System
{
    /// <summary>UTF-8 &lt;-&gt; UTF-16 for console output, argv and environment. Invalid bytes decode to U+FFFD.</summary>
    internal static unsafe class Utf8
    {
        public static int CharCount(byte* p, int n)
        {
            int chars = 0;
            for (int i = 0; i < n;)
            {
                int len = SequenceLength(p[i]);
                if (i + len > n) len = 1;
                chars += len == 4 ? 2 : 1;
                i += len;
            }
            return chars;
        }

        public static void Decode(byte* p, int n, char* dst)
        {
            for (int i = 0; i < n;)
            {
                byte b = p[i];
                int len = SequenceLength(b);
                if (i + len > n) len = 1;
                uint cp;
                switch (len)
                {
                    case 1: cp = b < 0x80 ? b : 0xFFFDu; break;
                    case 2: cp = ((uint)(b & 0x1F) << 6) | (uint)(p[i + 1] & 0x3F); break;
                    case 3: cp = ((uint)(b & 0x0F) << 12) | ((uint)(p[i + 1] & 0x3F) << 6) | (uint)(p[i + 2] & 0x3F); break;
                    default: cp = ((uint)(b & 0x07) << 18) | ((uint)(p[i + 1] & 0x3F) << 12) | ((uint)(p[i + 2] & 0x3F) << 6) | (uint)(p[i + 3] & 0x3F); break;
                }
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    *dst++ = (char)(0xD800 + (cp >> 10));
                    *dst++ = (char)(0xDC00 + (cp & 0x3FF));
                }
                else *dst++ = (char)cp;
                i += len;
            }
        }

        /// <summary>Bytes needed to encode <paramref name="s"/>; surrogate pairs take 4.</summary>
        public static int ByteCount(ReadOnlySpan<char> s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (IsHighSurrogate(c) && i + 1 < s.Length) { n += 4; i++; }
                else n += 3;
            }
            return n;
        }

        public static int Encode(ReadOnlySpan<char> s, byte* dst)
        {
            byte* start = dst;
            for (int i = 0; i < s.Length; i++)
            {
                uint c = s[i];
                if (IsHighSurrogate((char)c) && i + 1 < s.Length)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (uint)(s[++i] - 0xDC00);
                    *dst++ = (byte)(0xF0 | (c >> 18));
                    *dst++ = (byte)(0x80 | ((c >> 12) & 0x3F));
                    *dst++ = (byte)(0x80 | ((c >> 6) & 0x3F));
                    *dst++ = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x80) *dst++ = (byte)c;
                else if (c < 0x800)
                {
                    *dst++ = (byte)(0xC0 | (c >> 6));
                    *dst++ = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    *dst++ = (byte)(0xE0 | (c >> 12));
                    *dst++ = (byte)(0x80 | ((c >> 6) & 0x3F));
                    *dst++ = (byte)(0x80 | (c & 0x3F));
                }
            }
            return (int)(dst - start);
        }

        private static bool IsHighSurrogate(char c) => c >= 0xD800 && c <= 0xDBFF;

        private static int SequenceLength(byte b) => b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1;
    }
}
