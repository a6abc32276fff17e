using Internal.Runtime;
using Internal.Runtime.Metadata;

namespace System
{
    /// <summary>
    /// Enum.Parse/TryParse: a number in the underlying type's range, or member names separated by commas (ORed
    /// together), surrounding white space ignored; names compare ordinally, or ignoring ASCII/Latin case.
    /// </summary>
    internal static unsafe class EnumParser
    {
        public static bool Parse(MethodTable* type, string value, bool ignoreCase, bool throwOnFailure, out ulong bits)
        {
            bits = 0;
            if (value == null)
            {
                if (throwOnFailure) throw new ArgumentNullException(nameof(value));
                return false;
            }
            int start = 0, end = value.Length;
            Trim(value, ref start, ref end);
            if (start == end)
            {
                if (throwOnFailure) throw new ArgumentException("Must specify valid information for parsing in the string.", nameof(value));
                return false;
            }
            char first = value[start];
            if (first >= '0' && first <= '9' || first == '-' || first == '+')
            {
                switch (ParseNumber(value, start, end, type->ElementType, out bits))
                {
                    case NumberResult.Ok: return true;
                    case NumberResult.Overflow:
                        if (throwOnFailure) throw new OverflowException("Value was either too large or too small for " + UnderlyingArticleName(type->ElementType) + ".");
                        return false;
                }
            }
            EnumInfo info = EnumInfo.Of(type);
            while (start < end)
            {
                int comma = start;
                while (comma < end && value[comma] != ',') comma++;
                int nameStart = start, nameEnd = comma;
                Trim(value, ref nameStart, ref nameEnd);
                int index = FindName(info, value, nameStart, nameEnd - nameStart, ignoreCase);
                if (index < 0)
                {
                    if (throwOnFailure) throw new ArgumentException("Requested value '" + value + "' was not found.");
                    bits = 0;
                    return false;
                }
                bits |= info.Values[index];
                start = comma + 1;
                if (comma < end && start == end)
                {
                    if (throwOnFailure) throw new ArgumentException("Requested value '" + value + "' was not found.");
                    bits = 0;
                    return false;
                }
            }
            return true;
        }

        private static int FindName(EnumInfo info, string text, int start, int length, bool ignoreCase)
        {
            for (int i = 0; i < info.Names.Length; i++)
            {
                string name = info.Names[i];
                if (name.Length != length) continue;
                int k = 0;
                while (k < length && Same(name[k], text[start + k], ignoreCase)) k++;
                if (k == length) return i;
            }
            return -1;
        }

        private static bool Same(char a, char b, bool ignoreCase) => a == b || ignoreCase && Fold(a) == Fold(b);

        private static char Fold(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;

        private static void Trim(string s, ref int start, ref int end)
        {
            while (start < end && IsSpace(s[start])) start++;
            while (end > start && IsSpace(s[end - 1])) end--;
        }

        private static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0' || c == '\u0085';

        private enum NumberResult { Ok, Overflow, Invalid }

        /// <summary>Decimal integer with an optional sign, checked against the underlying type's range.</summary>
        private static NumberResult ParseNumber(string s, int start, int end, ElementType underlying, out ulong bits)
        {
            bits = 0;
            bool negative = false;
            if (s[start] == '-' || s[start] == '+') { negative = s[start] == '-'; start++; }
            if (start == end) return NumberResult.Invalid;
            ulong magnitude = 0;
            bool overflow = false;
            for (int i = start; i < end; i++)
            {
                uint digit = (uint)(s[i] - '0');
                if (digit > 9) return NumberResult.Invalid;
                if (magnitude > (ulong.MaxValue - digit) / 10) overflow = true;
                else magnitude = magnitude * 10 + digit;
            }
            if (overflow) return NumberResult.Overflow;
            int size = EnumInfo.SizeOf(underlying);
            if (EnumInfo.IsSigned(underlying))
            {
                ulong limit = 1UL << (size * 8 - 1);
                if (negative ? magnitude > limit : magnitude >= limit) return NumberResult.Overflow;
                bits = negative ? (ulong)(-(long)magnitude) : magnitude;
                return NumberResult.Ok;
            }
            if (negative && magnitude != 0) return NumberResult.Overflow;
            if (size < 8 && magnitude >= 1UL << (size * 8)) return NumberResult.Overflow;
            bits = magnitude;
            return NumberResult.Ok;
        }

        private static string UnderlyingArticleName(ElementType underlying)
        {
            switch (underlying)
            {
                case ElementType.SByte: return "a signed byte";
                case ElementType.Byte: return "an unsigned byte";
                case ElementType.Int16: return "an Int16";
                case ElementType.UInt16: return "a UInt16";
                case ElementType.Int32: return "an Int32";
                case ElementType.UInt32: return "a UInt32";
                case ElementType.Int64: return "an Int64";
                default: return "a UInt64";
            }
        }
    }
}
