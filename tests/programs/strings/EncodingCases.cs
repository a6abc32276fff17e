using System;
using System.Text;

static partial class Program
{
    static string Hex(byte[] bytes) => string.Join(" ", Array.ConvertAll(bytes, b => b.ToString("X2")));

    static string Codes(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(((int)c).ToString("X4")).Append(' ');
        return sb.ToString().TrimEnd();
    }

    static void EncodingCases()
    {
        Encoding utf8 = Encoding.UTF8;
        Show("encoding.name", utf8.WebName + " " + utf8.GetPreamble().Length + " " + new UTF8Encoding().GetPreamble().Length + " " + new UTF8Encoding(true).GetPreamble().Length);
        Show("encoding.bytes", Hex(utf8.GetBytes("héllo wörld 中 😀 𝄞")));
        Show("encoding.lone", Hex(utf8.GetBytes("a\uD800b\uDC00c\uDE00\uD83D")) + " | " + utf8.GetByteCount("a\uD800b") + " " + utf8.GetByteCount(new[] { 'x', '\u00E9' }));
        Show("encoding.chars", Hex(utf8.GetBytes(new[] { 'a', '\u0800', '\uFFFF' })));
        byte[][] inputs =
        {
            new byte[] { 0x68, 0xC3, 0xA9 },
            new byte[] { 0xC3, 0x28 },
            new byte[] { 0xF0, 0x9F, 0x98 },
            new byte[] { 0xF0, 0x9F, 0x98, 0x80, 0x41 },
            new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xC0, 0xAF },
            new byte[] { 0xE0, 0x80, 0xAF },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0xFF, 0xFE, 0x41 },
            new byte[] { 0x80, 0xBF, 0xC2 },
            new byte[] { 0xE2, 0x82 },
            new byte[] { 0xEF, 0xBB, 0xBF, 0x41 },
            new byte[0],
        };
        foreach (byte[] input in inputs)
        {
            string s = utf8.GetString(input);
            Show("encoding.decode " + Hex(input), Codes(s) + " | " + utf8.GetCharCount(input) + " " + utf8.GetChars(input).Length);
        }
        Show("encoding.range", utf8.GetString(new byte[] { 0x41, 0x42, 0x43, 0x44 }, 1, 2));
        string round = "round trip ✓ 😀";
        Show("encoding.roundtrip", (utf8.GetString(utf8.GetBytes(round)) == round) + " " + (Encoding.Default.GetString(Encoding.Default.GetBytes(round)) == round));
        Throws("encoding.null", () => utf8.GetBytes((string)null));
    }
}
