namespace System.Globalization
{
    public enum UnicodeCategory
    {
        UppercaseLetter = 0,
        LowercaseLetter = 1,
        TitlecaseLetter = 2,
        ModifierLetter = 3,
        OtherLetter = 4,
        NonSpacingMark = 5,
        SpacingCombiningMark = 6,
        EnclosingMark = 7,
        DecimalDigitNumber = 8,
        LetterNumber = 9,
        OtherNumber = 10,
        SpaceSeparator = 11,
        LineSeparator = 12,
        ParagraphSeparator = 13,
        Control = 14,
        Format = 15,
        Surrogate = 16,
        PrivateUse = 17,
        ConnectorPunctuation = 18,
        DashPunctuation = 19,
        OpenPunctuation = 20,
        ClosePunctuation = 21,
        InitialQuotePunctuation = 22,
        FinalQuotePunctuation = 23,
        OtherPunctuation = 24,
        MathSymbol = 25,
        CurrencySymbol = 26,
        ModifierSymbol = 27,
        OtherSymbol = 28,
        OtherNotAssigned = 29,
    }

    /// <summary>Unicode properties of characters and code points, from the generated tables.</summary>
    public static class CharUnicodeInfo
    {
        public static UnicodeCategory GetUnicodeCategory(char ch) => System.Text.UnicodeData.Category(ch);

        public static UnicodeCategory GetUnicodeCategory(int codePoint) => System.Text.UnicodeData.Category(codePoint);

        public static UnicodeCategory GetUnicodeCategory(string s, int index)
        {
            if (s == null) System.Text.TextThrow.Null("s");
            if ((uint)index >= (uint)s.Length) System.Text.TextThrow.OutOfRange("Specified argument was out of the range of valid values.", "index");
            return System.Text.UnicodeData.Category(System.Text.UnicodeData.CodePointAt(s, index));
        }

        public static double GetNumericValue(char ch) => System.Text.UnicodeData.NumericValue(ch);

        public static double GetNumericValue(string s, int index)
        {
            if (s == null) System.Text.TextThrow.Null("s");
            if ((uint)index >= (uint)s.Length) System.Text.TextThrow.OutOfRange("Specified argument was out of the range of valid values.", "index");
            return System.Text.UnicodeData.NumericValue(System.Text.UnicodeData.CodePointAt(s, index));
        }
    }
}
