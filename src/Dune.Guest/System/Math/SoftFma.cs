using System.Numerics;

namespace System
{
    /// <summary>
    /// Fused multiply-add rounded once, for targets without the FMA instruction: the exact product and sum are
    /// formed in 128-bit integers and rounded to nearest-even at the end.
    /// </summary>
    internal static class SoftFma
    {
        internal static double Fma(double x, double y, double z)
        {
            double product = x * y;
            // Zeros, infinities and NaNs: the plain expression is already exact (or the right special value).
            if (!double.IsFinite(x) || !double.IsFinite(y) || x == 0 || y == 0) return product + z;
            if (!double.IsFinite(z)) return z; // a finite product cannot cancel an infinite addend
            if (z == 0) return product;

            bool productNegative = (BitConverter.DoubleToInt64Bits(x) ^ BitConverter.DoubleToInt64Bits(y)) < 0;
            bool zNegative = z < 0;
            Decompose(x, out ulong mx, out int ex);
            Decompose(y, out ulong my, out int ey);
            Decompose(z, out ulong mz, out int ez);

            ulong pHi = Math.BigMul(mx, my, out ulong pLo);
            int pExp = ex + ey - Normalize(ref pHi, ref pLo);
            ulong zHi = 0, zLo = mz;
            int zExp = ez - Normalize(ref zHi, ref zLo);

            // Align the smaller operand to the larger; bits shifted out only matter as a sticky bit.
            if (zExp > pExp || (zExp == pExp && (zHi > pHi || (zHi == pHi && zLo > pLo))))
            {
                Swap(ref pHi, ref zHi); Swap(ref pLo, ref zLo);
                int e = pExp; pExp = zExp; zExp = e;
                bool n = productNegative; productNegative = zNegative; zNegative = n;
            }
            ShiftRightSticky(ref zHi, ref zLo, pExp - zExp);

            ulong hi, lo;
            if (productNegative == zNegative)
            {
                lo = pLo + zLo;
                hi = pHi + zHi + (lo < pLo ? 1UL : 0);
            }
            else
            {
                lo = pLo - zLo;
                hi = pHi - zHi - (pLo < zLo ? 1UL : 0);
                if (hi == 0 && lo == 0) return 0.0; // exact cancellation is +0 when rounding to nearest
            }
            return Round(productNegative, hi, lo, pExp);
        }

        /// <summary>float fma: the exact product fits a double; the double sum is made round-to-odd so the final narrowing rounds once.</summary>
        internal static float Fma(float x, float y, float z)
        {
            double product = (double)x * y;
            double sum = product + z;
            if (!double.IsFinite(sum)) return (float)sum;
            double error = (product - (sum - (sum - product))) + (z - (sum - product)); // TwoSum: exact rounding error of sum
            if (error != 0)
            {
                long bits = BitConverter.DoubleToInt64Bits(sum);
                // Step toward zero if rounding went away from zero, then force the last bit: round-to-odd.
                if ((error < 0) != (sum < 0) && sum != 0) bits--;
                sum = BitConverter.Int64BitsToDouble(bits | 1);
            }
            return (float)sum;
        }

        private static void Decompose(double d, out ulong mantissa, out int exponent)
        {
            ulong bits = (ulong)BitConverter.DoubleToInt64Bits(d);
            int biased = (int)((bits >> 52) & 0x7FF);
            mantissa = bits & 0xFFFFFFFFFFFFFUL;
            if (biased == 0) exponent = -1074;
            else { mantissa |= 1UL << 52; exponent = biased - 1075; }
        }

        /// <summary>Shifts the 128-bit value so its top bit is bit 125 (room for a carry); returns the left shift.</summary>
        private static int Normalize(ref ulong hi, ref ulong lo)
        {
            int leading = hi != 0 ? BitOperations.LeadingZeroCount(hi) : 64 + BitOperations.LeadingZeroCount(lo);
            int shift = leading - 2;
            ShiftLeft(ref hi, ref lo, shift);
            return shift;
        }

        private static void ShiftLeft(ref ulong hi, ref ulong lo, int shift)
        {
            if (shift == 0) return;
            if (shift >= 64) { hi = lo << (shift - 64); lo = 0; }
            else { hi = (hi << shift) | (lo >> (64 - shift)); lo <<= shift; }
        }

        private static void ShiftRightSticky(ref ulong hi, ref ulong lo, int shift)
        {
            if (shift == 0) return;
            if (shift >= 128) { lo = (hi | lo) != 0 ? 1UL : 0; hi = 0; return; }
            ulong lost;
            if (shift >= 64)
            {
                lost = lo | (shift == 64 ? 0 : hi << (128 - shift));
                lo = shift == 64 ? hi : hi >> (shift - 64);
                hi = 0;
            }
            else
            {
                lost = lo << (64 - shift);
                lo = (lo >> shift) | (hi << (64 - shift));
                hi >>= shift;
            }
            if (lost != 0) lo |= 1;
        }

        /// <summary>Rounds (hi:lo) * 2^exponent to a double, nearest-even, with subnormal and overflow handling.</summary>
        private static double Round(bool negative, ulong hi, ulong lo, int exponent)
        {
            int top = hi != 0 ? 127 - BitOperations.LeadingZeroCount(hi) : 63 - BitOperations.LeadingZeroCount(lo);
            int shift = top - 52;
            if (exponent + shift < -1074) shift = -1074 - exponent; // subnormal result: fewer mantissa bits
            if (shift > 127) return negative ? -0.0 : 0.0; // below half the smallest subnormal
            ulong mantissa;
            if (shift <= 0)
            {
                mantissa = lo << -shift;
            }
            else
            {
                ulong restHi = hi, restLo = lo;
                ulong half;
                ShiftRightExact(ref hi, ref lo, shift);
                mantissa = lo;
                // Remainder below the kept bits compared with one half of the last kept bit.
                ulong keptHi = hi, keptLo = lo;
                ShiftLeft(ref keptHi, ref keptLo, shift);
                ulong remLo = restLo - keptLo;
                ulong remHi = restHi - keptHi - (restLo < keptLo ? 1UL : 0);
                ulong halfHi = 0;
                if (shift - 1 >= 64) { halfHi = 1UL << (shift - 65); half = 0; } else half = 1UL << (shift - 1);
                int cmp = remHi != halfHi ? (remHi > halfHi ? 1 : -1) : remLo != half ? (remLo > half ? 1 : -1) : 0;
                if (cmp > 0 || (cmp == 0 && (mantissa & 1) != 0)) mantissa++;
            }
            int resultExponent = exponent + shift;
            // (e + 1074) << 52 plus a mantissa that still holds its leading bit encodes normals, subnormals and the carry.
            long biased = resultExponent + 1074 + (long)(mantissa >> 52);
            if (biased >= 0x7FF) return negative ? double.NegativeInfinity : double.PositiveInfinity;
            ulong bits = ((ulong)(resultExponent + 1074) << 52) + mantissa;
            return BitConverter.Int64BitsToDouble((long)(bits | (negative ? 0x8000000000000000UL : 0)));
        }

        private static void ShiftRightExact(ref ulong hi, ref ulong lo, int shift)
        {
            if (shift >= 64) { lo = hi >> (shift - 64); hi = 0; }
            else { lo = (lo >> shift) | (hi << (64 - shift)); hi >>= shift; }
        }

        private static void Swap(ref ulong a, ref ulong b) { ulong t = a; a = b; b = t; }
    }
}
