namespace System.Runtime.CompilerServices
{
    /// <summary>Stands in for the guest runtime's attribute so the elementary functions compile on .NET.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class EagerStaticClassConstructionAttribute : Attribute { }
}

namespace Dune.Guest.Tests.Libm
{
    /// <summary>
    /// The guest's elementary functions against glibc's libm (what System.Math calls on Linux): never more than
    /// one unit in the last place apart (glibc's fdlibm-based hyperbolic functions and cbrt: two), and identical for all but a small fraction of inputs (the ones where
    /// glibc is not correctly rounded). The quick exp/log phase must agree with the full double-double evaluation.
    /// </summary>
    public class LibmTests
    {
        private ulong _state = 0x9E3779B97F4A7C15UL;

        private double Uniform(double lo, double hi)
        {
            _state ^= _state << 13; _state ^= _state >> 7; _state ^= _state << 17;
            return lo + (hi - lo) * ((_state >> 11) * (1.0 / 9007199254740992.0));
        }

        private static long UlpDistance(double a, double b)
        {
            long x = BitConverter.DoubleToInt64Bits(a), y = BitConverter.DoubleToInt64Bits(b);
            if (x < 0) x = long.MinValue - x;
            if (y < 0) y = long.MinValue - y;
            return System.Math.Abs(x - y);
        }

        private void AgreesWithGlibc(Func<double, double> guest, Func<double, double> glibc, double lo, double hi, double maxMismatchFraction, int maxUlps = 1)
        {
            const int N = 20000;
            int mismatches = 0;
            for (int i = 0; i < N; i++)
            {
                double x = Uniform(lo, hi);
                double a = guest(x), b = glibc(x);
                Assert.True(UlpDistance(a, b) <= maxUlps, $"x={x:R}: {a:R} vs glibc {b:R}");
                if (a != b) mismatches++;
            }
            Assert.True(mismatches <= N * maxMismatchFraction, $"{mismatches} of {N} differ from glibc");
        }

        [Fact] public void Exp() => AgreesWithGlibc(System.Libm.Exp, System.Math.Exp, -740, 709, 0.005);
        [Fact] public void Log() => AgreesWithGlibc(System.Libm.Log, System.Math.Log, 1e-300, 1e300, 0.005);
        [Fact] public void LogNearOne() => AgreesWithGlibc(System.Libm.Log, System.Math.Log, 0.5, 2, 0.005);
        [Fact] public void Log2() => AgreesWithGlibc(System.Libm.Log2, System.Math.Log2, 1e-10, 1e10, 0.005);
        [Fact] public void Log10() => AgreesWithGlibc(System.Libm.Log10, System.Math.Log10, 1e-10, 1e10, 0.01);
        [Fact] public void Pow() => AgreesWithGlibc(x => System.Libm.Pow(x, 2.7), x => System.Math.Pow(x, 2.7), 0, 1000, 0.005);
        [Fact] public void Sin() => AgreesWithGlibc(System.Libm.Sin, System.Math.Sin, -100, 100, 0.005);
        [Fact] public void SinHuge() => AgreesWithGlibc(System.Libm.Sin, System.Math.Sin, -1e300, 1e300, 0.005);
        [Fact] public void Cos() => AgreesWithGlibc(System.Libm.Cos, System.Math.Cos, -100, 100, 0.005);
        [Fact] public void Tan() => AgreesWithGlibc(System.Libm.Tan, System.Math.Tan, -100, 100, 0.005);
        [Fact] public void Atan() => AgreesWithGlibc(System.Libm.Atan, System.Math.Atan, -50, 50, 0.005);
        [Fact] public void Asin() => AgreesWithGlibc(System.Libm.Asin, System.Math.Asin, -1, 1, 0.005);
        [Fact] public void Acos() => AgreesWithGlibc(System.Libm.Acos, System.Math.Acos, -1, 1, 0.005);
        // glibc's hyperbolic functions and cbrt are not correctly rounded (fdlibm, errors up to 2 ulps): only the bound holds.
        [Fact] public void Sinh() => AgreesWithGlibc(System.Libm.Sinh, System.Math.Sinh, -20, 20, 1, 2);
        [Fact] public void Cosh() => AgreesWithGlibc(System.Libm.Cosh, System.Math.Cosh, -20, 20, 1, 2);
        [Fact] public void Tanh() => AgreesWithGlibc(System.Libm.Tanh, System.Math.Tanh, -5, 5, 1, 2);
        [Fact] public void Asinh() => AgreesWithGlibc(System.Libm.Asinh, System.Math.Asinh, -100, 100, 1, 2);
        [Fact] public void Acosh() => AgreesWithGlibc(System.Libm.Acosh, System.Math.Acosh, 1, 100, 1, 2);
        [Fact] public void Atanh() => AgreesWithGlibc(System.Libm.Atanh, System.Math.Atanh, -1, 1, 1, 2);
        [Fact] public void Cbrt() => AgreesWithGlibc(System.Libm.Cbrt, System.Math.Cbrt, -1000, 1000, 1, 4); // glibc's cbrt is up to 3 ulps off

        [Fact]
        public void QuickPhaseMatchesFullEvaluation()
        {
            for (int i = 0; i < 20000; i++)
            {
                double x = Uniform(-707, 708);
                if (System.LibmFast.TryExp(x, out double quick))
                {
                    System.DoubleDouble v = System.Libm.ExpReduced(x, out int k);
                    Assert.Equal(System.Libm.ScaleRounded(v, k), quick);
                }
                double y = System.Math.Exp(Uniform(-700, 700));
                if (System.LibmFast.TryLog(y, 1.0, out double log)) Assert.Equal(System.Libm.LogPositive(y).Value, log);
            }
        }
    }
}
