using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// An unevaluated sum hi + lo of two doubles (about 106 bits): the working precision of the elementary
    /// functions, so that rounding the final hi + lo once gives the correctly rounded result in all but rare cases.
    /// </summary>
    internal readonly struct DoubleDouble
    {
        public readonly double Hi, Lo;

        public DoubleDouble(double hi, double lo) { Hi = hi; Lo = lo; }

        public static implicit operator DoubleDouble(double d) => new DoubleDouble(d, 0);

        public double Value => Hi + Lo;

        /// <summary>Exact sum a + b = s + error (Knuth's TwoSum).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble TwoSum(double a, double b)
        {
            double s = a + b;
            double bb = s - a;
            return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static DoubleDouble FastTwoSum(double a, double b)
        {
            double s = a + b;
            return new DoubleDouble(s, b - (s - a));
        }

        /// <summary>Exact product a * b = p + error, by Dekker's splitting (no FMA instruction assumed).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble TwoProduct(double a, double b)
        {
            double p = a * b;
            Split(a, out double ah, out double al);
            Split(b, out double bh, out double bl);
            return new DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Split(double a, out double hi, out double lo)
        {
            const double Splitter = 134217729.0; // 2^27 + 1
            bool big = Math.Abs(a) > 6.69692879491417e+299;
            if (big) a *= 3.7252902984619140625e-09; // 2^-28 keeps the split from overflowing
            double t = Splitter * a;
            hi = t - (t - a);
            lo = a - hi;
            if (big) { hi *= 268435456.0; lo *= 268435456.0; }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble s = TwoSum(a.Hi, b.Hi);
            DoubleDouble t = TwoSum(a.Lo, b.Lo);
            s = FastTwoSum(s.Hi, s.Lo + t.Hi);
            return FastTwoSum(s.Hi, s.Lo + t.Lo);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble operator -(DoubleDouble a) => new DoubleDouble(-a.Hi, -a.Lo);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble p = TwoProduct(a.Hi, b.Hi);
            return FastTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static DoubleDouble operator *(DoubleDouble a, double b)
        {
            DoubleDouble p = TwoProduct(a.Hi, b);
            return FastTwoSum(p.Hi, p.Lo + a.Lo * b);
        }

        public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
        {
            // Long division: two correction steps on the double quotient.
            double q1 = a.Hi / b.Hi;
            DoubleDouble r = a - b * q1;
            double q2 = r.Hi / b.Hi;
            r -= b * q2;
            double q3 = r.Hi / b.Hi;
            return FastTwoSum(q1, q2) + q3;
        }

        public static DoubleDouble Sqrt(DoubleDouble a)
        {
            if (a.Hi <= 0) return new DoubleDouble(Math.Sqrt(a.Hi), 0);
            double s = Math.Sqrt(a.Hi);
            DoubleDouble e = a - TwoProduct(s, s);
            return FastTwoSum(s, e.Hi / (2 * s));
        }

        /// <summary>Multiplies by 2^n exactly (both parts stay normal in the ranges used here).</summary>
        public DoubleDouble Scale(int n) => new DoubleDouble(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));
    }
}
