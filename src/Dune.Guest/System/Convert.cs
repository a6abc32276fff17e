namespace System
{
    /// <summary>Convert's text encodings of bytes: Base64 (RFC 4648, with padding; white space ignored when decoding) and hex.</summary>
    public static class Convert
    {
        private const string Base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        private const string HexDigits = "0123456789ABCDEF";
        private const string BadBase64 =
            "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.";

        public static string ToBase64String(byte[] inArray) =>
            inArray == null ? throw new ArgumentNullException(nameof(inArray)) : ToBase64String(inArray, 0, inArray.Length);

        public static string ToBase64String(byte[] inArray, int offset, int length)
        {
            if (inArray == null) throw new ArgumentNullException(nameof(inArray));
            CheckRange(inArray, offset, length);
            return ToBase64String(new ReadOnlySpan<byte>(inArray, offset, length));
        }

        private static void CheckRange(byte[] inArray, int offset, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            int last = inArray.Length - length;
            if (offset > last)
                throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset ('" + offset.ToString() + "') must be less than or equal to '" + last.ToString() + "'.");
        }

        public static string ToBase64String(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 0) return string.Empty;
            int groups = (bytes.Length + 2) / 3;
            char[] chars = new char[groups * 4];
            for (int g = 0; g < groups; g++)
            {
                int at = g * 3, left = bytes.Length - at;
                int triple = bytes[at] << 16 | (left > 1 ? bytes[at + 1] << 8 : 0) | (left > 2 ? bytes[at + 2] : 0);
                chars[g * 4] = Base64Digits[triple >> 18];
                chars[g * 4 + 1] = Base64Digits[(triple >> 12) & 63];
                chars[g * 4 + 2] = left > 1 ? Base64Digits[(triple >> 6) & 63] : '=';
                chars[g * 4 + 3] = left > 2 ? Base64Digits[triple & 63] : '=';
            }
            return new string(chars);
        }

        public static byte[] FromBase64String(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            // The significant characters: white space is skipped, padding only at the end.
            var digits = new int[s.Length];
            int count = 0, padding = 0;
            foreach (char c in s)
            {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
                if (c == '=')
                {
                    padding++;
                    continue;
                }
                int value = Base64Value(c);
                if (value < 0 || padding > 0) throw new FormatException(BadBase64);
                digits[count++] = value;
            }
            if (padding > 2) throw new FormatException(BadBase64);
            if ((count + padding) % 4 != 0) throw new FormatException(BadBase64);
            int tail = count % 4;
            if (tail == 1 || (padding > 0 && tail + padding != 4)) throw new FormatException(BadBase64);
            byte[] bytes = new byte[count / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
            int written = 0;
            for (int i = 0; i < count; i += 4)
            {
                int n = Math.Min(4, count - i), bits = 0;
                for (int k = 0; k < 4; k++) bits = bits << 6 | (k < n ? digits[i + k] : 0);
                bytes[written++] = (byte)(bits >> 16);
                if (n > 2) bytes[written++] = (byte)(bits >> 8);
                if (n > 3) bytes[written++] = (byte)bits;
                else if ((n == 2 && (bits & 0xFFFF) != 0) || (n == 3 && (bits & 0xFF) != 0)) throw new FormatException(BadBase64);
            }
            return bytes;
        }

        private static int Base64Value(char c) =>
            c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;

        public static string ToHexString(byte[] inArray) =>
            inArray == null ? throw new ArgumentNullException(nameof(inArray)) : ToHexString(new ReadOnlySpan<byte>(inArray));

        public static string ToHexString(byte[] inArray, int offset, int length)
        {
            if (inArray == null) throw new ArgumentNullException(nameof(inArray));
            CheckRange(inArray, offset, length);
            return ToHexString(new ReadOnlySpan<byte>(inArray, offset, length));
        }

        public static string ToHexString(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 0) return string.Empty;
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = HexDigits[bytes[i] >> 4];
                chars[2 * i + 1] = HexDigits[bytes[i] & 15];
            }
            return new string(chars);
        }

        public static byte[] FromHexString(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            if (s.Length % 2 != 0) throw new FormatException("The input is not a valid hex string as its length is not a multiple of 2.");
            byte[] bytes = new byte[s.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexValue(s[2 * i]), low = HexValue(s[2 * i + 1]);
                if (high < 0 || low < 0) throw new FormatException("The input is not a valid hex string as it contains a non-hex character.");
                bytes[i] = (byte)(high << 4 | low);
            }
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
