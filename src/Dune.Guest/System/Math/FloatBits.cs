namespace System
{
    /// <summary>Exact operations on the IEEE 754 encodings of double and float.</summary>
    internal static class FloatBits
    {
        internal enum Direction { NearestEven, TowardZero, Down, Up }

        /// <summary>Rounds to an integral value in the given direction, keeping the sign of zero.</summary>
        internal static double RoundToIntegral(double x, Direction direction)
        {
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exponent >= 52) return x; // already integral, infinite or NaN
            bool negative = (long)bits < 0;
            if (exponent < 0)
            {
                if ((bits << 1) == 0) return x;
                bool up = direction switch
                {
                    Direction.NearestEven => exponent == -1 && (bits & 0xFFFFFFFFFFFFFUL) != 0, // above one half
                    Direction.Down => negative,
                    Direction.Up => !negative,
                    _ => false,
                };
                return BitConverter.Int64BitsToDouble((long)((bits & 0x8000000000000000UL) | (up ? 0x3FF0000000000000UL : 0)));
            }
            ulong fractionMask = 0xFFFFFFFFFFFFFUL >> exponent;
            ulong fraction = bits & fractionMask;
            if (fraction == 0) return x;
            ulong truncated = bits & ~fractionMask;
            ulong unit = fractionMask + 1;
            bool roundAway = direction switch
            {
                Direction.NearestEven => fraction > unit >> 1 || (fraction == unit >> 1 && (truncated & unit) != 0),
                Direction.Down => negative,
                Direction.Up => !negative,
                _ => false,
            };
            // Adding one unit to the magnitude carries into the exponent correctly.
            return BitConverter.Int64BitsToDouble((long)(roundAway ? truncated + unit : truncated));
        }

        internal static float RoundToIntegral(float x, Direction direction)
        {
            uint bits = (uint)BitConverter.SingleToInt32Bits(x);
            int exponent = (int)((bits >> 23) & 0xFF) - 127;
            if (exponent >= 23) return x;
            bool negative = (int)bits < 0;
            if (exponent < 0)
            {
                if ((bits << 1) == 0) return x;
                bool up = direction switch
                {
                    Direction.NearestEven => exponent == -1 && (bits & 0x7FFFFF) != 0,
                    Direction.Down => negative,
                    Direction.Up => !negative,
                    _ => false,
                };
                return BitConverter.Int32BitsToSingle((int)((bits & 0x80000000U) | (up ? 0x3F800000U : 0)));
            }
            uint fractionMask = 0x7FFFFFU >> exponent;
            uint fraction = bits & fractionMask;
            if (fraction == 0) return x;
            uint truncated = bits & ~fractionMask;
            uint unit = fractionMask + 1;
            bool roundAway = direction switch
            {
                Direction.NearestEven => fraction > unit >> 1 || (fraction == unit >> 1 && (truncated & unit) != 0),
                Direction.Down => negative,
                Direction.Up => !negative,
                _ => false,
            };
            return BitConverter.Int32BitsToSingle((int)(roundAway ? truncated + unit : truncated));
        }
    }
}
