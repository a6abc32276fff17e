namespace System
{
    /// <summary>
    /// Elementary functions in double-double arithmetic (about 2^-100 relative error before the final rounding),
    /// so results are the correctly rounded ones — what glibc's libm, which .NET calls on Linux, returns for
    /// all but rare inputs. Series run on small reduced arguments; coefficients are built once from exact ratios.
    /// </summary>
    [System.Runtime.CompilerServices.EagerStaticClassConstruction]
    internal static class Libm
    {
        internal static readonly DoubleDouble Pi = new DoubleDouble(3.141592653589793, 1.2246467991473532e-16);
        internal static readonly DoubleDouble HalfPi = new DoubleDouble(1.5707963267948966, 6.123233995736766e-17);
        internal static readonly DoubleDouble Ln2 = new DoubleDouble(0.6931471805599453, 2.3190468138462996e-17);
        private const double Ln2Tail = 5.707708438416212e-34;
        private static readonly DoubleDouble InvLn2 = new DoubleDouble(1.4426950408889634, 2.0355273740931033e-17);
        private static readonly DoubleDouble InvLn10 = new DoubleDouble(0.4342944819032518, 1.098319650216765e-17);

        /// <summary>glibc's result for invalid operations (log of a negative number, asin(2), sin(inf)): the positive quiet NaN.</summary>
        private static readonly double InvalidNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

        private const int FactorialTerms = 28;
        private const int OddTerms = 26;
        // InverseFactorial[n] = 1/n!, InverseOdd[n] = 1/(2n+1).
        private static readonly DoubleDouble[] InverseFactorial = BuildInverseFactorials();
        private static readonly DoubleDouble[] InverseOdd = BuildInverseOdds();

        private static DoubleDouble[] BuildInverseFactorials()
        {
            var table = new DoubleDouble[FactorialTerms];
            table[0] = 1.0;
            for (int n = 1; n < FactorialTerms; n++) table[n] = table[n - 1] / (double)n;
            return table;
        }

        private static DoubleDouble[] BuildInverseOdds()
        {
            var table = new DoubleDouble[OddTerms];
            for (int n = 0; n < OddTerms; n++) table[n] = (DoubleDouble)1.0 / (double)(2 * n + 1);
            return table;
        }

        // ---- exp ----

        /// <summary>e^x = result * 2^k with result in [0.7, 1.5): k from x/ln2, then a Taylor series on |r| &lt;= 0.35.</summary>
        internal static DoubleDouble ExpReduced(DoubleDouble x, out int k)
        {
            k = (int)Math.Round(x.Hi * InvLn2.Hi);
            DoubleDouble r = x - (DoubleDouble.TwoProduct(k, Ln2.Hi) + (DoubleDouble)(k * Ln2.Lo) + (DoubleDouble)(k * Ln2Tail));
            DoubleDouble sum = InverseFactorial[24];
            for (int n = 23; n >= 0; n--) sum = sum * r + InverseFactorial[n];
            return sum;
        }

        /// <summary>value * 2^k rounded once, also when the result is subnormal.</summary>
        internal static double ScaleRounded(DoubleDouble value, int k)
        {
            if (k + Math.ILogB(value.Hi) > -1022) return Math.ScaleB(value.Hi + value.Lo, k); // normal: scaling is exact
            // Subnormal: round on the 2^-1074 grid directly, so there is a single rounding.
            int shift = k + 1074;
            if (shift < -60) return 0.0 * value.Hi;
            double u = Math.ScaleB(value.Hi, shift), v = Math.ScaleB(value.Lo, shift);
            double n = Math.Floor(u);
            double fraction = (u - n) + v;
            while (fraction >= 1) { n += 1; fraction -= 1; }
            while (fraction < 0) { n -= 1; fraction += 1; }
            if (fraction > 0.5 || (fraction == 0.5 && Math.IEEERemainder(n, 2) != 0)) n += 1;
            return Math.ScaleB(n, -1074);
        }

        internal static double Exp(double x)
        {
            if (double.IsNaN(x)) return x + x;
            if (x > 709.8) return double.PositiveInfinity;
            if (x < -745.2) return 0.0;
            if (Math.Abs(x) < 5.551115123125783e-17) return 1.0 + x;
            if (x > -708 && x < 709 && LibmFast.TryExp(x, out double quick)) return quick;
            DoubleDouble v = ExpReduced(x, out int k);
            return ScaleRounded(v, k);
        }

        // ---- log ----

        /// <summary>ln(x) for positive finite x: x = m * 2^e with m in [0.707, 1.414), ln m = 2 atanh((m-1)/(m+1)).</summary>
        internal static DoubleDouble LogPositive(DoubleDouble x)
        {
            int e = Math.ILogB(x.Hi);
            DoubleDouble m = new DoubleDouble(Math.ScaleB(x.Hi, -e), Math.ScaleB(x.Lo, -e));
            if (m.Hi > 1.4142135623730951) { m = new DoubleDouble(m.Hi * 0.5, m.Lo * 0.5); e++; }
            DoubleDouble s = (m - 1.0) / (m + 1.0);
            DoubleDouble s2 = s * s;
            DoubleDouble sum = InverseOdd[OddTerms - 1];
            for (int n = OddTerms - 2; n >= 0; n--) sum = sum * s2 + InverseOdd[n];
            DoubleDouble log = s * sum * 2.0;
            return e == 0 ? log : Ln2 * e + log + (DoubleDouble)(e * Ln2Tail);
        }

        /// <summary>Special values shared by log, log2 and log10; false when x needs the series.</summary>
        private static bool LogSpecial(double x, out double result)
        {
            if (double.IsNaN(x)) { result = x + x; return true; }
            if (x < 0) { result = InvalidNaN; return true; }
            if (x == 0) { result = double.NegativeInfinity; return true; }
            if (double.IsPositiveInfinity(x)) { result = x; return true; }
            result = 0;
            return false;
        }

        internal static double Log(double x) => LogTimes(x, 1.0);
        internal static double Log2(double x) => LogTimes(x, InvLn2);
        internal static double Log10(double x) => LogTimes(x, InvLn10);

        /// <summary>ln(x) * factor rounded once: the quick phase for normal x, else the full series.</summary>
        private static double LogTimes(double x, DoubleDouble factor)
        {
            if (LogSpecial(x, out double special)) return special;
            if (x >= 2.2250738585072014E-308 && LibmFast.TryLog(x, factor, out double quick)) return quick;
            return (LogPositive(x) * factor).Value;
        }

        // ---- pow ----

        internal static double Pow(double x, double y)
        {
            if (y == 0 || x == 1) return 1.0;
            if (double.IsNaN(x) || double.IsNaN(y)) return x + y;
            double ax = Math.Abs(x);
            if (double.IsInfinity(y))
            {
                if (ax == 1) return 1.0;
                return (ax > 1) == (y > 0) ? double.PositiveInfinity : 0.0;
            }
            // Odd integer exponents keep the sign of a negative base.
            bool yInteger = Math.Floor(y) == y;
            bool yOdd = yInteger && Math.Abs(y) < 9007199254740992.0 && Math.IEEERemainder(y, 2) != 0;
            bool negate = x < 0 || (x == 0 && double.IsNegative(x)) ? yOdd : false;
            if (x == 0 || double.IsInfinity(x))
            {
                bool huge = (x == 0) == (y < 0);
                double magnitude = huge ? double.PositiveInfinity : 0.0;
                return negate ? -magnitude : magnitude;
            }
            if (x < 0 && !yInteger) return InvalidNaN;
            DoubleDouble t = LogPositive(ax) * y;
            double result;
            if (t.Hi > 709.8) result = double.PositiveInfinity;
            else if (t.Hi < -745.2) result = 0.0;
            else
            {
                DoubleDouble v = ExpReduced(t, out int k);
                result = ScaleRounded(v, k);
            }
            return negate ? -result : result;
        }

        // ---- trigonometric ----

        /// <summary>Bits of 2/pi after the binary point, most significant first (1280 bits: enough for every double).</summary>
        private static readonly ulong[] TwoOverPi =
        {
            0xA2F9836E4E441529UL, 0xFC2757D1F534DDC0UL, 0xDB6295993C439041UL, 0xFE5163ABDEBBC561UL, 0xB7246E3A424DD2E0UL,
            0x06492EEA09D1921CUL, 0xFE1DEB1CB129A73EUL, 0xE88235F52EBB4484UL, 0xE99C7026B45F7E41UL, 0x3991D639835339F4UL,
            0x9C845F8BBDF9283BUL, 0x1FF897FFDE05980FUL, 0xEF2F118B5A0A6D1FUL, 0x6D367ECF27CB09B7UL, 0x4F463F669E5FEA2DUL,
            0x7527BAC7EBE5F17BUL, 0x3D0739F78A5292EAUL, 0x6BFB5FB11F8D5D08UL, 0x56033046FC7B6BABUL, 0xF0CFBC209AF4361DUL,
        };

        /// <summary>
        /// Payne-Hanek reduction: x = n * pi/2 + r with |r| &lt;= pi/4, using a 256-bit window of 2/pi chosen so the
        /// bits above it only add multiples of 8 quarter turns. Returns n mod 4.
        /// </summary>
        internal static int ReduceHalfPi(double x, out DoubleDouble r)
        {
            if (Math.Abs(x) <= 0.7853981633974483) { r = x; return 0; }
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(x) & 0x7FFFFFFFFFFFFFFFUL;
            ulong m = (bits & 0xFFFFFFFFFFFFFUL) | (1UL << 52);
            int e = (int)(bits >> 52) - 1075;
            int skip = e - 3 > 0 ? e - 3 : 0;
            // window[0] is the least significant 64 bits of the window.
            Span<ulong> product = stackalloc ulong[6];
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                ulong word = TableWord(skip + 64 * (3 - j));
                ulong hi = Math.BigMul(m, word, out ulong lo);
                lo += carry;
                if (lo < carry) hi++;
                product[j] = lo;
                carry = hi;
            }
            product[4] = carry;
            // product * 2^q is x * 2/pi modulo 8, with q = e - skip - 256.
            int point = 256 + skip - e; // bit index of the units place
            int quadrant = (int)(BitsAt(product, point) & 7);
            // The fraction as a double-double, summed from its 32-bit chunks (each exact as a double).
            DoubleDouble fraction = 0.0;
            for (int chunk = 6; chunk >= 1; chunk--)
            {
                ulong piece = BitsAt(product, point - 32 * chunk) & 0xFFFFFFFFUL;
                fraction += Math.ScaleB(piece, -32 * chunk);
            }
            if (fraction.Hi >= 0.5) { fraction -= 1.0; quadrant++; }
            r = fraction * HalfPi;
            if (x < 0) { r = -r; quadrant = -quadrant; }
            return quadrant & 3;
        }

        /// <summary>64 bits of 2/pi starting <paramref name="position"/> bits after the binary point.</summary>
        private static ulong TableWord(int position)
        {
            int index = position >> 6, shift = position & 63;
            ulong high = index < TwoOverPi.Length ? TwoOverPi[index] : 0;
            if (shift == 0) return high;
            ulong low = index + 1 < TwoOverPi.Length ? TwoOverPi[index + 1] : 0;
            return (high << shift) | (low >> (64 - shift));
        }

        /// <summary>The 64 bits of a little-endian multiword integer starting at bit <paramref name="position"/> (zeros outside).</summary>
        private static ulong BitsAt(Span<ulong> words, int position)
        {
            if (position <= -64) return 0;
            if (position < 0) return words[0] << -position;
            int index = position >> 6, shift = position & 63;
            ulong low = index < words.Length ? words[index] : 0;
            if (shift == 0) return low;
            ulong high = index + 1 < words.Length ? words[index + 1] : 0;
            return (low >> shift) | (high << (64 - shift));
        }

        private static DoubleDouble SinSeries(DoubleDouble r)
        {
            DoubleDouble r2 = r * r;
            DoubleDouble sum = InverseFactorial[27];
            for (int n = 25; n >= 1; n -= 2) sum = InverseFactorial[n] - sum * r2; // alternating signs
            return sum * r;
        }

        private static DoubleDouble CosSeries(DoubleDouble r)
        {
            DoubleDouble r2 = r * r;
            DoubleDouble sum = InverseFactorial[26];
            for (int n = 24; n >= 0; n -= 2) sum = InverseFactorial[n] - sum * r2;
            return sum;
        }

        internal static double Sin(double x)
        {
            if (!double.IsFinite(x)) return double.IsNaN(x) ? x + x : InvalidNaN;
            if (Math.Abs(x) < 3.725290298461914e-09) return x;
            int n = ReduceHalfPi(x, out DoubleDouble r);
            DoubleDouble v = (n & 1) == 0 ? SinSeries(r) : CosSeries(r);
            return (n & 2) == 0 ? v.Value : -v.Value;
        }

        internal static double Cos(double x)
        {
            if (!double.IsFinite(x)) return double.IsNaN(x) ? x + x : InvalidNaN;
            if (Math.Abs(x) < 3.725290298461914e-09) return 1.0;
            int n = ReduceHalfPi(x, out DoubleDouble r);
            DoubleDouble v = (n & 1) == 0 ? CosSeries(r) : SinSeries(r);
            return ((n + 1) & 2) == 0 ? v.Value : -v.Value;
        }

        internal static double Tan(double x)
        {
            if (!double.IsFinite(x)) return double.IsNaN(x) ? x + x : InvalidNaN;
            if (Math.Abs(x) < 3.725290298461914e-09) return x;
            int n = ReduceHalfPi(x, out DoubleDouble r);
            DoubleDouble s = SinSeries(r), c = CosSeries(r);
            return ((n & 1) == 0 ? s / c : -(c / s)).Value;
        }

        // ---- inverse trigonometric ----

        /// <summary>atan of a non-negative double-double: fold above 1, halve the angle twice, then the odd series.</summary>
        internal static DoubleDouble AtanNonNegative(DoubleDouble x)
        {
            if (x.Hi > 1) return HalfPi - AtanNonNegative((DoubleDouble)1.0 / x);
            for (int i = 0; i < 2; i++) x = x / (DoubleDouble.Sqrt(x * x + 1.0) + 1.0);
            DoubleDouble x2 = x * x;
            DoubleDouble sum = InverseOdd[OddTerms - 1];
            for (int n = OddTerms - 2; n >= 0; n--) sum = InverseOdd[n] - sum * x2;
            return sum * x * 4.0;
        }

        internal static double Atan(double x)
        {
            if (double.IsNaN(x)) return x + x;
            if (Math.Abs(x) < 3.725290298461914e-09) return x;
            if (Math.Abs(x) > 1.152921504606847e18) return x > 0 ? HalfPi.Hi : -HalfPi.Hi; // 1/x is below pi/2's last bit
            double a = AtanNonNegative(Math.Abs(x)).Value;
            return x < 0 ? -a : a;
        }

        internal static double Atan2(double y, double x)
        {
            if (double.IsNaN(x) || double.IsNaN(y)) return x + y;
            bool yNegative = double.IsNegative(y);
            double result;
            if (y == 0) result = double.IsNegative(x) ? Pi.Hi : 0.0;
            else if (x == 0) result = HalfPi.Hi;
            else if (double.IsInfinity(y))
                result = double.IsPositiveInfinity(x) ? Pi.Hi / 4 : double.IsNegativeInfinity(x) ? 2.356194490192345 : HalfPi.Hi;
            else if (double.IsInfinity(x)) result = x > 0 ? 0.0 : Pi.Hi;
            else
            {
                double ay = Math.Abs(y), ax = Math.Abs(x);
                DoubleDouble angle = ay > ax
                    ? HalfPi - AtanNonNegative((DoubleDouble)ax / ay)
                    : AtanNonNegative((DoubleDouble)ay / ax);
                if (x < 0) angle = Pi - angle;
                result = angle.Value;
            }
            return yNegative ? -result : result;
        }

        internal static double Asin(double x)
        {
            if (double.IsNaN(x)) return x + x;
            double a = Math.Abs(x);
            if (a > 1) return InvalidNaN;
            if (a < 3.725290298461914e-09) return x;
            double result;
            if (a == 1) result = HalfPi.Hi;
            else
            {
                DoubleDouble cos = DoubleDouble.Sqrt(DoubleDouble.TwoSum(1.0, -a) * DoubleDouble.TwoSum(1.0, a));
                result = AtanNonNegative((DoubleDouble)a / cos).Value;
            }
            return x < 0 ? -result : result;
        }

        internal static double Acos(double x)
        {
            if (double.IsNaN(x)) return x + x;
            if (Math.Abs(x) > 1) return InvalidNaN;
            if (x == 1) return 0.0;
            if (x == -1) return Pi.Hi;
            // acos x = 2 atan(sqrt((1 - x) / (1 + x))), with 1 - x and 1 + x exact as double-doubles.
            DoubleDouble ratio = DoubleDouble.TwoSum(1.0, -x) / DoubleDouble.TwoSum(1.0, x);
            return (AtanNonNegative(DoubleDouble.Sqrt(ratio)) * 2.0).Value;
        }

        // ---- hyperbolic ----

        private static DoubleDouble SinhSeries(DoubleDouble x)
        {
            DoubleDouble x2 = x * x;
            DoubleDouble sum = InverseFactorial[27];
            for (int n = 25; n >= 1; n -= 2) sum = InverseFactorial[n] + sum * x2;
            return sum * x;
        }

        private static DoubleDouble CoshSeries(DoubleDouble x)
        {
            DoubleDouble x2 = x * x;
            DoubleDouble sum = InverseFactorial[26];
            for (int n = 24; n >= 0; n -= 2) sum = InverseFactorial[n] + sum * x2;
            return sum;
        }

        /// <summary>(e^a + sign * e^-a) / 2 for a &gt;= 0.5, rounded once.</summary>
        private static double HalfExpSum(double a, double sign)
        {
            DoubleDouble v = ExpReduced(a, out int k);
            if (k > 60) return ScaleRounded(v, k - 1); // e^-a is far below the last bit
            DoubleDouble big = v.Scale(k - 1);
            DoubleDouble small = ((DoubleDouble)1.0 / v).Scale(-k - 1);
            return (sign > 0 ? big + small : big - small).Value;
        }

        internal static double Sinh(double x)
        {
            if (double.IsNaN(x)) return x + x;
            double a = Math.Abs(x);
            if (double.IsInfinity(x) || a < 3.725290298461914e-09) return x;
            double result = a > 710.5 ? double.PositiveInfinity : a < 0.5 ? SinhSeries(a).Value : HalfExpSum(a, -1);
            return x < 0 ? -result : result;
        }

        internal static double Cosh(double x)
        {
            if (double.IsNaN(x)) return x + x;
            double a = Math.Abs(x);
            if (a > 710.5) return double.PositiveInfinity;
            if (a < 3.725290298461914e-09) return 1.0;
            return a < 0.5 ? CoshSeries(a).Value : HalfExpSum(a, 1);
        }

        internal static double Tanh(double x)
        {
            if (double.IsNaN(x)) return x + x;
            double a = Math.Abs(x);
            double result;
            if (a < 3.725290298461914e-09) return x;
            if (a > 22) result = 1.0;
            else if (a < 0.5) result = (SinhSeries(a) / CoshSeries(a)).Value;
            else
            {
                // tanh a = (1 - e^-2a) / (1 + e^-2a)
                DoubleDouble v = ExpReduced(-2 * a, out int k);
                DoubleDouble e = v.Scale(k);
                result = (((DoubleDouble)1.0 - e) / (e + 1.0)).Value;
            }
            return x < 0 ? -result : result;
        }

        internal static double Asinh(double x)
        {
            if (!double.IsFinite(x)) return x + x;
            double a = Math.Abs(x);
            if (a < 3.725290298461914e-09) return x;
            DoubleDouble log = a > 268435456.0
                ? LogPositive(a) + Ln2
                : LogPositive(DoubleDouble.Sqrt(DoubleDouble.TwoProduct(a, a) + 1.0) + a);
            return x < 0 ? -log.Value : log.Value;
        }

        internal static double Acosh(double x)
        {
            if (double.IsNaN(x)) return x + x;
            if (x < 1) return InvalidNaN;
            if (double.IsPositiveInfinity(x)) return x;
            if (x > 268435456.0) return (LogPositive(x) + Ln2).Value;
            return LogPositive(DoubleDouble.Sqrt(DoubleDouble.TwoProduct(x, x) - 1.0) + x).Value;
        }

        internal static double Atanh(double x)
        {
            if (double.IsNaN(x)) return x + x;
            double a = Math.Abs(x);
            if (a > 1) return InvalidNaN;
            if (a == 1) return x > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            if (a < 3.725290298461914e-09) return x;
            double result = (LogPositive(DoubleDouble.TwoSum(1.0, a) / DoubleDouble.TwoSum(1.0, -a)) * 0.5).Value;
            return x < 0 ? -result : result;
        }

        internal static double Cbrt(double x)
        {
            if (double.IsNaN(x)) return x + x;
            if (double.IsInfinity(x) || x == 0) return x;
            double a = Math.Abs(x);
            DoubleDouble log = LogPositive(a);
            DoubleDouble v = ExpReduced(log / 3.0, out int k);
            double result = ScaleRounded(v, k);
            return x < 0 ? -result : result;
        }
    }
}
