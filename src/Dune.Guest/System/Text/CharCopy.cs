using System.Runtime.CompilerServices;

namespace System.Text
{
    /// <summary>Bulk moves of UTF-16 code units (overlapping ranges allowed): one memmove instead of a char loop.</summary>
    internal static class CharCopy
    {
        public static void Move(ref char destination, ref char source, int count)
        {
            if (count > 0)
                SpanHelpers.Memmove(ref Unsafe.As<char, byte>(ref destination), ref Unsafe.As<char, byte>(ref source), (nuint)count * 2);
        }

        public static void Move(ref char destination, ReadOnlySpan<char> source) =>
            Move(ref destination, ref Unsafe.AsRef(in source.GetPinnableReference()), source.Length);
    }
}
