namespace System.Text
{
    /// <summary>
    /// Text encodings. Only UTF-8 exists here (Encoding.UTF8, Encoding.Default, UTF8Encoding): invalid input is
    /// replaced as .NET replaces it (U+FFFD per maximal invalid byte sequence, lone surrogates as EF BF BD).
    /// </summary>
    public abstract class Encoding
    {
        public static Encoding UTF8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

        public static Encoding Default { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public abstract string WebName { get; }

        public abstract byte[] GetPreamble();

        public abstract int GetByteCount(ReadOnlySpan<char> chars);

        public abstract int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes);

        public abstract int GetCharCount(ReadOnlySpan<byte> bytes);

        public abstract int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars);

        public int GetByteCount(string s)
        {
            if (s == null) TextThrow.Null("s");
            return GetByteCount((ReadOnlySpan<char>)s);
        }

        public int GetByteCount(char[] chars)
        {
            if (chars == null) TextThrow.Null("chars");
            return GetByteCount(new ReadOnlySpan<char>(chars));
        }

        public byte[] GetBytes(string s)
        {
            if (s == null) TextThrow.Null("s");
            return GetBytes((ReadOnlySpan<char>)s);
        }

        public byte[] GetBytes(char[] chars)
        {
            if (chars == null) TextThrow.Null("chars");
            return GetBytes(new ReadOnlySpan<char>(chars));
        }

        private byte[] GetBytes(ReadOnlySpan<char> chars)
        {
            byte[] bytes = new byte[GetByteCount(chars)];
            GetBytes(chars, bytes);
            return bytes;
        }

        public int GetCharCount(byte[] bytes)
        {
            if (bytes == null) TextThrow.Null("bytes");
            return GetCharCount(new ReadOnlySpan<byte>(bytes));
        }

        public char[] GetChars(byte[] bytes)
        {
            if (bytes == null) TextThrow.Null("bytes");
            char[] chars = new char[GetCharCount(new ReadOnlySpan<byte>(bytes))];
            GetChars(bytes, chars);
            return chars;
        }

        public string GetString(byte[] bytes)
        {
            if (bytes == null) TextThrow.Null("bytes");
            return GetString(new ReadOnlySpan<byte>(bytes));
        }

        public string GetString(byte[] bytes, int index, int count)
        {
            if (bytes == null) TextThrow.Null("bytes");
            if (index < 0 || count < 0) TextThrow.OutOfRange("Non-negative number required.", index < 0 ? "index" : "count");
            if (bytes.Length - index < count) TextThrow.OutOfRange("Index and count must refer to a location within the buffer.", "bytes");
            return GetString(new ReadOnlySpan<byte>(bytes).Slice(index, count));
        }

        public string GetString(ReadOnlySpan<byte> bytes)
        {
            char[] chars = new char[bytes.Length];
            int n = GetChars(bytes, chars);
            return new string(chars, 0, n);
        }
    }

    public unsafe class UTF8Encoding : Encoding
    {
        private readonly bool _emitIdentifier;

        public UTF8Encoding() : this(false) { }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier) { _emitIdentifier = encoderShouldEmitUTF8Identifier; }

        public override string WebName => "utf-8";

        public override byte[] GetPreamble() => _emitIdentifier ? new byte[] { 0xEF, 0xBB, 0xBF } : new byte[0];

        public override int GetByteCount(ReadOnlySpan<char> chars) => Utf8.ByteCount(chars);

        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (bytes.Length < Utf8.ByteCount(chars)) TextThrow.Argument("The output byte buffer is too small to contain the encoded data, encoding codepage '65001' and fallback 'System.Text.EncoderReplacementFallback'.", "bytes");
            return Utf8.Encode(chars, bytes);
        }

        public override int GetCharCount(ReadOnlySpan<byte> bytes)
        {
            fixed (byte* p = bytes) return Utf8.CharCount(p, bytes.Length);
        }

        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (chars.Length >= bytes.Length)
            {
                Utf8.Decode(bytes, chars, true, out int written);
                return written;
            }
            char[] scratch = new char[bytes.Length];
            Utf8.Decode(bytes, scratch, true, out int count);
            if (count > chars.Length) TextThrow.Argument("The output char buffer is too small to contain the decoded characters, encoding codepage '65001' and fallback 'System.Text.DecoderReplacementFallback'.", "chars");
            new ReadOnlySpan<char>(scratch).Slice(0, count).CopyTo(chars);
            return count;
        }
    }
}
