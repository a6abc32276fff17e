using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        /// <summary>True for the IgnoreCase comparisons; throws for values outside the enum, as .NET does.</summary>
        internal static bool IgnoresCase(StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
                TextThrow.Argument("The string comparison type passed in is currently not supported.", "comparisonType");
            return ((int)comparisonType & 1) != 0;
        }

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoresCase(comparisonType);
            if ((object)a == b) return true;
            if (a is null || b is null || a.Length != b.Length) return false;
            return ignoreCase ? CompareIgnoreCase(a, b) == 0 : StringSearch.SameChars(a, b);
        }

        public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

        public static int CompareOrdinal(string strA, string strB) => OrdinalCompare(strA, strB);

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if (strA is null || strB is null) return strA is null ? (strB is null ? 0 : -1) : 1;
            if (length < 0) TextThrow.Negative("length", length);
            if (indexA < 0 || indexB < 0) TextThrow.OutOfRange("Index was out of range. Must be non-negative and less than or equal to the size of the collection.", indexA < 0 ? "indexA" : "indexB");
            int lengthA = Math.Min(length, strA.Length - indexA), lengthB = Math.Min(length, strB.Length - indexB);
            if (lengthA < 0 || lengthB < 0) TextThrow.OutOfRange("Index was out of range. Must be non-negative and less than or equal to the size of the collection.", lengthA < 0 ? "indexA" : "indexB");
            if (length == 0 || ((object)strA == strB && indexA == indexB)) return 0;
            return CompareOrdinal(((ReadOnlySpan<char>)strA).Slice(indexA, lengthA), ((ReadOnlySpan<char>)strB).Slice(indexB, lengthB));
        }

        /// <summary>Difference of the first differing chars, else of the lengths (the values .NET returns).</summary>
        internal static int CompareOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
                if (a[i] != b[i]) return a[i] - b[i];
            return a.Length - b.Length;
        }

        /// <summary>Ordinal comparison of the invariant upper-case forms (surrogate pairs map as code points).</summary>
        internal static int CompareIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                char x = a[i], y = b[i];
                if (char.IsHighSurrogate(x) && char.IsHighSurrogate(y) && i + 1 < n && char.IsLowSurrogate(a[i + 1]) && char.IsLowSurrogate(b[i + 1]))
                {
                    int cx = UnicodeCase.ToUpper(char.ConvertToUtf32(x, a[i + 1])), cy = UnicodeCase.ToUpper(char.ConvertToUtf32(y, b[i + 1]));
                    if (cx != cy) return cx - cy;
                    i++;
                    continue;
                }
                if (x == y) continue;
                if ((x | y) < 0x80)
                {
                    int ux = (uint)(x - 'a') <= 'z' - 'a' ? x - 32 : x, uy = (uint)(y - 'a') <= 'z' - 'a' ? y - 32 : y;
                    if (ux != uy) return ux - uy;
                    continue;
                }
                int upperX = UnicodeCase.ToUpper(x), upperY = UnicodeCase.ToUpper(y);
                if (upperX != upperY) return upperX - upperY;
            }
            return a.Length - b.Length;
        }

        public static int Compare(string strA, string strB) => Compare(strA, strB, StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB, bool ignoreCase) =>
            Compare(strA, strB, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            if (!IgnoresCase(comparisonType)) return OrdinalCompare(strA, strB);
            if ((object)strA == strB) return 0;
            if (strA is null) return -1;
            if (strB is null) return 1;
            return CompareIgnoreCase(strA, strB);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length) =>
            Compare(strA, indexA, strB, indexB, length, StringComparison.CurrentCulture);

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase) =>
            Compare(strA, indexA, strB, indexB, length, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoresCase(comparisonType);
            if (strA is null || strB is null) return strA is null ? (strB is null ? 0 : -1) : 1;
            // .NET checks the derived lengths and offsets under the names of CompareInfo.Compare's parameters.
            int lengthA = Math.Min(length, strA.Length - indexA), lengthB = Math.Min(length, strB.Length - indexB);
            if (lengthA < 0) TextThrow.Negative("length1", lengthA);
            if (lengthB < 0) TextThrow.Negative("length2", lengthB);
            if (indexA < 0) TextThrow.Negative("offset1", indexA);
            if (indexB < 0) TextThrow.Negative("offset2", indexB);
            ReadOnlySpan<char> a = ((ReadOnlySpan<char>)strA).Slice(indexA, lengthA);
            ReadOnlySpan<char> b = ((ReadOnlySpan<char>)strB).Slice(indexB, lengthB);
            return ignoreCase ? CompareIgnoreCase(a, b) : CompareOrdinal(a, b);
        }
    }
}
