namespace System.Text
{
    /// <summary>Invariant simple case mapping of strings (what .NET does in invariant-globalization mode).</summary>
    internal static class UnicodeCase
    {
        public static int ToUpper(int codePoint) => codePoint < 0x80 ? ((uint)(codePoint - 'a') <= 'z' - 'a' ? codePoint - 32 : codePoint) : UnicodeData.ToUpper(codePoint);

        public static int ToLower(int codePoint) => codePoint < 0x80 ? ((uint)(codePoint - 'A') <= 'Z' - 'A' ? codePoint + 32 : codePoint) : UnicodeData.ToLower(codePoint);

        /// <summary>The string with every code point mapped; the same instance when nothing changes.</summary>
        public static string Map(string s, bool upper)
        {
            int i = 0;
            for (; i < s.Length; i++)
            {
                int cp = CodePoint(s, i);
                if ((upper ? ToUpper(cp) : ToLower(cp)) != cp) break;
                if (cp >= 0x10000) i++;
            }
            if (i == s.Length) return s;
            char[] chars = s.ToCharArray();
            for (; i < chars.Length; i++)
            {
                int cp = CodePoint(s, i);
                int mapped = upper ? ToUpper(cp) : ToLower(cp);
                if (cp >= 0x10000)
                {
                    // Supplementary mappings stay supplementary, so the pair is rewritten in place.
                    chars[i] = (char)(0xD7C0 + (mapped >> 10));
                    chars[++i] = (char)(0xDC00 + (mapped & 0x3FF));
                }
                else chars[i] = (char)mapped;
            }
            return new string(chars);
        }

        private static int CodePoint(string s, int i) => UnicodeData.CodePointAt(s, i);
    }
}
