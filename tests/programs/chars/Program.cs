using System;
using System.Globalization;

// Character classification, case mapping and numeric values over all of Unicode, compared with .NET. Whole
// ranges are folded into checksums (one line per 4096 code points), so a single wrong code point changes a line.
static class Program
{
    static int Main()
    {
        SampleCases();
        for (int start = 0; start < 0x110000; start += 0x1000) RangeDigest(start);
        SurrogateCases();
        return 0;
    }

    static void SampleCases()
    {
        string samples = "aZ09 \t\n\u00A0\u00B2\u00BD\u0660\u2167\u2028\u3000_-([{}])!?.,;:'\"@#$%^&*+=<>|~`\\/\u00E9\u00DF\u01C5\u0130\u0131\u03A3\u03C2\u0416\u4E2D\u00AD\uFEFF\uE000\uD800\uDC00\uFFFF\u0085\u007F\u0000";
        foreach (char c in samples)
        {
            Console.WriteLine("U+" + ((int)c).ToString("X4") + " cat" + ((int)char.GetUnicodeCategory(c)).ToString() + " L" + B(char.IsLetter(c)) + " D" + B(char.IsDigit(c)) +
                " LD" + B(char.IsLetterOrDigit(c)) + " N" + B(char.IsNumber(c)) + " U" + B(char.IsUpper(c)) + " l" + B(char.IsLower(c)) +
                " P" + B(char.IsPunctuation(c)) + " S" + B(char.IsSymbol(c)) + " C" + B(char.IsControl(c)) + " Z" + B(char.IsSeparator(c)) +
                " W" + B(char.IsWhiteSpace(c)) + " Sg" + B(char.IsSurrogate(c)) + " H" + B(char.IsHighSurrogate(c)) + " Lo" + B(char.IsLowSurrogate(c)) +
                " up=" + ((int)char.ToUpperInvariant(c)).ToString("X4") + " lo=" + ((int)char.ToLowerInvariant(c)).ToString("X4") +
                " up2=" + ((int)char.ToUpper(c)).ToString("X4") + " lo2=" + ((int)char.ToLower(c)).ToString("X4") +
                " num=" + NumberText(char.GetNumericValue(c)) + " ascii=" + B(char.IsAscii(c)) + B(char.IsAsciiDigit(c)) + B(char.IsAsciiLetter(c)) +
                B(char.IsAsciiLetterLower(c)) + B(char.IsAsciiLetterUpper(c)) + B(char.IsAsciiLetterOrDigit(c)) + B(char.IsAsciiHexDigit(c)) +
                B(char.IsAsciiHexDigitLower(c)) + B(char.IsAsciiHexDigitUpper(c)) + " between=" + B(char.IsBetween(c, 'a', 'z')));
        }
    }

    static string B(bool b) => b ? "1" : "0";

    /// <summary>Numeric values as exact integers of millionths, so the line does not depend on double formatting.</summary>
    static string NumberText(double v) => v == -1 ? "-" : ((long)(v * 1000000)).ToString();

    static void RangeDigest(int start)
    {
        ulong categories = 0, upper = 0, lower = 0, numeric = 0, flags = 0;
        int letters = 0, digits = 0, cased = 0, numbers = 0;
        for (int cp = start; cp < start + 0x1000; cp++)
        {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            string s = char.ConvertFromUtf32(cp);
            UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(cp);
            if (cat != CharUnicodeInfo.GetUnicodeCategory(s, 0) || cat != char.GetUnicodeCategory(s, 0)) Console.WriteLine("category mismatch U+" + cp.ToString("X"));
            categories = Mix(categories, (ulong)cat);
            string up = s.ToUpperInvariant(), low = s.ToLowerInvariant();
            upper = Mix(upper, (ulong)char.ConvertToUtf32(up, 0));
            lower = Mix(lower, (ulong)char.ConvertToUtf32(low, 0));
            if (up != s || low != s) cased++;
            double v = char.GetNumericValue(s, 0);
            numeric = Mix(numeric, (ulong)(long)(v * 1000000));
            if (v != -1) numbers++;
            bool letter = char.IsLetter(s, 0), digit = char.IsDigit(s, 0);
            if (letter) letters++;
            if (digit) digits++;
            ulong f = (letter ? 1UL : 0) | (digit ? 2UL : 0) | (char.IsLetterOrDigit(s, 0) ? 4UL : 0) | (char.IsNumber(s, 0) ? 8UL : 0) |
                (char.IsUpper(s, 0) ? 16UL : 0) | (char.IsLower(s, 0) ? 32UL : 0) | (char.IsPunctuation(s, 0) ? 64UL : 0) |
                (char.IsSymbol(s, 0) ? 128UL : 0) | (char.IsSeparator(s, 0) ? 256UL : 0) | (char.IsWhiteSpace(s, 0) ? 512UL : 0) |
                (char.IsControl(s, 0) ? 1024UL : 0);
            if (cp < 0x10000)
            {
                char c = (char)cp;
                f |= (char.IsLetter(c) ? 1UL << 16 : 0) | (char.IsWhiteSpace(c) ? 1UL << 17 : 0) | (char.IsPunctuation(c) ? 1UL << 18 : 0) |
                    (char.IsSymbol(c) ? 1UL << 19 : 0) | (char.IsUpper(c) ? 1UL << 20 : 0) | (char.IsLower(c) ? 1UL << 21 : 0) |
                    (char.IsDigit(c) ? 1UL << 22 : 0) | (char.IsLetterOrDigit(c) ? 1UL << 23 : 0) | (char.IsNumber(c) ? 1UL << 24 : 0) |
                    (char.IsSeparator(c) ? 1UL << 25 : 0) | (char.IsControl(c) ? 1UL << 26 : 0);
                f |= (ulong)char.ToUpperInvariant(c) << 32;
                flags = Mix(flags, f ^ ((ulong)char.ToLowerInvariant(c) << 48));
            }
            else flags = Mix(flags, f);
        }
        Console.WriteLine("U+" + start.ToString("X5") + " cat=" + categories.ToString("X16") + " up=" + upper.ToString("X16") + " lo=" + lower.ToString("X16") +
            " num=" + numeric.ToString("X16") + " flags=" + flags.ToString("X16") + " letters=" + letters + " digits=" + digits + " cased=" + cased + " numbers=" + numbers);
    }

    static ulong Mix(ulong h, ulong v) => (h ^ v) * 0x100000001B3UL + 0x9E3779B97F4A7C15UL;

    static void SurrogateCases()
    {
        string pair = char.ConvertFromUtf32(0x1F600);
        Console.WriteLine("pair " + pair.Length + " " + ((int)pair[0]).ToString("X4") + " " + ((int)pair[1]).ToString("X4") + " " + char.ConvertToUtf32(pair, 0).ToString("X") +
            " " + char.ConvertToUtf32(pair[0], pair[1]).ToString("X") + " " + char.IsSurrogatePair(pair, 0) + " " + char.IsSurrogatePair(pair[0], pair[1]) +
            " " + char.IsSurrogatePair("a" + pair, 0) + " " + char.IsHighSurrogate(pair, 0) + " " + char.IsLowSurrogate(pair, 1) + " " + char.IsSurrogate(pair, 1));
        Console.WriteLine("bmp " + char.ConvertFromUtf32(0x41) + " " + char.ConvertFromUtf32(0xFFFF).Length + " " + char.ConvertFromUtf32(0x10000).Length + " " + char.ConvertToUtf32("xA", 1) + " " + char.ConvertFromUtf32(0x10FFFF).Length);
        Console.WriteLine("pair classes " + char.IsLetter("\U00010400", 0) + " " + char.IsUpper("\U00010400", 0) + " " + char.IsLower("\U00010428", 0) + " " + char.IsDigit("\U0001D7CE", 0) + " " + NumberText(char.GetNumericValue("\U0001D7D0", 0)) + " " + char.IsSymbol(pair, 0) + " " + char.IsLetter(pair, 1));
        Throws("fromutf32.surrogate", () => char.ConvertFromUtf32(0xD800));
        Throws("fromutf32.big", () => char.ConvertFromUtf32(0x110000));
        Throws("fromutf32.negative", () => char.ConvertFromUtf32(-1));
        Throws("toutf32.lonehigh", () => char.ConvertToUtf32("a\uD800", 1));
        Throws("toutf32.lonelow", () => char.ConvertToUtf32("a\uDC00", 1));
        Throws("toutf32.chars", () => char.ConvertToUtf32('a', '\uDC00'));
        Throws("toutf32.lowchar", () => char.ConvertToUtf32('\uD800', 'b'));
        Throws("isletter.past", () => char.IsLetter("ab", 2));
        Throws("isletter.null", () => char.IsLetter(null, 0));
        Throws("numeric.past", () => char.GetNumericValue("ab", 5));
    }

    static void Throws(string name, Action action)
    {
        try
        {
            action();
            Console.WriteLine(name + ": no exception");
        }
        catch (Exception e)
        {
            Console.WriteLine(name + ": " + e.GetType().Name + ": " + e.Message);
        }
    }
}
