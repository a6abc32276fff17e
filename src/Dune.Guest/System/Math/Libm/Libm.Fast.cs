namespace System
{
    /// <summary>
    /// Quick first phase of exp and log (Ziv's strategy): table-driven reduction and short polynomials give the
    /// result with a relative error below 2^-66; when the interval of 2^-62 around it rounds to a single double,
    /// that double is the correctly rounded result. Otherwise (about one call in 2^9) the caller falls back to
    /// the full double-double evaluation.
    /// </summary>
    internal static class LibmFast
    {
        private const double ErrorBound = 2.168404344971009e-19; // 2^-62, relative
        private const double InvStep = 92.33248261689366;         // 64 / ln 2
        private const double StepHigh = 0.010830424696223417;     // ln 2 / 64 to 36 bits (k * StepHigh is exact)
        private const double StepLow = 2.572804622327669e-14;     // the rest of ln 2 / 64

        // 2^(j/64), j = 0..63, and -ln(c) for the reciprocals c of 1 + j/128, j = -32..64, as double-doubles.
        private static readonly DoubleDouble[] PowersOfTwo = BuildPowersOfTwo();
        private static readonly double[] Reciprocals = BuildReciprocals();
        private static readonly DoubleDouble[] ReciprocalLogs = BuildReciprocalLogs();

        private static DoubleDouble[] BuildPowersOfTwo()
        {
            var table = new DoubleDouble[64];
            for (int j = 0; j < 64; j++)
            {
                DoubleDouble v = Libm.ExpReduced(Libm.Ln2 * (j / 64.0), out int k);
                table[j] = v.Scale(k);
            }
            return table;
        }

        private static double[] BuildReciprocals()
        {
            var table = new double[97];
            for (int j = -32; j <= 64; j++) table[j + 32] = 1.0 / (1.0 + j / 128.0);
            return table;
        }

        private static DoubleDouble[] BuildReciprocalLogs()
        {
            var table = new DoubleDouble[97];
            for (int i = 0; i < 97; i++) table[i] = i == 32 ? 0.0 : -Libm.LogPositive(Reciprocals[i]);
            return table;
        }

        /// <summary>The double that every value within the error bound of <paramref name="y"/> rounds to, if there is one.</summary>
        private static bool TryRound(DoubleDouble y, out double result)
        {
            double err = Math.Abs(y.Hi) * ErrorBound;
            result = y.Hi + (y.Lo + err);
            return result == y.Hi + (y.Lo - err);
        }

        /// <summary>e^x for -708 &lt; x &lt; 709 (normal results); false when the rounding cannot be decided quickly.</summary>
        internal static bool TryExp(double x, out double result)
        {
            int k = (int)Math.Round(x * InvStep);
            double rh = x - k * StepHigh; // exact: k has at most 17 bits and rh is small
            DoubleDouble r = DoubleDouble.TwoSum(rh, -k * StepLow);
            double a = r.Hi;
            // e^r - 1 = r + r^2/2 + ... + r^7/5040 for |r| <= 0.0055.
            double tail = a * a * (0.5 + a * (1.0 / 6 + a * (1.0 / 24 + a * (1.0 / 120 + a * (1.0 / 720 + a * (1.0 / 5040))))));
            DoubleDouble e = DoubleDouble.TwoSum(a, r.Lo + a * r.Lo + tail);
            DoubleDouble t = PowersOfTwo[k & 63];
            DoubleDouble p = DoubleDouble.TwoProduct(t.Hi, e.Hi);
            DoubleDouble s = DoubleDouble.TwoSum(t.Hi, p.Hi);
            double lo = s.Lo + (p.Lo + t.Lo + t.Hi * e.Lo + t.Lo * e.Hi);
            DoubleDouble y = DoubleDouble.TwoSum(s.Hi, lo);
            if (!TryRound(y, out result)) return false;
            result = Math.ScaleB(result, k >> 6);
            return true;
        }

        /// <summary>ln x as a double-double accurate to 2^-66, for positive normal x.</summary>
        internal static DoubleDouble Log(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int e = (int)(bits >> 52) - 1023;
            // Significand in [0.75, 1.5), so that x near 1 has e = 0 and the exact table entry c = 1.
            double m = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            if (m >= 1.5) { m *= 0.5; e++; }
            int j = (int)Math.Round((m - 1) * 128);
            double c = Reciprocals[j + 32];
            // r = m c - 1 exactly as a double-double: the product is exact, and ph - 1 is exact (ph is near 1).
            DoubleDouble product = DoubleDouble.TwoProduct(m, c);
            DoubleDouble r = DoubleDouble.TwoSum(product.Hi - 1, product.Lo);
            double a = r.Hi;
            DoubleDouble square = DoubleDouble.TwoProduct(a, a);
            // ln(1 + r) = r - r^2/2 + r^3/3 - ... - r^10/10 for |r| <= 0.0042.
            double tail = square.Hi * a * (1.0 / 3 - a * (0.25 - a * (0.2 - a * (1.0 / 6 - a * (1.0 / 7 - a * (0.125 - a * (1.0 / 9 - a * 0.1)))))));
            DoubleDouble head = DoubleDouble.TwoSum(a, -0.5 * square.Hi);
            DoubleDouble log1p = DoubleDouble.TwoSum(head.Hi, head.Lo + r.Lo - 0.5 * square.Lo - a * r.Lo + tail);
            DoubleDouble sum = ReciprocalLogs[j + 32] + log1p;
            return e == 0 ? sum : Libm.Ln2 * e + sum;
        }

        internal static bool TryLog(double x, DoubleDouble factor, out double result)
        {
            DoubleDouble y = Log(x);
            return TryRound(factor.Hi == 1 && factor.Lo == 0 ? y : y * factor, out result);
        }
    }
}
