using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// UTF-8 &lt;-&gt; UTF-16 for the console, files, argv and the environment, with .NET's replacement rules:
    /// each maximal invalid byte sequence decodes to one U+FFFD, and a lone surrogate encodes as U+FFFD (EF BF BD).
    /// </summary>
    internal static unsafe class Utf8
    {
        private const char Replacement = '\uFFFD';

        public static int CharCount(byte* p, int n)
        {
            int chars = 0;
            for (int i = 0; i < n;)
            {
                int len = Next(new ReadOnlySpan<byte>(p + i, n - i), true, out uint cp);
                chars += cp >= 0x10000 ? 2 : 1;
                i += len;
            }
            return chars;
        }

        public static void Decode(byte* p, int n, char* dst) => Decode(new ReadOnlySpan<byte>(p, n), new Span<char>(dst, n), true, out _);

        /// <summary>
        /// Decodes as much of <paramref name="bytes"/> as it can into <paramref name="chars"/> (which needs one char per
        /// byte) and returns the bytes used. Unless <paramref name="final"/>, an incomplete sequence at the end is left
        /// for the next call (a stream's next read).
        /// </summary>
        public static int Decode(ReadOnlySpan<byte> bytes, Span<char> chars, bool final, out int charsWritten)
        {
            int i = 0, o = 0;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80) { chars[o++] = (char)b; i++; continue; }
                int len = Next(bytes.Slice(i), final, out uint cp);
                if (len == 0) break;
                if (cp >= 0x10000)
                {
                    chars[o++] = (char)(0xD7C0 + (cp >> 10));
                    chars[o++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else chars[o++] = (char)cp;
                i += len;
            }
            charsWritten = o;
            return i;
        }

        /// <summary>
        /// Reads one code point; returns the bytes it took (U+FFFD for a maximal invalid subpart), or 0 when the input
        /// ends inside a sequence that may still complete and this is not the final block.
        /// </summary>
        private static int Next(ReadOnlySpan<byte> s, bool final, out uint cp)
        {
            byte b = s[0];
            cp = Replacement;
            if (b < 0x80) { cp = b; return 1; }
            int need;
            byte lo = 0x80, hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = (uint)(b & 0x1F); }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                need = 2; cp = (uint)(b & 0x0F);
                if (b == 0xE0) lo = 0xA0; else if (b == 0xED) hi = 0x9F;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                need = 3; cp = (uint)(b & 0x07);
                if (b == 0xF0) lo = 0x90; else if (b == 0xF4) hi = 0x8F;
            }
            else { cp = Replacement; return 1; }

            for (int k = 1; k <= need; k++)
            {
                if (k >= s.Length)
                {
                    if (!final) { cp = 0; return 0; }
                    cp = Replacement;
                    return k;
                }
                byte c = s[k];
                if (c < lo || c > hi) { cp = Replacement; return k; }
                lo = 0x80; hi = 0xBF;
                cp = (cp << 6) | (uint)(c & 0x3F);
            }
            return need + 1;
        }

        /// <summary>Bytes needed to encode <paramref name="s"/>: surrogate pairs take 4, lone surrogates 3 (U+FFFD).</summary>
        public static int ByteCount(ReadOnlySpan<char> s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { n += 4; i++; }
                else n += 3;
            }
            return n;
        }

        public static int Encode(ReadOnlySpan<char> s, byte* dst) => Encode(s, new Span<byte>(dst, 3 * s.Length));

        /// <summary>Encodes all of <paramref name="s"/>; <paramref name="dst"/> needs <see cref="ByteCount"/> bytes (3 per char always suffice).</summary>
        public static int Encode(ReadOnlySpan<char> s, Span<byte> dst)
        {
            int o = 0;
            for (int i = 0; i < s.Length; i++)
            {
                uint c = s[i];
                if (c < 0x80) { dst[o++] = (byte)c; continue; }
                if (c < 0x800)
                {
                    dst[o++] = (byte)(0xC0 | (c >> 6));
                    dst[o++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    if (c <= 0xDBFF && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        c = 0x10000 + ((c - 0xD800) << 10) + (uint)(s[++i] - 0xDC00);
                        dst[o++] = (byte)(0xF0 | (c >> 18));
                        dst[o++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                        dst[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                        dst[o++] = (byte)(0x80 | (c & 0x3F));
                        continue;
                    }
                    c = Replacement;
                }
                dst[o++] = (byte)(0xE0 | (c >> 12));
                dst[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                dst[o++] = (byte)(0x80 | (c & 0x3F));
            }
            return o;
        }
    }
}
