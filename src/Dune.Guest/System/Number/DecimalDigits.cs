using System.Runtime.CompilerServices;

namespace System
{
    internal static partial class Number
    {
        // "00" "01" ... "99": two digits per division by 100.
        private const string TwoDigits = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

        /// <summary>Number of decimal digits of <paramref name="value"/> (1 for 0).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static int CountDigits(ulong value) => value <= uint.MaxValue ? CountDigits((uint)value) : CountLongDigits(value);

        private static int CountLongDigits(ulong value)
        {
            int n = 10;
            for (ulong bound = 10_000_000_000; n < 20 && value >= bound; bound *= 10) n++;
            return n;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static int CountDigits(uint value) =>
            value < 100000
                ? (value < 100 ? (value < 10 ? 1 : 2) : value < 1000 ? 3 : value < 10000 ? 4 : 5)
                : value < 10000000 ? (value < 1000000 ? 6 : 7) : value < 100000000 ? 8 : value < 1000000000 ? 9 : 10;

        /// <summary>Decimal digits of <paramref name="value"/>, zero-padded to at least <paramref name="minDigits"/>.</summary>
        internal static void AppendDecimal(ref FormatBuffer sb, ulong value, int minDigits)
        {
            int n = CountDigits(value);
            if (n < minDigits) n = minDigits;
            WriteDigits(ref sb.AppendSpan(n).GetPinnableReference(), n, value);
        }

        /// <summary>
        /// Writes <paramref name="value"/> right-aligned into the <paramref name="length"/> characters at
        /// <paramref name="start"/>, zeros before it; <paramref name="length"/> must be at least <see cref="CountDigits(ulong)"/>.
        /// </summary>
        internal static void WriteDigits(ref char start, int length, ulong value)
        {
            int i = length;
            while (value > uint.MaxValue)
            {
                ulong quotient = value / 100;
                i -= 2;
                WriteTwoDigits(ref Unsafe.Add(ref start, i), (uint)(value - quotient * 100));
                value = quotient;
            }
            uint small = (uint)value;
            while (small >= 100)
            {
                uint quotient = small / 100;
                i -= 2;
                WriteTwoDigits(ref Unsafe.Add(ref start, i), small - quotient * 100);
                small = quotient;
            }
            if (small >= 10)
            {
                i -= 2;
                WriteTwoDigits(ref Unsafe.Add(ref start, i), small);
            }
            else
            {
                Unsafe.Add(ref start, --i) = (char)('0' + small);
            }
            while (i > 0) Unsafe.Add(ref start, --i) = '0';
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void WriteTwoDigits(ref char destination, uint value) =>
            Unsafe.As<char, uint>(ref destination) = Unsafe.As<char, uint>(ref Unsafe.Add(ref TwoDigits.FirstChar, (int)value * 2));

        /// <summary>Hexadecimal or binary digits of <paramref name="value"/> right-aligned in the <paramref name="length"/>
        /// characters at <paramref name="start"/>.</summary>
        internal static void WriteBitDigits(ref char start, int length, ulong value, int bitsPerDigit, bool lowerCase)
        {
            ref char digits = ref (lowerCase ? "0123456789abcdef" : "0123456789ABCDEF").FirstChar;
            ulong mask = (1UL << bitsPerDigit) - 1;
            for (int i = length - 1; i >= 0; i--)
            {
                Unsafe.Add(ref start, i) = Unsafe.Add(ref digits, (int)(value & mask));
                value >>= bitsPerDigit;
            }
        }

        /// <summary>Number of hexadecimal (4 bits per digit) or binary (1) digits of <paramref name="value"/> (1 for 0).</summary>
        internal static int CountBitDigits(ulong value, int bitsPerDigit)
        {
            int log2 = Numerics.BitOperations.Log2(value);
            return (bitsPerDigit == 4 ? log2 >> 2 : log2) + 1;
        }
    }
}
