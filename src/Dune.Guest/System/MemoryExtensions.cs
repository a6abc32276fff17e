using Internal.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Span extension methods. Searches over bytes and chars compare a machine word (8 bytes / 4 chars) at a time
    /// where it pays; other element types compare with <see cref="SpanEquality"/>.
    /// </summary>
    public static unsafe partial class MemoryExtensions
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ReadOnlySpan<char> AsSpan(this string text) =>
            text == null ? default : new ReadOnlySpan<char>(ref text.FirstChar, text.Length);

        public static ReadOnlySpan<char> AsSpan(this string text, int start)
        {
            if (text == null) { if (start != 0) ThrowStartOutOfRange(); return default; }
            if ((uint)start > (uint)text.Length) ThrowStartOutOfRange();
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.FirstChar, start), text.Length - start);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
        {
            if (text == null) { if (start != 0 || length != 0) ThrowStartOutOfRange(); return default; }
            if ((uint)start > (uint)text.Length || (uint)length > (uint)(text.Length - start)) ThrowStartOutOfRange();
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.FirstChar, start), length);
        }

        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);
        public static Span<T> AsSpan<T>(this T[] array, int start) => new Span<T>(array).Slice(start);
        public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array).Slice(start, length);

        public static int IndexOf<T>(this Span<T> span, T value) => IndexOf((ReadOnlySpan<T>)span, value);
        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value)
        {
            ref T start = ref MemoryMarshal.GetReference(span);
            if (Internal.Runtime.MethodTable.Of<T>() == Internal.Runtime.MethodTable.Of<byte>())
                return SpanSearch.IndexOfByte(ref Unsafe.As<T, byte>(ref start), span.Length, Unsafe.As<T, byte>(ref value));
            if (Internal.Runtime.MethodTable.Of<T>() == Internal.Runtime.MethodTable.Of<char>())
                return SpanSearch.IndexOfChar(ref Unsafe.As<T, char>(ref start), span.Length, Unsafe.As<T, char>(ref value));
            for (int i = 0; i < span.Length; i++)
                if (SpanEquality.AreEqual(Unsafe.Add(ref start, i), value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(this Span<T> span, T value) => LastIndexOf((ReadOnlySpan<T>)span, value);
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value)
        {
            ref T start = ref MemoryMarshal.GetReference(span);
            for (int i = span.Length - 1; i >= 0; i--)
                if (SpanEquality.AreEqual(Unsafe.Add(ref start, i), value)) return i;
            return -1;
        }

        public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) => IndexOf((ReadOnlySpan<T>)span, value);

        /// <summary>First occurrence of a subsequence: find its first element, then compare the rest.</summary>
        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value)
        {
            if (value.Length == 0) return 0;
            T first = value[0];
            ReadOnlySpan<T> rest = value.Slice(1);
            int offset = 0;
            while (span.Length - offset >= value.Length)
            {
                int found = IndexOf(span.Slice(offset, span.Length - offset - rest.Length), first);
                if (found < 0) return -1;
                offset += found;
                if (SequenceEqual(span.Slice(offset + 1, rest.Length), rest)) return offset;
                offset++;
            }
            return -1;
        }

        public static int LastIndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) => LastIndexOf((ReadOnlySpan<T>)span, value);
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value)
        {
            if (value.Length == 0) return span.Length;
            for (int i = span.Length - value.Length; i >= 0; i--)
                if (SequenceEqual(span.Slice(i, value.Length), value)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1) => IndexOfAny((ReadOnlySpan<T>)span, value0, value1);
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1)
        {
            for (int i = 0; i < span.Length; i++)
                if (SpanEquality.AreEqual(span[i], value0) || SpanEquality.AreEqual(span[i], value1)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1, T value2) => IndexOfAny((ReadOnlySpan<T>)span, value0, value1, value2);
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2)
        {
            for (int i = 0; i < span.Length; i++)
                if (SpanEquality.AreEqual(span[i], value0) || SpanEquality.AreEqual(span[i], value1) || SpanEquality.AreEqual(span[i], value2)) return i;
            return -1;
        }

        public static int IndexOfAny<T>(this Span<T> span, ReadOnlySpan<T> values) => IndexOfAny((ReadOnlySpan<T>)span, values);
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values)
        {
            for (int i = 0; i < span.Length; i++)
                if (Contains(values, span[i])) return i;
            return -1;
        }

        public static int LastIndexOfAny<T>(this Span<T> span, T value0, T value1) => LastIndexOfAny((ReadOnlySpan<T>)span, value0, value1);
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1)
        {
            for (int i = span.Length - 1; i >= 0; i--)
                if (SpanEquality.AreEqual(span[i], value0) || SpanEquality.AreEqual(span[i], value1)) return i;
            return -1;
        }

        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values)
        {
            for (int i = span.Length - 1; i >= 0; i--)
                if (Contains(values, span[i])) return i;
            return -1;
        }

        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value)
        {
            for (int i = 0; i < span.Length; i++)
                if (!SpanEquality.AreEqual(span[i], value)) return i;
            return -1;
        }

        public static int IndexOfAnyExcept<T>(this Span<T> span, T value) => IndexOfAnyExcept((ReadOnlySpan<T>)span, value);

        public static bool Contains<T>(this Span<T> span, T value) => IndexOf((ReadOnlySpan<T>)span, value) >= 0;
        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) => IndexOf(span, value) >= 0;

        public static int Count<T>(this ReadOnlySpan<T> span, T value)
        {
            int n = 0;
            for (int i = 0; i < span.Length; i++) if (SpanEquality.AreEqual(span[i], value)) n++;
            return n;
        }

        public static int Count<T>(this Span<T> span, T value) => Count((ReadOnlySpan<T>)span, value);

        public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) => SequenceEqual((ReadOnlySpan<T>)span, other);
        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other)
        {
            if (span.Length != other.Length) return false;
            ref T a = ref MemoryMarshal.GetReference(span);
            ref T b = ref MemoryMarshal.GetReference(other);
            if (SpanSearch.IsBitwiseEquatable<T>())
                return SpanSearch.BytesEqual(ref Unsafe.As<T, byte>(ref a), ref Unsafe.As<T, byte>(ref b), (nuint)span.Length * (nuint)Unsafe.SizeOf<T>());
            for (int i = 0; i < span.Length; i++)
                if (!SpanEquality.AreEqual(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i))) return false;
            return true;
        }

        public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) => StartsWith((ReadOnlySpan<T>)span, value);
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) =>
            value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);

        public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) => EndsWith((ReadOnlySpan<T>)span, value);
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) =>
            value.Length <= span.Length && SequenceEqual(span.Slice(span.Length - value.Length), value);

        public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value) => span.Length != 0 && SpanEquality.AreEqual(span[0], value);
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value) => span.Length != 0 && SpanEquality.AreEqual(span[span.Length - 1], value);

        /// <summary>Ordinal comparison: the first differing element decides, else the shorter span is smaller.</summary>
        public static int SequenceCompareTo(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> other)
        {
            int n = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < n; i++)
                if (span[i] != other[i]) return span[i] - other[i];
            return span.Length - other.Length;
        }

        public static int SequenceCompareTo(this Span<byte> span, ReadOnlySpan<byte> other) => SequenceCompareTo((ReadOnlySpan<byte>)span, other);

        public static int SequenceCompareTo(this ReadOnlySpan<char> span, ReadOnlySpan<char> other)
        {
            int n = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < n; i++)
                if (span[i] != other[i]) return span[i] - other[i];
            return span.Length - other.Length;
        }

        public static int SequenceCompareTo(this Span<char> span, ReadOnlySpan<char> other) => SequenceCompareTo((ReadOnlySpan<char>)span, other);

        public static void Reverse<T>(this Span<T> span)
        {
            ref T start = ref MemoryMarshal.GetReference(span);
            for (int i = 0, j = span.Length - 1; i < j; i++, j--)
            {
                T t = Unsafe.Add(ref start, i);
                Unsafe.Add(ref start, i) = Unsafe.Add(ref start, j);
                Unsafe.Add(ref start, j) = t;
            }
        }

        public static void CopyTo<T>(this T[] source, Span<T> destination) => new ReadOnlySpan<T>(source).CopyTo(destination);

        public static void Replace<T>(this Span<T> span, T oldValue, T newValue)
        {
            for (int i = 0; i < span.Length; i++)
                if (SpanEquality.AreEqual(span[i], oldValue)) span[i] = newValue;
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => TrimEnd(TrimStart(span));

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int i = 0;
            while (i < span.Length && char.IsWhiteSpace(span[i])) i++;
            return span.Slice(i);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int end = span.Length;
            while (end > 0 && char.IsWhiteSpace(span[end - 1])) end--;
            return span.Slice(0, end);
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar) => TrimEnd(TrimStart(span, trimChar), trimChar);

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span, char trimChar)
        {
            int i = 0;
            while (i < span.Length && span[i] == trimChar) i++;
            return span.Slice(i);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span, char trimChar)
        {
            int end = span.Length;
            while (end > 0 && span[end - 1] == trimChar) end--;
            return span.Slice(0, end);
        }

        public static Span<T> Trim<T>(this Span<T> span, T trimElement) => TrimEnd(TrimStart(span, trimElement), trimElement);

        public static Span<T> TrimStart<T>(this Span<T> span, T trimElement)
        {
            int i = 0;
            while (i < span.Length && SpanEquality.AreEqual(span[i], trimElement)) i++;
            return span.Slice(i);
        }

        public static Span<T> TrimEnd<T>(this Span<T> span, T trimElement)
        {
            int end = span.Length;
            while (end > 0 && SpanEquality.AreEqual(span[end - 1], trimElement)) end--;
            return span.Slice(0, end);
        }

        public static bool IsWhiteSpace(this ReadOnlySpan<char> span)
        {
            for (int i = 0; i < span.Length; i++) if (!char.IsWhiteSpace(span[i])) return false;
            return true;
        }

        private static void ThrowStartOutOfRange() =>
            throw new ArgumentOutOfRangeException("start");
    }
}
