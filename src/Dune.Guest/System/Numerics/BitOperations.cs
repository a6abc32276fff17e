using System.Runtime.CompilerServices;

namespace System.Numerics
{
    /// <summary>Bit counting and rotation on unsigned integers (portable code; no lzcnt/popcnt assumed).</summary>
    public static class BitOperations
    {
        public static bool IsPow2(int value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(uint value) => (value & (value - 1)) == 0 && value != 0;
        public static bool IsPow2(long value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(ulong value) => (value & (value - 1)) == 0 && value != 0;
        public static bool IsPow2(nint value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(nuint value) => (value & (value - 1)) == 0 && value != 0;

        public static uint RoundUpToPowerOf2(uint value)
        {
            --value;
            value |= value >> 1; value |= value >> 2; value |= value >> 4; value |= value >> 8; value |= value >> 16;
            return value + 1;
        }

        public static ulong RoundUpToPowerOf2(ulong value)
        {
            --value;
            value |= value >> 1; value |= value >> 2; value |= value >> 4; value |= value >> 8; value |= value >> 16; value |= value >> 32;
            return value + 1;
        }

        public static nuint RoundUpToPowerOf2(nuint value) => (nuint)RoundUpToPowerOf2((ulong)value);

        public static int LeadingZeroCount(uint value) => value == 0 ? 32 : 31 - Log2(value);
        public static int LeadingZeroCount(ulong value) => value == 0 ? 64 : 63 - Log2(value);
        public static int LeadingZeroCount(nuint value) => LeadingZeroCount((ulong)value);

        /// <summary>Index of the highest set bit (0 for 0, as .NET defines it), by binary search.</summary>
        public static int Log2(uint value)
        {
            int n = 0;
            if (value >= 1U << 16) { value >>= 16; n += 16; }
            if (value >= 1U << 8) { value >>= 8; n += 8; }
            if (value >= 1U << 4) { value >>= 4; n += 4; }
            if (value >= 1U << 2) { value >>= 2; n += 2; }
            if (value >= 1U << 1) n += 1;
            return n;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Log2(ulong value)
        {
            uint high = (uint)(value >> 32);
            return high != 0 ? 32 + Log2(high) : Log2((uint)value);
        }

        public static int Log2(nuint value) => Log2((ulong)value);

        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);
        public static int TrailingZeroCount(uint value) => value == 0 ? 32 : Log2(value & (uint)-(int)value);
        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);
        public static int TrailingZeroCount(ulong value) => value == 0 ? 64 : Log2(value & (ulong)-(long)value);
        public static int TrailingZeroCount(nint value) => TrailingZeroCount((ulong)value);
        public static int TrailingZeroCount(nuint value) => TrailingZeroCount((ulong)value);

        public static int PopCount(uint value)
        {
            value -= (value >> 1) & 0x55555555;
            value = (value & 0x33333333) + ((value >> 2) & 0x33333333);
            value = (value + (value >> 4)) & 0x0F0F0F0F;
            return (int)((value * 0x01010101) >> 24);
        }

        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }

        public static int PopCount(nuint value) => PopCount((ulong)value);

        public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));
        public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));
        public static nuint RotateLeft(nuint value, int offset) => (nuint)RotateLeft((ulong)value, offset);
        public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));
        public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));
        public static nuint RotateRight(nuint value, int offset) => (nuint)RotateRight((ulong)value, offset);
    }
}
