using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Word-at-a-time search and comparison for the span extension methods.</summary>
    internal static unsafe class SpanSearch
    {
        private const ulong Ones = 0x0101010101010101UL, Highs = 0x8080808080808080UL;

        internal static int IndexOfByte(ref byte start, int length, byte value)
        {
            int i = 0;
            ulong pattern = Ones * value;
            for (; i + 8 <= length; i += 8)
            {
                // A zero byte in (word ^ pattern) marks a match; the classic has-zero-byte test finds one.
                ulong x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)) ^ pattern;
                if (((x - Ones) & ~x & Highs) != 0) break;
            }
            for (; i < length; i++)
                if (Unsafe.Add(ref start, i) == value) return i;
            return -1;
        }

        internal static int IndexOfChar(ref char start, int length, char value)
        {
            const ulong CharOnes = 0x0001000100010001UL, CharHighs = 0x8000800080008000UL;
            int i = 0;
            ulong pattern = CharOnes * value;
            for (; i + 4 <= length; i += 4)
            {
                ulong x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, i))) ^ pattern;
                if (((x - CharOnes) & ~x & CharHighs) != 0) break;
            }
            for (; i < length; i++)
                if (Unsafe.Add(ref start, i) == value) return i;
            return -1;
        }

        internal static bool BytesEqual(ref byte a, ref byte b, nuint length)
        {
            nuint i = 0;
            for (; i + 8 <= length; i += 8)
                if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref a, (nint)i)) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, (nint)i))) return false;
            for (; i < length; i++)
                if (Unsafe.Add(ref a, (nint)i) != Unsafe.Add(ref b, (nint)i)) return false;
            return true;
        }

        /// <summary>Integer-like primitives and enums, whose equality is equality of their bytes (not float: NaN and -0).</summary>
        internal static bool IsBitwiseEquatable<T>()
        {
            Internal.Runtime.MethodTable* mt = Internal.Runtime.MethodTable.Of<T>();
            ElementType e = mt->ElementType;
            return mt->IsValueType && e >= ElementType.Boolean && e <= ElementType.UIntPtr;
        }
    }

    /// <summary>Element equality for the span methods: EqualityComparer&lt;T&gt;.Default, as .NET compares.</summary>
    internal static class SpanEquality
    {
        internal static bool AreEqual<T>(T a, T b) => System.Collections.Generic.EqualityComparer<T>.Default.Equals(a, b);
    }
}
