namespace System
{
    /// <summary>
    /// A position counted from the start or from the end of a sequence (<c>^1</c> is the last element), as csc lowers
    /// <c>x[^n]</c>. Kept in one int: the value itself from the start, its complement from the end.
    /// </summary>
    public readonly struct Index : IEquatable<Index>
    {
        private readonly int _value;

        /// <summary>From <see cref="_value"/>'s encoding: the offset, or the complement of the distance from the end.</summary>
        private Index(int encoded) => _value = encoded;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0) ThrowNegative();
            _value = fromEnd ? ~value : value;
        }

        /// <summary>The first element (0).</summary>
        public static Index Start => new Index(0);
        /// <summary>Just past the last element (^0).</summary>
        public static Index End => new Index(~0);

        public static Index FromStart(int value)
        {
            if (value < 0) ThrowNegative();
            return new Index(value);
        }

        public static Index FromEnd(int value)
        {
            if (value < 0) ThrowNegative();
            return new Index(~value);
        }

        /// <summary>The distance from the start, or from the end for <see cref="IsFromEnd"/>.</summary>
        public int Value => _value < 0 ? ~_value : _value;

        public bool IsFromEnd => _value < 0;

        /// <summary>The offset from the start in a sequence of <paramref name="length"/> elements (not checked against it).</summary>
        public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;

        public override bool Equals(object value) => value is Index other && other._value == _value;

        public bool Equals(Index other) => _value == other._value;

        public override int GetHashCode() => _value;

        public static implicit operator Index(int value) => FromStart(value);

        public override string ToString() => IsFromEnd ? "^" + ((uint)Value).ToString() : ((uint)Value).ToString();

        private static void ThrowNegative() => throw new ArgumentOutOfRangeException("value", "Non-negative number required.");
    }
}
