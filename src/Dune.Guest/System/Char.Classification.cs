using System.Globalization;
using System.Text;

namespace System
{
    // Classification and case mapping of UTF-16 code units and of code points in strings (surrogate pairs count as
    // one code point), from the generated Unicode tables; Latin-1 and ASCII take fast paths.
    public partial struct Char
    {
        public static UnicodeCategory GetUnicodeCategory(char c) => UnicodeData.Category(c);
        public static UnicodeCategory GetUnicodeCategory(string s, int index) => CharUnicodeInfo.GetUnicodeCategory(s, index);

        public static bool IsLetter(char c) => IsAscii(c) ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : IsLetter(GetUnicodeCategory(c));
        public static bool IsLetter(string s, int index) => IsLetter(At(s, index));
        private static bool IsLetter(UnicodeCategory cat) => cat <= UnicodeCategory.OtherLetter;

        public static bool IsDigit(char c) => IsAscii(c) ? (uint)(c - '0') <= 9 : GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
        public static bool IsDigit(string s, int index) => At(s, index) == UnicodeCategory.DecimalDigitNumber;

        public static bool IsLetterOrDigit(char c) => IsLetterOrDigit(GetUnicodeCategory(c));
        public static bool IsLetterOrDigit(string s, int index) => IsLetterOrDigit(At(s, index));
        private static bool IsLetterOrDigit(UnicodeCategory cat) => cat <= UnicodeCategory.OtherLetter || cat == UnicodeCategory.DecimalDigitNumber;

        public static bool IsNumber(char c) => IsNumber(GetUnicodeCategory(c));
        public static bool IsNumber(string s, int index) => IsNumber(At(s, index));
        private static bool IsNumber(UnicodeCategory cat) => cat >= UnicodeCategory.DecimalDigitNumber && cat <= UnicodeCategory.OtherNumber;

        public static bool IsUpper(char c) => IsAscii(c) ? (uint)(c - 'A') <= 'Z' - 'A' : GetUnicodeCategory(c) == UnicodeCategory.UppercaseLetter;
        public static bool IsUpper(string s, int index) => At(s, index) == UnicodeCategory.UppercaseLetter;

        public static bool IsLower(char c) => IsAscii(c) ? (uint)(c - 'a') <= 'z' - 'a' : GetUnicodeCategory(c) == UnicodeCategory.LowercaseLetter;
        public static bool IsLower(string s, int index) => At(s, index) == UnicodeCategory.LowercaseLetter;

        public static bool IsPunctuation(char c) => IsPunctuation(GetUnicodeCategory(c));
        public static bool IsPunctuation(string s, int index) => IsPunctuation(At(s, index));
        private static bool IsPunctuation(UnicodeCategory cat) => cat >= UnicodeCategory.ConnectorPunctuation && cat <= UnicodeCategory.OtherPunctuation;

        public static bool IsSymbol(char c) => IsSymbol(GetUnicodeCategory(c));
        public static bool IsSymbol(string s, int index) => IsSymbol(At(s, index));
        private static bool IsSymbol(UnicodeCategory cat) => cat >= UnicodeCategory.MathSymbol && cat <= UnicodeCategory.OtherSymbol;

        public static bool IsSeparator(char c) => IsSeparator(GetUnicodeCategory(c));
        public static bool IsSeparator(string s, int index) => IsSeparator(At(s, index));
        private static bool IsSeparator(UnicodeCategory cat) => cat >= UnicodeCategory.SpaceSeparator && cat <= UnicodeCategory.ParagraphSeparator;

        public static bool IsControl(char c) => c < 0x20 || (uint)(c - 0x7F) <= 0x9F - 0x7F;
        public static bool IsControl(string s, int index) => IsControl(Checked(s, index)[index]);

        /// <summary>Space, line and paragraph separators, plus U+0009-U+000D and U+0085 (as .NET defines white space).</summary>
        public static bool IsWhiteSpace(char c)
        {
            if (c < 0x100) return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || c == '\u00A0' || c == '\u0085';
            return IsSeparator(GetUnicodeCategory(c));
        }

        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(Checked(s, index)[index]);

        public static double GetNumericValue(char c) => UnicodeData.NumericValue(c);
        public static double GetNumericValue(string s, int index) => CharUnicodeInfo.GetNumericValue(s, index);

        public static char ToUpperInvariant(char c) => (char)UnicodeCase.ToUpper(c);
        public static char ToLowerInvariant(char c) => (char)UnicodeCase.ToLower(c);
        // The only culture is the invariant one.
        public static char ToUpper(char c) => ToUpperInvariant(c);
        public static char ToLower(char c) => ToLowerInvariant(c);

        public static bool IsAscii(char c) => c < 0x80;
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';
        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);
        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
        public static bool IsAsciiHexDigitLower(char c) => IsAsciiDigit(c) || (uint)(c - 'a') <= 'f' - 'a';
        public static bool IsAsciiHexDigitUpper(char c) => IsAsciiDigit(c) || (uint)(c - 'A') <= 'F' - 'A';
        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        private static UnicodeCategory At(string s, int index) => UnicodeData.Category(UnicodeData.CodePointAt(Checked(s, index), index));

        private static string Checked(string s, int index)
        {
            if (s == null) TextThrow.Null("s");
            if ((uint)index >= (uint)s.Length) TextThrow.OutOfRange("Specified argument was out of the range of valid values.", "index");
            return s;
        }
    }
}
