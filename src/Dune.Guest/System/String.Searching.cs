using System.Text;

namespace System
{
    // IndexOf/LastIndexOf/Contains/StartsWith/EndsWith. Culture-sensitive forms behave as ordinal ones (invariant
    // mode, see StringComparison); the IgnoreCase forms compare invariant upper-case forms.
    public sealed partial class String
    {
        public bool Contains(char value) => StringSearch.IndexOf(this, value) >= 0;

        public bool Contains(char value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        public bool Contains(string value)
        {
            if (value == null) TextThrow.Null("value");
            return StringSearch.IndexOf(this, value) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        public int IndexOf(char value) => StringSearch.IndexOf(this, value);

        public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, Length - startIndex);

        public int IndexOf(char value, int startIndex, int count)
        {
            CheckForwardRange(startIndex, count);
            int i = StringSearch.IndexOf(((ReadOnlySpan<char>)this).Slice(startIndex, count), value);
            return i < 0 ? -1 : i + startIndex;
        }

        public int IndexOf(char value, StringComparison comparisonType) =>
            IgnoresCase(comparisonType) ? IndexOf(this, new ReadOnlySpan<char>(ref value, 1), true) : IndexOf(value);

        public int IndexOf(string value) => IndexOf(value, 0, Length, StringComparison.CurrentCulture);
        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, Length - startIndex, StringComparison.CurrentCulture);
        public int IndexOf(string value, int startIndex, int count) => IndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType);
        public int IndexOf(string value, int startIndex, StringComparison comparisonType) => IndexOf(value, startIndex, Length - startIndex, comparisonType);

        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) TextThrow.Null("value");
            bool ignoreCase = IgnoresCase(comparisonType);
            CheckForwardRange(startIndex, count);
            int i = IndexOf(((ReadOnlySpan<char>)this).Slice(startIndex, count), value, ignoreCase);
            return i < 0 ? -1 : i + startIndex;
        }

        internal static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, StringComparison comparisonType) =>
            IndexOf(text, value, IgnoresCase(comparisonType));

        private static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, bool ignoreCase)
        {
            if (!ignoreCase) return StringSearch.IndexOf(text, value);
            for (int i = 0; i + value.Length <= text.Length; i++)
                if (CompareIgnoreCase(text.Slice(i, value.Length), value) == 0) return i;
            return -1;
        }

        public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0, Length);
        public int IndexOfAny(char[] anyOf, int startIndex) => IndexOfAny(anyOf, startIndex, Length - startIndex);

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) TextThrow.Null("anyOf");
            CheckForwardRange(startIndex, count);
            for (int i = startIndex; i < startIndex + count; i++)
                if (StringSearch.IndexOf(anyOf, this[i]) >= 0) return i;
            return -1;
        }

        public int LastIndexOf(char value) => StringSearch.LastIndexOf(this, value);

        public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (Length == 0) return -1;
            CheckBackwardRange(startIndex, count);
            int start = startIndex - count + 1;
            int i = StringSearch.LastIndexOf(((ReadOnlySpan<char>)this).Slice(start, count), value);
            return i < 0 ? -1 : i + start;
        }

        public int LastIndexOfAny(char[] anyOf) => LastIndexOfAny(anyOf, Length - 1, Length);
        public int LastIndexOfAny(char[] anyOf, int startIndex) => LastIndexOfAny(anyOf, startIndex, startIndex + 1);

        public int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) TextThrow.Null("anyOf");
            if (Length == 0) return -1;
            CheckBackwardRange(startIndex, count);
            for (int i = startIndex; i > startIndex - count; i--)
                if (StringSearch.IndexOf(anyOf, this[i]) >= 0) return i;
            return -1;
        }

        public int LastIndexOf(string value) => LastIndexOf(value, Length - 1, Length, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, int startIndex, int count) => LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture);
        public int LastIndexOf(string value, StringComparison comparisonType) => LastIndexOf(value, Length - 1, Length, comparisonType);
        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType) => LastIndexOf(value, startIndex, startIndex + 1, comparisonType);

        /// <summary>Searches backwards in the <paramref name="count"/> chars ending at <paramref name="startIndex"/>; an empty value is found just after it.</summary>
        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) TextThrow.Null("value");
            bool ignoreCase = IgnoresCase(comparisonType);
            if (Length == 0 && (startIndex == -1 || startIndex == 0)) return value.Length == 0 ? 0 : -1;
            if (startIndex < 0 || startIndex > Length) TextThrow.OutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.", "startIndex");
            if (startIndex == Length)
            {
                startIndex--;
                if (count > 0) count--;
            }
            if (count < 0 || startIndex - count + 1 < 0) TextThrow.OutOfRange("Count must be positive and count must refer to a location within the string/array/collection.", "count");
            if (value.Length == 0) return startIndex + 1;
            int start = startIndex - count + 1;
            ReadOnlySpan<char> range = ((ReadOnlySpan<char>)this).Slice(start, count);
            int found;
            if (!ignoreCase) found = StringSearch.LastIndexOf(range, value);
            else
            {
                found = -1;
                for (int i = range.Length - value.Length; i >= 0; i--)
                    if (CompareIgnoreCase(range.Slice(i, value.Length), value) == 0) { found = i; break; }
            }
            return found < 0 ? -1 : found + start;
        }

        public bool StartsWith(char value) => Length != 0 && this[0] == value;

        public bool StartsWith(string value) => StartsWith(value, StringComparison.CurrentCulture);

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) TextThrow.Null("value");
            bool ignoreCase = IgnoresCase(comparisonType);
            if (value.Length > Length) return false;
            ReadOnlySpan<char> head = ((ReadOnlySpan<char>)this).Slice(0, value.Length);
            return ignoreCase ? CompareIgnoreCase(head, value) == 0 : StringSearch.SameChars(head, value);
        }

        public bool EndsWith(char value) => Length != 0 && this[Length - 1] == value;

        public bool EndsWith(string value) => EndsWith(value, StringComparison.CurrentCulture);

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) TextThrow.Null("value");
            bool ignoreCase = IgnoresCase(comparisonType);
            if (value.Length > Length) return false;
            ReadOnlySpan<char> tail = ((ReadOnlySpan<char>)this).Slice(Length - value.Length);
            return ignoreCase ? CompareIgnoreCase(tail, value) == 0 : StringSearch.SameChars(tail, value);
        }

        private void CheckForwardRange(int startIndex, int count)
        {
            if ((uint)startIndex > (uint)Length) TextThrow.OutOfRange("Index was out of range. Must be non-negative and less than or equal to the size of the collection.", "startIndex");
            if ((uint)count > (uint)(Length - startIndex)) TextThrow.OutOfRange("Count must be positive and count must refer to a location within the string/array/collection.", "count");
        }

        private void CheckBackwardRange(int startIndex, int count)
        {
            if ((uint)startIndex >= (uint)Length) TextThrow.OutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.", "startIndex");
            if (count < 0 || count - 1 > startIndex) TextThrow.OutOfRange("Count must be positive and count must refer to a location within the string/array/collection.", "count");
        }
    }
}
