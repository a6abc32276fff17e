using System.Runtime.CompilerServices;

namespace System
{
    public enum MidpointRounding { ToEven = 0, AwayFromZero = 1, ToZero = 2, ToNegativeInfinity = 3, ToPositiveInfinity = 4 }

    /// <summary>
    /// Rounding to integers. RyuJIT turns the [Intrinsic] ones into roundsd when the target has SSE4.1; otherwise
    /// it calls these bodies, which work on the bits (exact, so both give the same results).
    /// </summary>
    public static partial class Math
    {
        private const int MaxRoundingDigits = 15;
        private const double DoubleRoundLimit = 1e16;

        [Intrinsic] public static double Floor(double d) => FloatBits.RoundToIntegral(d, FloatBits.Direction.Down);
        [Intrinsic] public static double Ceiling(double a) => FloatBits.RoundToIntegral(a, FloatBits.Direction.Up);
        [Intrinsic] public static double Truncate(double d) => FloatBits.RoundToIntegral(d, FloatBits.Direction.TowardZero);
        [Intrinsic] public static double Round(double a) => FloatBits.RoundToIntegral(a, FloatBits.Direction.NearestEven);

        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);
        public static double Round(double value, MidpointRounding mode) => Round(value, 0, mode);

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > MaxRoundingDigits)
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
            CheckMode(mode);
            // .NET scales by 10^digits and rounds the product; values this large have no fractional digits to round.
            if (Abs(value) < DoubleRoundLimit)
            {
                double power10 = Power10(digits);
                value = RoundIntegral(value * power10, mode) / power10;
            }
            return value;
        }

        private static double RoundIntegral(double value, MidpointRounding mode)
        {
            switch (mode)
            {
                case MidpointRounding.ToEven: return Round(value);
                case MidpointRounding.AwayFromZero:
                    double whole = Truncate(value);
                    double fraction = value - whole; // exact
                    return Abs(fraction) >= 0.5 ? whole + Sign(fraction) : whole;
                case MidpointRounding.ToZero: return Truncate(value);
                case MidpointRounding.ToNegativeInfinity: return Floor(value);
                default: return Ceiling(value);
            }
        }

        internal static void CheckMode(MidpointRounding mode)
        {
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
                throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.", "mode");
        }

        private static double Power10(int digits)
        {
            double p = 1;
            for (int i = 0; i < digits; i++) p *= 10; // exact: 10^15 < 2^53
            return p;
        }
    }

    public static partial class MathF
    {
        private const int MaxRoundingDigits = 6;
        private const float SingleRoundLimit = 1e8f;

        [Intrinsic] public static float Floor(float x) => FloatBits.RoundToIntegral(x, FloatBits.Direction.Down);
        [Intrinsic] public static float Ceiling(float x) => FloatBits.RoundToIntegral(x, FloatBits.Direction.Up);
        [Intrinsic] public static float Truncate(float x) => FloatBits.RoundToIntegral(x, FloatBits.Direction.TowardZero);
        [Intrinsic] public static float Round(float x) => FloatBits.RoundToIntegral(x, FloatBits.Direction.NearestEven);

        public static float Round(float x, int digits) => Round(x, digits, MidpointRounding.ToEven);
        public static float Round(float x, MidpointRounding mode) => Round(x, 0, mode);

        public static float Round(float x, int digits, MidpointRounding mode)
        {
            if ((uint)digits > MaxRoundingDigits)
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 6, inclusive.");
            Math.CheckMode(mode);
            if (Abs(x) < SingleRoundLimit)
            {
                float power10 = 1;
                for (int i = 0; i < digits; i++) power10 *= 10;
                x *= power10;
                switch (mode)
                {
                    case MidpointRounding.ToEven: x = Round(x); break;
                    case MidpointRounding.AwayFromZero:
                        float whole = Truncate(x);
                        float fraction = x - whole;
                        x = Abs(fraction) >= 0.5f ? whole + Sign(fraction) : whole;
                        break;
                    case MidpointRounding.ToZero: x = Truncate(x); break;
                    case MidpointRounding.ToNegativeInfinity: x = Floor(x); break;
                    default: x = Ceiling(x); break;
                }
                x /= power10;
            }
            return x;
        }
    }
}
