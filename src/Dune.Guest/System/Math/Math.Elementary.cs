namespace System
{
    /// <summary>Exponential, logarithmic, power, trigonometric and hyperbolic functions (computed by <see cref="Libm"/>).</summary>
    public static partial class Math
    {
        public static double Exp(double d) => Libm.Exp(d);
        public static double Log(double d) => Libm.Log(d);
        public static double Log2(double x) => Libm.Log2(x);
        public static double Log10(double d) => Libm.Log10(d);
        public static double Pow(double x, double y) => Libm.Pow(x, y);
        public static double Cbrt(double d) => Libm.Cbrt(d);
        public static double Sin(double a) => Libm.Sin(a);
        public static double Cos(double d) => Libm.Cos(d);
        public static double Tan(double a) => Libm.Tan(a);
        public static double Asin(double d) => Libm.Asin(d);
        public static double Acos(double d) => Libm.Acos(d);
        public static double Atan(double d) => Libm.Atan(d);
        public static double Atan2(double y, double x) => Libm.Atan2(y, x);
        public static double Sinh(double value) => Libm.Sinh(value);
        public static double Cosh(double value) => Libm.Cosh(value);
        public static double Tanh(double value) => Libm.Tanh(value);
        public static double Asinh(double d) => Libm.Asinh(d);
        public static double Acosh(double d) => Libm.Acosh(d);
        public static double Atanh(double d) => Libm.Atanh(d);

        /// <summary>As .NET defines it: the quotient of two rounded natural logarithms, after its special cases.</summary>
        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a)) return a;
            if (double.IsNaN(newBase)) return newBase;
            if (newBase == 1) return double.NaN;
            if (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))) return double.NaN;
            return Log(a) / Log(newBase);
        }
    }

    /// <summary>Single-precision versions: the double result (correctly rounded) narrowed to float.</summary>
    public static partial class MathF
    {
        public static float Exp(float x) => (float)Libm.Exp(x);
        public static float Log(float x) => (float)Libm.Log(x);
        public static float Log2(float x) => (float)Libm.Log2(x);
        public static float Log10(float x) => (float)Libm.Log10(x);
        public static float Pow(float x, float y) => (float)Libm.Pow(x, y);
        public static float Cbrt(float x) => (float)Libm.Cbrt(x);
        public static float Sin(float x) => (float)Libm.Sin(x);
        public static float Cos(float x) => (float)Libm.Cos(x);
        public static float Tan(float x) => (float)Libm.Tan(x);
        public static float Asin(float x) => (float)Libm.Asin(x);
        public static float Acos(float x) => (float)Libm.Acos(x);
        public static float Atan(float x) => (float)Libm.Atan(x);
        public static float Atan2(float y, float x) => (float)Libm.Atan2(y, x);
        public static float Sinh(float x) => (float)Libm.Sinh(x);
        public static float Cosh(float x) => (float)Libm.Cosh(x);
        public static float Tanh(float x) => (float)Libm.Tanh(x);
        public static float Asinh(float x) => (float)Libm.Asinh(x);
        public static float Acosh(float x) => (float)Libm.Acosh(x);
        public static float Atanh(float x) => (float)Libm.Atanh(x);

        public static float Log(float x, float y)
        {
            if (float.IsNaN(x)) return x;
            if (float.IsNaN(y)) return y;
            if (y == 1) return float.NaN;
            if (x != 1 && (y == 0 || float.IsPositiveInfinity(y))) return float.NaN;
            return Log(x) / Log(y);
        }
    }
}
