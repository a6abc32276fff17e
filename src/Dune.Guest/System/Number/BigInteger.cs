namespace System
{
    internal static partial class Number
    {
        /// <summary>
        /// Unsigned integer of up to 4096 bits in 32-bit blocks, least significant first: the exact arithmetic behind
        /// floating-point digit generation (Dragon4) and correctly rounded parsing. Lives on the stack; operations
        /// touch only the blocks in use.
        /// </summary>
        internal unsafe struct BigInteger
        {
            private const int MaxBlocks = 128;
            private int _length;
            private fixed uint _blocks[MaxBlocks];

            public int Length => _length;
            public bool IsZero => _length == 0;
            public uint this[int i] => _blocks[i];

            public void SetUInt64(ulong value)
            {
                _blocks[0] = (uint)value;
                _blocks[1] = (uint)(value >> 32);
                _length = (value >> 32) != 0 ? 2 : value != 0 ? 1 : 0;
            }

            public void SetPow2(int exponent)
            {
                int block = exponent >> 5;
                for (int i = 0; i < block; i++) _blocks[i] = 0;
                _blocks[block] = 1u << (exponent & 31);
                _length = block + 1;
            }

            public void CopyFrom(ref BigInteger other)
            {
                for (int i = 0; i < other._length; i++) _blocks[i] = other._blocks[i];
                _length = other._length;
            }

            public void Multiply(uint factor)
            {
                ulong carry = 0;
                for (int i = 0; i < _length; i++)
                {
                    ulong p = (ulong)_blocks[i] * factor + carry;
                    _blocks[i] = (uint)p;
                    carry = p >> 32;
                }
                if (carry != 0) _blocks[_length++] = (uint)carry;
            }

            public void MultiplyPow10(int exponent)
            {
                while (exponent >= 9) { Multiply(1000000000); exponent -= 9; }
                if (exponent > 0)
                {
                    uint p = 10;
                    while (--exponent > 0) p *= 10;
                    Multiply(p);
                }
            }

            /// <summary>this = a + b (this may be either operand).</summary>
            public void SetSum(ref BigInteger a, ref BigInteger b)
            {
                int n = a._length > b._length ? a._length : b._length;
                ulong carry = 0;
                for (int i = 0; i < n; i++)
                {
                    ulong s = carry + (i < a._length ? a._blocks[i] : 0u) + (i < b._length ? b._blocks[i] : 0u);
                    _blocks[i] = (uint)s;
                    carry = s >> 32;
                }
                _length = n;
                if (carry != 0) _blocks[_length++] = (uint)carry;
            }

            public void Add(uint value)
            {
                ulong carry = value;
                for (int i = 0; i < _length && carry != 0; i++)
                {
                    ulong s = _blocks[i] + carry;
                    _blocks[i] = (uint)s;
                    carry = s >> 32;
                }
                if (carry != 0) _blocks[_length++] = (uint)carry;
            }

            /// <summary>this -= other; requires this &gt;= other.</summary>
            public void Subtract(ref BigInteger other)
            {
                long borrow = 0;
                for (int i = 0; i < _length; i++)
                {
                    long d = (long)_blocks[i] - (i < other._length ? other._blocks[i] : 0u) + borrow;
                    _blocks[i] = (uint)d;
                    borrow = d >> 32;
                }
                Trim();
            }

            public void ShiftLeft(int bits)
            {
                if (_length == 0 || bits == 0) return;
                int blocks = bits >> 5, rem = bits & 31;
                if (rem == 0)
                {
                    for (int i = _length - 1; i >= 0; i--) _blocks[i + blocks] = _blocks[i];
                }
                else
                {
                    _blocks[_length + blocks] = 0;
                    for (int i = _length - 1; i >= 0; i--)
                    {
                        _blocks[i + blocks + 1] |= _blocks[i] >> (32 - rem);
                        _blocks[i + blocks] = _blocks[i] << rem;
                    }
                    _length++;
                }
                for (int i = 0; i < blocks; i++) _blocks[i] = 0;
                _length += blocks;
                Trim();
            }

            public void ShiftRight(int bits)
            {
                int blocks = bits >> 5, rem = bits & 31;
                if (blocks >= _length) { _length = 0; return; }
                int n = _length - blocks;
                for (int i = 0; i < n; i++)
                {
                    uint lo = _blocks[i + blocks] >> rem;
                    uint hi = rem != 0 && i + blocks + 1 < _length ? _blocks[i + blocks + 1] << (32 - rem) : 0;
                    _blocks[i] = lo | hi;
                }
                _length = n;
                Trim();
            }

            /// <summary>
            /// Returns floor(this / divisor), which must be below 2^64, and leaves the remainder in this
            /// (shift-and-subtract, one quotient bit per step).
            /// </summary>
            public ulong DivRemUInt64(ref BigInteger divisor)
            {
                int shift = BitLength - divisor.BitLength;
                if (shift < 0) return 0;
                BigInteger shifted = default;
                shifted.CopyFrom(ref divisor);
                shifted.ShiftLeft(shift);
                ulong q = 0;
                for (int bit = shift; bit >= 0; bit--)
                {
                    q <<= 1;
                    if (Compare(ref this, ref shifted) >= 0) { Subtract(ref shifted); q |= 1; }
                    shifted.ShiftRight(1);
                }
                return q;
            }

            public int BitLength => _length == 0 ? 0 : (_length - 1) * 32 + Log2(_blocks[_length - 1]) + 1;

            /// <summary>Whether any of the lowest <paramref name="bits"/> bits is set.</summary>
            public bool HasBitsBelow(int bits)
            {
                int full = bits >> 5;
                for (int i = 0; i < full && i < _length; i++) if (_blocks[i] != 0) return true;
                return full < _length && (bits & 31) != 0 && (_blocks[full] & ((1u << (bits & 31)) - 1)) != 0;
            }

            /// <summary>Bits [start, start+64) as an integer (start &gt;= 0).</summary>
            public ulong Bits64(int start)
            {
                ulong r = 0;
                for (int j = start >> 5; j <= (start >> 5) + 2 && j < _length; j++)
                {
                    int shift = j * 32 - start;
                    ulong b = _blocks[j];
                    if (shift < 0) r |= b >> -shift;
                    else if (shift < 64) r |= b << shift;
                }
                return r;
            }

            public static int Compare(ref BigInteger a, ref BigInteger b)
            {
                if (a._length != b._length) return a._length > b._length ? 1 : -1;
                for (int i = a._length - 1; i >= 0; i--)
                    if (a._blocks[i] != b._blocks[i]) return a._blocks[i] > b._blocks[i] ? 1 : -1;
                return 0;
            }

            /// <summary>
            /// Returns q = floor(this / divisor) for a quotient below 10 and leaves the remainder in this. The divisor's
            /// top block must be at least 2^27 so the estimate from the top blocks is off by at most one.
            /// </summary>
            public uint DivRemDigit(ref BigInteger divisor)
            {
                int n = divisor._length;
                if (_length < n) return 0;
                ulong top = _length > n ? ((ulong)_blocks[n] << 32) | _blocks[n - 1] : _blocks[n - 1];
                uint q = (uint)(top / ((ulong)divisor._blocks[n - 1] + 1));
                if (q != 0)
                {
                    ulong carry = 0;
                    long borrow = 0;
                    for (int i = 0; i < _length; i++)
                    {
                        ulong p = (i < n ? (ulong)divisor._blocks[i] * q : 0) + carry;
                        carry = p >> 32;
                        long d = (long)_blocks[i] - (uint)p + borrow;
                        _blocks[i] = (uint)d;
                        borrow = d >> 32;
                    }
                    Trim();
                }
                while (Compare(ref this, ref divisor) >= 0) { Subtract(ref divisor); q++; }
                return q;
            }

            private void Trim()
            {
                while (_length > 0 && _blocks[_length - 1] == 0) _length--;
            }

            internal static int Log2(uint v)
            {
                int r = 0;
                if ((v >> 16) != 0) { v >>= 16; r += 16; }
                if ((v >> 8) != 0) { v >>= 8; r += 8; }
                if ((v >> 4) != 0) { v >>= 4; r += 4; }
                if ((v >> 2) != 0) { v >>= 2; r += 2; }
                if ((v >> 1) != 0) r += 1;
                return r;
            }

            internal static int Log2(ulong v) => (v >> 32) != 0 ? 32 + Log2((uint)(v >> 32)) : Log2((uint)v);
        }
    }
}
