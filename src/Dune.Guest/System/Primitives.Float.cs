namespace System
{
    /// <summary>Constants and classification of double (IEEE 754 binary64), decided on the bits.</summary>
    public partial struct Double
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = 0.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NegativeZero = -0.0;
        public const double E = Math.E;
        public const double Pi = Math.PI;
        public const double Tau = Math.Tau;

        public static bool IsNaN(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) > 0x7FF0000000000000;
        public static bool IsInfinity(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) == 0x7FF0000000000000;
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & long.MaxValue) < 0x7FF0000000000000;
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;
        public static bool IsPositive(double d) => BitConverter.DoubleToInt64Bits(d) >= 0;
        public static bool IsNormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & long.MaxValue;
            return bits >= 0x0010000000000000 && bits < 0x7FF0000000000000;
        }
        public static bool IsSubnormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & long.MaxValue;
            return bits != 0 && bits < 0x0010000000000000;
        }
        public static bool IsInteger(double d) => IsFinite(d) && d == Math.Truncate(d);
        public static bool IsEvenInteger(double d) => IsInteger(d) && Math.Abs(d % 2) == 0;
        public static bool IsOddInteger(double d) => IsInteger(d) && Math.Abs(d % 2) == 1;
        public static bool IsPow2(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            if (bits <= 0) return false;
            long exponent = bits >> 52, significand = bits & 0xFFFFFFFFFFFFF;
            if (exponent == 0) return (significand & (significand - 1)) == 0;
            return exponent != 0x7FF && significand == 0;
        }
    }

    /// <summary>Constants and classification of float (IEEE 754 binary32), decided on the bits.</summary>
    public partial struct Single
    {
        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NaN = 0.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NegativeZero = -0.0f;
        public const float E = MathF.E;
        public const float Pi = MathF.PI;
        public const float Tau = MathF.Tau;

        public static bool IsNaN(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) > 0x7F800000;
        public static bool IsInfinity(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) == 0x7F800000;
        public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;
        public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;
        public static bool IsFinite(float f) => (BitConverter.SingleToInt32Bits(f) & int.MaxValue) < 0x7F800000;
        public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;
        public static bool IsPositive(float f) => BitConverter.SingleToInt32Bits(f) >= 0;
        public static bool IsNormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & int.MaxValue;
            return bits >= 0x00800000 && bits < 0x7F800000;
        }
        public static bool IsSubnormal(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f) & int.MaxValue;
            return bits != 0 && bits < 0x00800000;
        }
        public static bool IsInteger(float f) => IsFinite(f) && f == MathF.Truncate(f);
        public static bool IsPow2(float f)
        {
            int bits = BitConverter.SingleToInt32Bits(f);
            if (bits <= 0) return false;
            int exponent = bits >> 23, significand = bits & 0x7FFFFF;
            if (exponent == 0) return (significand & (significand - 1)) == 0;
            return exponent != 0xFF && significand == 0;
        }
    }
}
