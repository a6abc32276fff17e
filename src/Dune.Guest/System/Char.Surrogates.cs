using System.Text;

namespace System
{
    public partial struct Char
    {
        public const char MinValue = '\0';
        public const char MaxValue = '\uFFFF';

        public static bool IsHighSurrogate(char c) => (uint)(c - 0xD800) <= 0x3FF;
        public static bool IsLowSurrogate(char c) => (uint)(c - 0xDC00) <= 0x3FF;
        public static bool IsSurrogate(char c) => (uint)(c - 0xD800) <= 0x7FF;
        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) => IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        public static bool IsHighSurrogate(string s, int index) { CheckIndex(s, index); return IsHighSurrogate(s[index]); }
        public static bool IsLowSurrogate(string s, int index) { CheckIndex(s, index); return IsLowSurrogate(s[index]); }
        public static bool IsSurrogate(string s, int index) { CheckIndex(s, index); return IsSurrogate(s[index]); }

        public static bool IsSurrogatePair(string s, int index)
        {
            CheckIndex(s, index);
            return index + 1 < s.Length && IsSurrogatePair(s[index], s[index + 1]);
        }

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate)) TextThrow.OutOfRange("A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.", "highSurrogate");
            if (!IsLowSurrogate(lowSurrogate)) TextThrow.OutOfRange("A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.", "lowSurrogate");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static int ConvertToUtf32(string s, int index)
        {
            CheckIndex(s, index);
            char c = s[index];
            if (!IsSurrogate(c)) return c;
            if (IsHighSurrogate(c) && index + 1 < s.Length && IsLowSurrogate(s[index + 1])) return ConvertToUtf32(c, s[index + 1]);
            TextThrow.Argument(IsHighSurrogate(c) ? "Found a high surrogate char without a following low surrogate at index: " + index.ToString() + ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters."
                : "Found a low surrogate char without a preceding high surrogate at index: " + index.ToString() + ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.", "s");
            return 0;
        }

        public static string ConvertFromUtf32(int utf32)
        {
            if ((uint)utf32 > 0x10FFFF || (uint)(utf32 - 0xD800) <= 0x7FF)
                TextThrow.OutOfRange("A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).", "utf32");
            if (utf32 < 0x10000) return string.FromChar((char)utf32);
            string s = new string('\0', 2);
            ref char p = ref s.FirstChar;
            p = (char)(0xD7C0 + (utf32 >> 10));
            System.Runtime.CompilerServices.Unsafe.Add(ref p, 1) = (char)(0xDC00 + (utf32 & 0x3FF));
            return s;
        }

        private static void CheckIndex(string s, int index) => Checked(s, index);
    }
}
