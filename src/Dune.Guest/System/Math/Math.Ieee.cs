using System.Numerics;

using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>IEEE 754 operations that are exact (sign, neighbours, scaling, remainders, fused multiply-add).</summary>
    public static partial class Math
    {
        /// <summary>RyuJIT always emits sqrtsd for this call on x64 (correctly rounded, as IEEE 754 requires).</summary>
        [Intrinsic] public static double Sqrt(double d) => Sqrt(d);

        public static double CopySign(double x, double y) =>
            BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(y) & long.MinValue));

        public static double BitIncrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if ((bits & 0x7FF0000000000000) >= 0x7FF0000000000000) return bits == unchecked((long)0xFFF0000000000000) ? double.MinValue : x;
            if (bits == unchecked((long)0x8000000000000000)) return double.Epsilon;
            return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? -1 : 1));
        }

        public static double BitDecrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if ((bits & 0x7FF0000000000000) >= 0x7FF0000000000000) return bits == 0x7FF0000000000000 ? double.MaxValue : x;
            if (bits == 0) return -double.Epsilon;
            return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? 1 : -1));
        }

        /// <summary>x * 2^n rounded once: large scalings go in steps that cannot lose bits before the last multiply.</summary>
        public static double ScaleB(double x, int n)
        {
            const double TwoTo1023 = 8.98846567431158E+307, TwoToMinus969 = 2.2250738585072014E-308 * 9007199254740992.0;
            double y = x;
            if (n > 1023)
            {
                y *= TwoTo1023; n -= 1023;
                if (n > 1023) { y *= TwoTo1023; n -= 1023; if (n > 1023) n = 1023; }
            }
            else if (n < -1022)
            {
                // Stay 53 bits above the subnormal range so only the final multiply rounds.
                y *= TwoToMinus969; n += 1022 - 53;
                if (n < -1022) { y *= TwoToMinus969; n += 1022 - 53; if (n < -1022) n = -1022; }
            }
            return y * BitConverter.Int64BitsToDouble((long)(0x3FF + n) << 52);
        }

        public static int ILogB(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
            int exponent = (int)(bits >> 52);
            if (exponent == 0x7FF) return int.MaxValue;
            if (exponent != 0) return exponent - 1023;
            if (bits == 0) return int.MinValue;
            return -1023 - (BitOperations.LeadingZeroCount((ulong)bits) - 12);
        }

        public static double MaxMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax > ay || double.IsNaN(ax)) return x;
            if (ax == ay) return double.IsNegative(x) ? y : x;
            return y;
        }

        public static double MinMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax < ay || double.IsNaN(ax)) return x;
            if (ax == ay) return double.IsNegative(x) ? x : y;
            return y;
        }

        /// <summary>
        /// .NET's definition: the remainder of x % y or the one on the other side of zero, whichever is smaller in
        /// magnitude; on a tie the one whose quotient x / y rounds to even.
        /// </summary>
        public static double IEEERemainder(double x, double y)
        {
            if (double.IsNaN(x)) return x;
            if (double.IsNaN(y)) return y;
            double mod = x % y;
            if (double.IsNaN(mod)) return double.NaN;
            if (mod == 0 && double.IsNegative(x)) return double.NegativeZero;
            double other = mod - Abs(y) * Sign(x);
            if (Abs(other) == Abs(mod))
            {
                double quotient = x / y;
                return Abs(Round(quotient)) > Abs(quotient) ? other : mod;
            }
            return Abs(other) < Abs(mod) ? other : mod;
        }

        [Intrinsic] public static double FusedMultiplyAdd(double x, double y, double z) => SoftFma.Fma(x, y, z);
    }

    public static partial class MathF
    {
        [Intrinsic] public static float Sqrt(float x) => Sqrt(x);

        public static float CopySign(float x, float y) =>
            BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(x) & int.MaxValue) | (BitConverter.SingleToInt32Bits(y) & int.MinValue));

        public static float BitIncrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F800000) >= 0x7F800000) return bits == unchecked((int)0xFF800000) ? float.MinValue : x;
            if (bits == int.MinValue) return float.Epsilon;
            return BitConverter.Int32BitsToSingle(bits + (bits < 0 ? -1 : 1));
        }

        public static float BitDecrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F800000) >= 0x7F800000) return bits == 0x7F800000 ? float.MaxValue : x;
            if (bits == 0) return -float.Epsilon;
            return BitConverter.Int32BitsToSingle(bits + (bits < 0 ? 1 : -1));
        }

        public static float ScaleB(float x, int n)
        {
            const float TwoTo127 = 1.7014118e38f, TwoToMinus102 = 1.1754944e-38f * 16777216f;
            float y = x;
            if (n > 127)
            {
                y *= TwoTo127; n -= 127;
                if (n > 127) { y *= TwoTo127; n -= 127; if (n > 127) n = 127; }
            }
            else if (n < -126)
            {
                y *= TwoToMinus102; n += 126 - 24;
                if (n < -126) { y *= TwoToMinus102; n += 126 - 24; if (n < -126) n = -126; }
            }
            return y * BitConverter.Int32BitsToSingle((0x7F + n) << 23);
        }

        public static int ILogB(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x) & int.MaxValue;
            int exponent = bits >> 23;
            if (exponent == 0xFF) return int.MaxValue;
            if (exponent != 0) return exponent - 127;
            if (bits == 0) return int.MinValue;
            return -127 - (BitOperations.LeadingZeroCount((uint)bits) - 9);
        }

        public static float MaxMagnitude(float x, float y)
        {
            float ax = Abs(x), ay = Abs(y);
            if (ax > ay || float.IsNaN(ax)) return x;
            if (ax == ay) return float.IsNegative(x) ? y : x;
            return y;
        }

        public static float MinMagnitude(float x, float y)
        {
            float ax = Abs(x), ay = Abs(y);
            if (ax < ay || float.IsNaN(ax)) return x;
            if (ax == ay) return float.IsNegative(x) ? x : y;
            return y;
        }

        public static float IEEERemainder(float x, float y)
        {
            if (float.IsNaN(x)) return x;
            if (float.IsNaN(y)) return y;
            float mod = x % y;
            if (float.IsNaN(mod)) return float.NaN;
            if (mod == 0 && float.IsNegative(x)) return float.NegativeZero;
            float other = mod - Abs(y) * Sign(x);
            if (Abs(other) == Abs(mod))
            {
                float quotient = x / y;
                return Abs(Round(quotient)) > Abs(quotient) ? other : mod;
            }
            return Abs(other) < Abs(mod) ? other : mod;
        }

                [Intrinsic] public static float FusedMultiplyAdd(float x, float y, float z) => SoftFma.Fma(x, y, z);
    }
}
