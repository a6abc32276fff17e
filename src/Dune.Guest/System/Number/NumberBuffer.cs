namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// A number as decimal digits: value = 0.d1d2d3... × 10^Scale, with a sign. Digits are ASCII bytes with no
        /// trailing zeros after rounding; zero has no digits. Integers and floating-point values meet the same
        /// formatting code here; floating-point digits are already correctly rounded for standard formats.
        /// </summary>
        internal unsafe ref struct NumberBuffer
        {
            public byte* Digits;
            public int Capacity;
            public int DigitsCount;
            public int Scale;
            public bool IsNegative;
            public bool IsFloatingPoint;
            // Decimal digits keep the coefficient's trailing zeros ("1.50"), which "G" prints.
            public bool IsDecimal;

            public NumberBuffer(byte* digits, int capacity, bool isFloatingPoint)
            {
                Digits = digits;
                Capacity = capacity;
                DigitsCount = 0;
                Scale = 0;
                IsNegative = false;
                IsFloatingPoint = isFloatingPoint;
                IsDecimal = false;
            }

            public bool IsZero => DigitsCount == 0;
        }

        /// <summary>Digits of an unsigned integer; Scale is the digit count.</summary>
        internal static unsafe void UInt64ToNumber(ulong value, ref NumberBuffer number)
        {
            byte* tmp = stackalloc byte[20];
            int n = 0;
            while (value != 0) { tmp[19 - n++] = (byte)('0' + (int)(value % 10)); value /= 10; }
            for (int i = 0; i < n; i++) number.Digits[i] = tmp[20 - n + i];
            number.DigitsCount = n;
            number.Scale = n;
        }

        /// <summary>
        /// Rounds half up to <paramref name="pos"/> digits (floating-point digits are already correctly rounded and are
        /// only cut) and drops trailing zeros. A number rounded to zero keeps its sign only if floating point.
        /// </summary>
        internal static unsafe void RoundNumber(ref NumberBuffer number, int pos, bool isCorrectlyRounded)
        {
            byte* dig = number.Digits;
            int i = 0;
            while (i < pos && i < number.DigitsCount) i++;
            if (i == pos && i < number.DigitsCount && !isCorrectlyRounded && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9') i--;
                if (i > 0) dig[i - 1]++;
                else { number.Scale++; dig[0] = (byte)'1'; i = 1; }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0') i--;
            }
            if (i == 0)
            {
                if (!number.IsFloatingPoint) number.IsNegative = false;
                number.Scale = 0;
            }
            number.DigitsCount = i;
        }
    }
}
