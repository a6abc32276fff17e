using System.Runtime.CompilerServices;

namespace System.Text
{
    /// <summary>Ordinal comparisons and searches over UTF-16 spans, shared by string and StringBuilder.</summary>
    internal static class StringSearch
    {
        public static bool SameChars(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (a.Length != b.Length) return false;
            ref char pa = ref Unsafe.AsRef(in a.GetPinnableReference());
            ref char pb = ref Unsafe.AsRef(in b.GetPinnableReference());
            int i = 0;
            // Four characters at a time as one 64-bit compare.
            for (; i + 4 <= a.Length; i += 4)
                if (Unsafe.As<char, ulong>(ref Unsafe.Add(ref pa, i)) != Unsafe.As<char, ulong>(ref Unsafe.Add(ref pb, i))) return false;
            for (; i < a.Length; i++)
                if (Unsafe.Add(ref pa, i) != Unsafe.Add(ref pb, i)) return false;
            return true;
        }

        /// <summary>First index of <paramref name="value"/> in <paramref name="text"/>, or -1; an empty value is found at 0.</summary>
        public static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
        {
            if (value.Length == 0) return 0;
            char first = value[0];
            ReadOnlySpan<char> rest = value.Slice(1);
            int last = text.Length - value.Length;
            for (int i = 0; i <= last; i++)
                if (text[i] == first && SameChars(text.Slice(i + 1, rest.Length), rest)) return i;
            return -1;
        }

        /// <summary>Last index of <paramref name="value"/> in <paramref name="text"/>, or -1; an empty value is found at the end.</summary>
        public static int LastIndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
        {
            if (value.Length == 0) return text.Length;
            char first = value[0];
            ReadOnlySpan<char> rest = value.Slice(1);
            for (int i = text.Length - value.Length; i >= 0; i--)
                if (text[i] == first && SameChars(text.Slice(i + 1, rest.Length), rest)) return i;
            return -1;
        }

        public static int IndexOf(ReadOnlySpan<char> text, char c)
        {
            ref char p = ref Unsafe.AsRef(in text.GetPinnableReference());
            for (int i = 0; i < text.Length; i++) if (Unsafe.Add(ref p, i) == c) return i;
            return -1;
        }

        public static int LastIndexOf(ReadOnlySpan<char> text, char c)
        {
            ref char p = ref Unsafe.AsRef(in text.GetPinnableReference());
            for (int i = text.Length - 1; i >= 0; i--) if (Unsafe.Add(ref p, i) == c) return i;
            return -1;
        }
    }
}
