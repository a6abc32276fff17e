namespace System
{
    /// <summary>Supplies formatting information (a NumberFormatInfo) for a type.</summary>
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    /// <summary>A value that formats itself according to a format string and provider.</summary>
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    /// <summary>A value that formats itself into a span without allocating.</summary>
    public interface ISpanFormattable : IFormattable
    {
        bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider provider);
    }
}
