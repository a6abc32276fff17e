using System.Globalization;

namespace System
{
    // ToString and TryFormat of the integer types: all go through Number.FormatInteger (standard and custom formats).
    public partial struct SByte : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(long)m_value, true, 8, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 8, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 8, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(long)m_value, true, 8, format, provider, destination, out charsWritten);
    }

    public partial struct Byte : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)m_value, false, 8, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 8, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 8, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)m_value, false, 8, format, provider, destination, out charsWritten);
    }

    public partial struct Int16 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(long)m_value, true, 16, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 16, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 16, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(long)m_value, true, 16, format, provider, destination, out charsWritten);
    }

    public partial struct UInt16 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)m_value, false, 16, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 16, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 16, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)m_value, false, 16, format, provider, destination, out charsWritten);
    }

    public partial struct Int32 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(long)m_value, true, 32, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 32, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 32, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(long)m_value, true, 32, format, provider, destination, out charsWritten);
    }

    public partial struct UInt32 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)m_value, false, 32, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 32, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 32, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)m_value, false, 32, format, provider, destination, out charsWritten);
    }

    public partial struct Int64 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((long)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(long)m_value, true, 64, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 64, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(long)m_value, true, 64, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(long)m_value, true, 64, format, provider, destination, out charsWritten);
    }

    public partial struct UInt64 : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((ulong)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)m_value, false, 64, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 64, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)m_value, false, 64, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)m_value, false, 64, format, provider, destination, out charsWritten);
    }

    public unsafe partial struct IntPtr : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((long)(nint)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(long)(nint)m_value, true, 64, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(long)(nint)m_value, true, 64, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(long)(nint)m_value, true, 64, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(long)(nint)m_value, true, 64, format, provider, destination, out charsWritten);
    }

    public unsafe partial struct UIntPtr : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.Format((ulong)(nuint)m_value);
        public string ToString(string format) => Number.FormatInteger((ulong)(nuint)m_value, false, 64, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatInteger((ulong)(nuint)m_value, false, 64, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatInteger((ulong)(nuint)m_value, false, 64, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatInteger((ulong)(nuint)m_value, false, 64, format, provider, destination, out charsWritten);
    }

    public partial struct Double : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.FormatDouble(m_value, null, null);
        public string ToString(string format) => Number.FormatDouble(m_value, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatDouble(m_value, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatDouble(m_value, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatDouble(m_value, format, provider, destination, out charsWritten);
    }

    public partial struct Single : IFormattable, ISpanFormattable
    {
        public override string ToString() => Number.FormatSingle(m_value, null, null);
        public string ToString(string format) => Number.FormatSingle(m_value, format, null);
        public string ToString(IFormatProvider provider) => Number.FormatSingle(m_value, null, provider);
        public string ToString(string format, IFormatProvider provider) => Number.FormatSingle(m_value, format, provider);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null) =>
            Number.TryFormatSingle(m_value, format, provider, destination, out charsWritten);
    }

    public partial struct Char
    {
        public static string ToString(char c) => string.FromChar(c);
        public string ToString(IFormatProvider provider) => string.FromChar(m_value);
    }

    public partial struct Boolean
    {
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";
        public string ToString(IFormatProvider provider) => ToString();
        public bool TryFormat(Span<char> destination, out int charsWritten)
        {
            string s = ToString();
            if (s.Length > destination.Length) { charsWritten = 0; return false; }
            ((ReadOnlySpan<char>)s).CopyTo(destination);
            charsWritten = s.Length;
            return true;
        }
    }
}
