namespace System
{
    /// <summary>
    /// Unsigned integer of up to 384 bits in twelve 32-bit limbs (least significant first): the exact
    /// intermediate of decimal arithmetic (aligned sums, 192-bit products, dividends scaled by 10^56).
    /// </summary>
    internal unsafe struct WideInteger
    {
        internal const int Limbs = 12;
        private fixed uint _limb[Limbs];

        internal static WideInteger From96(uint lo, uint mid, uint hi)
        {
            WideInteger w = default;
            w._limb[0] = lo; w._limb[1] = mid; w._limb[2] = hi;
            return w;
        }

        internal uint this[int i] => _limb[i];

        internal bool IsZero
        {
            get
            {
                for (int i = 0; i < Limbs; i++) if (_limb[i] != 0) return false;
                return true;
            }
        }

        /// <summary>True when the value needs more than 96 bits.</summary>
        internal bool Exceeds96Bits
        {
            get
            {
                for (int i = 3; i < Limbs; i++) if (_limb[i] != 0) return true;
                return false;
            }
        }

        internal bool IsOdd => (_limb[0] & 1) != 0;

        internal void MultiplyAdd(uint factor, uint addend)
        {
            ulong carry = addend;
            int end = TopLimb + 2 < Limbs ? TopLimb + 2 : Limbs; // a 32-bit factor adds at most one limb
            for (int i = 0; i < end; i++)
            {
                ulong t = (ulong)_limb[i] * factor + carry;
                _limb[i] = (uint)t;
                carry = t >> 32;
            }
        }

        /// <summary>Multiplies by 10^n.</summary>
        internal void MultiplyPow10(int n)
        {
            for (; n >= 9; n -= 9) MultiplyAdd(1000000000, 0);
            if (n > 0) MultiplyAdd(Pow10UInt(n), 0);
        }

        /// <summary>Divides in place by a 32-bit divisor; returns the remainder.</summary>
        internal uint DivideSmall(uint divisor)
        {
            ulong remainder = 0;
            for (int i = TopLimb; i >= 0; i--)
            {
                ulong t = (remainder << 32) | _limb[i];
                ulong q = t / divisor;
                _limb[i] = (uint)q;
                remainder = t - q * divisor;
            }
            return (uint)remainder;
        }

        /// <summary>The value modulo 10, without dividing: 2^32k is 6 (mod 10) for every k &gt;= 1.</summary>
        internal uint Mod10()
        {
            ulong upper = 0;
            for (int i = 1; i <= TopLimb; i++) upper += _limb[i] % 10;
            return (uint)((_limb[0] % 10 + 6 * (upper % 10)) % 10);
        }

        /// <summary>Index of the most significant non-zero limb (0 for zero).</summary>
        private int TopLimb
        {
            get
            {
                int i = Limbs - 1;
                while (i > 0 && _limb[i] == 0) i--;
                return i;
            }
        }

        internal static WideInteger Multiply(WideInteger a, WideInteger b)
        {
            WideInteger r = default;
            for (int i = 0; i < 6; i++)
            {
                if (a._limb[i] == 0) continue;
                ulong carry = 0;
                for (int j = 0; j + i < Limbs; j++)
                {
                    ulong t = (ulong)a._limb[i] * b._limb[j] + r._limb[i + j] + carry;
                    r._limb[i + j] = (uint)t;
                    carry = t >> 32;
                }
            }
            return r;
        }

        internal static WideInteger Add(WideInteger a, WideInteger b)
        {
            WideInteger r = default;
            ulong carry = 0;
            for (int i = 0; i < Limbs; i++)
            {
                ulong t = (ulong)a._limb[i] + b._limb[i] + carry;
                r._limb[i] = (uint)t;
                carry = t >> 32;
            }
            return r;
        }

        /// <summary>a - b for a &gt;= b.</summary>
        internal static WideInteger Subtract(WideInteger a, WideInteger b)
        {
            WideInteger r = default;
            long borrow = 0;
            for (int i = 0; i < Limbs; i++)
            {
                long t = (long)a._limb[i] - b._limb[i] - borrow;
                r._limb[i] = (uint)t;
                borrow = t < 0 ? 1 : 0;
            }
            return r;
        }

        internal static int Compare(WideInteger a, WideInteger b)
        {
            for (int i = Limbs - 1; i >= 0; i--)
                if (a._limb[i] != b._limb[i]) return a._limb[i] < b._limb[i] ? -1 : 1;
            return 0;
        }

        internal int BitLength
        {
            get
            {
                for (int i = Limbs - 1; i >= 0; i--)
                    if (_limb[i] != 0) return 32 * i + 32 - Numerics.BitOperations.LeadingZeroCount(_limb[i]);
                return 0;
            }
        }

        private void ShiftLeft1()
        {
            for (int i = Limbs - 1; i > 0; i--) _limb[i] = (_limb[i] << 1) | (_limb[i - 1] >> 31);
            _limb[0] <<= 1;
        }

        private bool Bit(int index) => (_limb[index >> 5] & (1U << (index & 31))) != 0;

        /// <summary>Quotient and remainder of a / b (b non-zero); by 32-bit limbs when b is small, else bit by bit.</summary>
        internal static WideInteger DivRem(WideInteger a, WideInteger b, out WideInteger remainder)
        {
            if (!b.Exceeds32Bits())
            {
                uint r = a.DivideSmall(b._limb[0]);
                remainder = default;
                remainder._limb[0] = r;
                return a;
            }
            WideInteger q = default, rem = default;
            for (int i = a.BitLength - 1; i >= 0; i--)
            {
                rem.ShiftLeft1();
                if (a.Bit(i)) rem._limb[0] |= 1;
                if (Compare(rem, b) >= 0)
                {
                    rem = Subtract(rem, b);
                    q._limb[i >> 5] |= 1U << (i & 31);
                }
            }
            remainder = rem;
            return q;
        }

        private bool Exceeds32Bits()
        {
            for (int i = 1; i < Limbs; i++) if (_limb[i] != 0) return true;
            return false;
        }

        internal static uint Pow10UInt(int n)
        {
            uint p = 1;
            for (int i = 0; i < n; i++) p *= 10;
            return p;
        }
    }
}
