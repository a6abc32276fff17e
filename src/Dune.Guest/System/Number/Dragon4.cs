namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Exact decimal digits of mantissa × 2^exponent (Steele &amp; White / Burger &amp; Dybvig "Dragon4", in big
        /// integers). With <paramref name="cutoff"/> = -1 it produces the shortest digits that read back as the same
        /// value (IEEE round-half-even parsing, so boundaries count for even mantissas), the closest such string when
        /// several exist. Otherwise it stops after <paramref name="cutoff"/> significant digits
        /// (<paramref name="significant"/>) or at the cutoff-th digit after the decimal point, rounding the last digit
        /// half to even on the exact value. Returns the digit count; <paramref name="scale"/> places the decimal point
        /// as in <see cref="NumberBuffer"/>.
        /// </summary>
        internal static unsafe int Dragon4(ulong mantissa, int exponent, bool unequalMargins, int cutoff, bool significant,
                                           byte* buffer, int bufferLength, out int scale)
        {
            BigInteger value = default, divisor = default, marginLow = default, marginHigh = default, sum = default;
            bool shortest = cutoff == -1;

            // value / divisor is the number; marginLow / divisor and marginHigh / divisor are half the distances to the
            // neighbouring doubles (the lower gap is half as wide just above a power of two).
            int factor = unequalMargins ? 4 : 2;
            if (exponent >= 0)
            {
                value.SetUInt64(mantissa * (ulong)factor);
                value.ShiftLeft(exponent);
                divisor.SetUInt64((ulong)factor);
                marginLow.SetPow2(exponent);
            }
            else
            {
                value.SetUInt64(mantissa * (ulong)factor);
                divisor.SetPow2(-exponent + (unequalMargins ? 2 : 1));
                marginLow.SetUInt64(1);
            }

            // Estimate k = floor(log10(v)) + 1, possibly one too small.
            int highBit = BigInteger.Log2(mantissa);
            double estimate = (highBit + exponent) * 0.30102999566398119521 - 0.69;
            int k = (int)estimate;
            if (k < estimate) k++;

            if (k > 0) divisor.MultiplyPow10(k);
            else if (k < 0)
            {
                value.MultiplyPow10(-k);
                if (shortest) marginLow.MultiplyPow10(-k);
            }
            SetMarginHigh(ref marginHigh, ref marginLow, unequalMargins);

            bool isEven = (mantissa & 1) == 0;
            bool estimateTooLow;
            if (shortest)
            {
                sum.SetSum(ref value, ref marginHigh);
                int c = BigInteger.Compare(ref sum, ref divisor);
                estimateTooLow = isEven ? c >= 0 : c > 0;
            }
            else
            {
                estimateTooLow = BigInteger.Compare(ref value, ref divisor) >= 0;
            }

            if (estimateTooLow) k++;
            else
            {
                value.Multiply(10);
                if (shortest) { marginLow.Multiply(10); SetMarginHigh(ref marginHigh, ref marginLow, unequalMargins); }
            }

            int cutoffExponent = k - bufferLength;
            if (!shortest)
            {
                int desired = significant ? k - cutoff : -cutoff;
                if (desired > cutoffExponent) cutoffExponent = desired;
            }

            int decimalExponent = --k;

            // Keep the divisor's top block in [2^27, 2^28) so DivRemDigit's estimate is close.
            int top = BigInteger.Log2(divisor[divisor.Length - 1]);
            if (top != 27)
            {
                int shift = (32 + 27 - top) % 32;
                divisor.ShiftLeft(shift);
                value.ShiftLeft(shift);
                if (shortest) { marginLow.ShiftLeft(shift); SetMarginHigh(ref marginHigh, ref marginLow, unequalMargins); }
            }

            int count = 0;
            uint digit;
            bool low = false, high = false;
            if (shortest)
            {
                while (true)
                {
                    digit = value.DivRemDigit(ref divisor);
                    sum.SetSum(ref value, ref marginHigh);
                    int cmpLow = BigInteger.Compare(ref value, ref marginLow);
                    int cmpHigh = BigInteger.Compare(ref sum, ref divisor);
                    low = isEven ? cmpLow <= 0 : cmpLow < 0;
                    high = isEven ? cmpHigh >= 0 : cmpHigh > 0;
                    if (low || high || k == cutoffExponent) break;
                    buffer[count++] = (byte)('0' + digit);
                    value.Multiply(10);
                    marginLow.Multiply(10);
                    SetMarginHigh(ref marginHigh, ref marginLow, unequalMargins);
                    k--;
                }
            }
            else if (k >= cutoffExponent)
            {
                while (true)
                {
                    digit = value.DivRemDigit(ref divisor);
                    if (value.IsZero || k <= cutoffExponent) break;
                    buffer[count++] = (byte)('0' + digit);
                    value.Multiply(10);
                    k--;
                }
            }
            else
            {
                // The first digit lies past the cutoff: it only decides whether the result rounds up to one unit
                // of the next higher position (left for the formatter to cut).
                digit = value.DivRemDigit(ref divisor);
                if (digit > 5 || (digit == 5 && !value.IsZero)) { decimalExponent++; digit = 1; }
                buffer[0] = (byte)('0' + digit);
                scale = decimalExponent + 1;
                return 1;
            }

            bool roundDown = low;
            if (low == high)
            {
                value.ShiftLeft(1);
                int c = BigInteger.Compare(ref value, ref divisor);
                roundDown = c < 0 || (c == 0 && (digit & 1) == 0);
            }

            if (roundDown) buffer[count++] = (byte)('0' + digit);
            else if (digit < 9) buffer[count++] = (byte)('0' + digit + 1);
            else
            {
                while (true)
                {
                    if (count == 0) { buffer[count++] = (byte)'1'; decimalExponent++; break; }
                    count--;
                    if (buffer[count] != '9') { buffer[count]++; count++; break; }
                }
            }

            scale = decimalExponent + 1;
            return count;
        }

        private static void SetMarginHigh(ref BigInteger marginHigh, ref BigInteger marginLow, bool unequalMargins)
        {
            marginHigh.CopyFrom(ref marginLow);
            if (unequalMargins) marginHigh.ShiftLeft(1);
        }
    }
}
