using System.Globalization;

namespace System.Text
{
    /// <summary>Lookups in the generated Unicode tables (UnicodeTables.g.cs; tools/unicode-tables regenerates them).</summary>
    internal static partial class UnicodeData
    {
        public static UnicodeCategory Category(int codePoint)
        {
            if ((uint)codePoint > 0x10FFFF) TextThrow.OutOfRange("Specified argument was out of the range of valid values.", "codePoint");
            int mid = CategoryTop[codePoint >> MidShift];
            int leaf = CategoryMid[(mid << (MidShift - LeafShift)) + ((codePoint >> LeafShift) & ((1 << (MidShift - LeafShift)) - 1))];
            return (UnicodeCategory)CategoryLeaves[(leaf << LeafShift) + (codePoint & ((1 << LeafShift) - 1))];
        }

        /// <summary>The code point at <paramref name="index"/>: a surrogate pair's, else the char itself (lone surrogates included).</summary>
        public static int CodePointAt(string s, int index)
        {
            char c = s[index];
            if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
                return ((c - 0xD800) << 10) + (s[index + 1] - 0xDC00) + 0x10000;
            return c;
        }

        public static double NumericValue(int codePoint)
        {
            int run = FindRun(NumericStart, codePoint);
            if (run < 0 || codePoint - NumericStart[run] >= NumericLength[run]) return -1;
            return NumericFirst[run] + (codePoint - NumericStart[run]) * NumericStep[run];
        }

        public static int ToUpper(int codePoint) => Map(codePoint, UpperStart, UpperLength, UpperDelta, UpperStride);

        public static int ToLower(int codePoint) => Map(codePoint, LowerStart, LowerLength, LowerDelta, LowerStride);

        private static int Map(int codePoint, ReadOnlySpan<int> start, ReadOnlySpan<int> length, ReadOnlySpan<int> delta, ReadOnlySpan<byte> stride)
        {
            int run = FindRun(start, codePoint);
            if (run < 0) return codePoint;
            int offset = codePoint - start[run];
            int step = stride[run];
            if (offset % step != 0 || offset / step >= length[run]) return codePoint;
            return codePoint + delta[run];
        }

        /// <summary>Index of the last run starting at or before <paramref name="codePoint"/>, or -1.</summary>
        private static int FindRun(ReadOnlySpan<int> starts, int codePoint)
        {
            int lo = 0, hi = starts.Length - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (starts[mid] <= codePoint) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found;
        }
    }
}
