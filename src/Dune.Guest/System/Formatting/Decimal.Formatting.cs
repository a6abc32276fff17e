namespace System
{
    /// <summary>decimal's text goes through the numeric formatter: standard and custom format strings, as on .NET.</summary>
    public readonly partial struct Decimal : IFormattable, ISpanFormattable
    {
        public override string ToString() => ToString(null, null);
        public string ToString(string format) => ToString(format, null);
        public string ToString(IFormatProvider provider) => ToString(null, provider);

        public string ToString(string format, IFormatProvider provider)
        {
            Span<char> digits = stackalloc char[29];
            int n = GetDigits(this, digits, out int scale, out bool negative);
            return Number.FormatDecimal(digits.Slice(0, n), scale, negative, format, provider);
        }

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
        {
            Span<char> digits = stackalloc char[29];
            int n = GetDigits(this, digits, out int scale, out bool negative);
            return Number.TryFormatDecimal(digits.Slice(0, n), scale, negative, format, provider, destination, out charsWritten);
        }
    }
}
