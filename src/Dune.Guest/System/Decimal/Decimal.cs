namespace System
{
    /// <summary>
    /// 128-bit decimal floating point with .NET's layout: flags (sign in bit 31, scale 0-28 in bits 16-23),
    /// then the 96-bit unsigned mantissa as a high 32-bit word and a low 64-bit word. The value is
    /// (-1)^sign * mantissa / 10^scale; the scale is kept, so 1.10m and 1.1m are equal but print differently.
    /// </summary>
    public readonly partial struct Decimal : IComparable, IComparable<decimal>, IEquatable<decimal>
    {
        private const int SignMask = unchecked((int)0x80000000);
        private const int ScaleShift = 16;
        internal const int MaxScale = 28;

        private readonly int _flags;
        private readonly uint _hi32;
        private readonly ulong _lo64;

        public const decimal Zero = 0m;
        public const decimal One = 1m;
        public const decimal MinusOne = -1m;
        public const decimal MaxValue = 79228162514264337593543950335m;
        public const decimal MinValue = -79228162514264337593543950335m;

        public Decimal(int value)
        {
            _flags = value < 0 ? SignMask : 0;
            _hi32 = 0;
            _lo64 = value < 0 ? (ulong)-(long)value : (ulong)value;
        }

        public Decimal(uint value) { _flags = 0; _hi32 = 0; _lo64 = value; }

        public Decimal(long value)
        {
            _flags = value < 0 ? SignMask : 0;
            _hi32 = 0;
            _lo64 = value < 0 ? (ulong)-value : (ulong)value;
        }

        public Decimal(ulong value) { _flags = 0; _hi32 = 0; _lo64 = value; }

        public Decimal(int lo, int mid, int hi, bool isNegative, byte scale)
        {
            if (scale > MaxScale)
                throw new ArgumentOutOfRangeException("scale", scale, "scale ('" + scale.ToString() + "') must be less than or equal to '28'.");
            _flags = (isNegative ? SignMask : 0) | (scale << ScaleShift);
            _hi32 = (uint)hi;
            _lo64 = (uint)lo | ((ulong)(uint)mid << 32);
        }

        public Decimal(int[] bits)
        {
            if (bits == null) throw new ArgumentNullException("bits");
            if (bits.Length != 4 || (bits[3] & 0x7F00FFFF) != 0 || ((bits[3] >> ScaleShift) & 0xFF) > MaxScale)
                throw new ArgumentException("Decimal constructor requires an array or span of four valid decimal bytes.");
            _flags = bits[3];
            _hi32 = (uint)bits[2];
            _lo64 = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        }

        public Decimal(double value) => this = DecimalConversion.FromDouble(value, 15);
        public Decimal(float value) => this = DecimalConversion.FromDouble(value, 7);

        internal Decimal(bool isNegative, int scale, uint hi, ulong lo)
        {
            _flags = (isNegative ? SignMask : 0) | (scale << ScaleShift);
            _hi32 = hi;
            _lo64 = lo;
        }

        internal bool IsNegativeFlag => _flags < 0;
        internal int ScaleValue => (byte)(_flags >> ScaleShift);
        internal uint High => _hi32;
        internal uint Mid => (uint)(_lo64 >> 32);
        internal uint Low => (uint)_lo64;
        internal ulong Low64 => _lo64;
        internal bool IsZeroMagnitude => (_lo64 | _hi32) == 0;

        public byte Scale => (byte)ScaleValue;

        public static int[] GetBits(decimal d) => new int[] { (int)d.Low, (int)d.Mid, (int)d._hi32, d._flags };

        public static bool IsNegative(decimal d) => d._flags < 0;
        public static bool IsInteger(decimal d) => d == Truncate(d);

        /// <summary>
        /// The digits of the magnitude, most significant first, and the scale (digits after the point) — for the
        /// numeric formatting of format strings. Returns the digit count; <paramref name="digits"/> needs 29 chars.
        /// </summary>
        internal static int GetDigits(decimal d, Span<char> digits, out int scale, out bool isNegative)
        {
            scale = d.ScaleValue;
            isNegative = d.IsNegativeFlag;
            WideInteger m = WideInteger.From96(d.Low, d.Mid, d._hi32);
            Span<char> reversed = stackalloc char[29];
            int n = 0;
            do { reversed[n++] = (char)('0' + m.DivideSmall(10)); } while (!m.IsZero);
            for (int i = 0; i < n; i++) digits[i] = reversed[n - 1 - i];
            return n;
        }

        public override bool Equals(object value) => value is decimal other && Compare(this, other) == 0;
        public bool Equals(decimal value) => Compare(this, value) == 0;
        public static bool Equals(decimal d1, decimal d2) => Compare(d1, d2) == 0;

        /// <summary>.NET's hash: equal values hash alike, so trailing zeros are removed first.</summary>
        public override int GetHashCode()
        {
            if (IsZeroMagnitude) return 0;
            decimal n = DecimalArithmetic.Normalize(this);
            return n._flags ^ (int)n._hi32 ^ (int)n.Mid ^ (int)n.Low;
        }

        public int CompareTo(decimal value) => Compare(this, value);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not decimal other) throw new ArgumentException("Object must be of type Decimal.");
            return Compare(this, other);
        }

        public static int Compare(decimal d1, decimal d2) => DecimalArithmetic.Compare(d1, d2);

        public static bool operator ==(decimal d1, decimal d2) => Compare(d1, d2) == 0;
        public static bool operator !=(decimal d1, decimal d2) => Compare(d1, d2) != 0;
        public static bool operator <(decimal d1, decimal d2) => Compare(d1, d2) < 0;
        public static bool operator <=(decimal d1, decimal d2) => Compare(d1, d2) <= 0;
        public static bool operator >(decimal d1, decimal d2) => Compare(d1, d2) > 0;
        public static bool operator >=(decimal d1, decimal d2) => Compare(d1, d2) >= 0;

        public static decimal operator +(decimal d) => d;
        public static decimal operator -(decimal d) => Negate(d);
        public static decimal operator ++(decimal d) => Add(d, One);
        public static decimal operator --(decimal d) => Subtract(d, One);
        public static decimal operator +(decimal d1, decimal d2) => Add(d1, d2);
        public static decimal operator -(decimal d1, decimal d2) => Subtract(d1, d2);
        public static decimal operator *(decimal d1, decimal d2) => Multiply(d1, d2);
        public static decimal operator /(decimal d1, decimal d2) => Divide(d1, d2);
        public static decimal operator %(decimal d1, decimal d2) => Remainder(d1, d2);

        public static decimal Negate(decimal d) => new decimal(!d.IsNegativeFlag, d.ScaleValue, d._hi32, d._lo64);
        public static decimal Add(decimal d1, decimal d2) => DecimalArithmetic.Add(d1, d2, false);
        public static decimal Subtract(decimal d1, decimal d2) => DecimalArithmetic.Add(d1, d2, true);
        public static decimal Multiply(decimal d1, decimal d2) => DecimalArithmetic.Multiply(d1, d2);
        public static decimal Divide(decimal d1, decimal d2) => DecimalArithmetic.Divide(d1, d2);
        public static decimal Remainder(decimal d1, decimal d2) => DecimalArithmetic.Remainder(d1, d2);
        public static decimal Abs(decimal value) => new decimal(false, value.ScaleValue, value._hi32, value._lo64);
        public static decimal Max(decimal x, decimal y) => Compare(x, y) >= 0 ? x : y;
        public static decimal Min(decimal x, decimal y) => Compare(x, y) < 0 ? x : y;

        public static decimal Floor(decimal d) => DecimalArithmetic.RoundTo(d, 0, MidpointRounding.ToNegativeInfinity);
        public static decimal Ceiling(decimal d) => DecimalArithmetic.RoundTo(d, 0, MidpointRounding.ToPositiveInfinity);
        public static decimal Truncate(decimal d) => DecimalArithmetic.RoundTo(d, 0, MidpointRounding.ToZero);
        public static decimal Round(decimal d) => DecimalArithmetic.RoundTo(d, 0, MidpointRounding.ToEven);
        public static decimal Round(decimal d, int decimals) => Round(d, decimals, MidpointRounding.ToEven);
        public static decimal Round(decimal d, MidpointRounding mode) => Round(d, 0, mode);

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            if ((uint)decimals > MaxScale)
                throw new ArgumentOutOfRangeException("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
            Math.CheckMode(mode);
            return DecimalArithmetic.RoundTo(d, decimals, mode);
        }

        public static int Sign(decimal d) => d.IsZeroMagnitude ? 0 : d.IsNegativeFlag ? -1 : 1;
    }
}
