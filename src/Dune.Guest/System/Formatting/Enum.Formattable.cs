namespace System
{
    /// <summary>Enums take a format in composite formatting and interpolation holes ({0:D}, {e:X}), as on .NET.</summary>
    public abstract partial class Enum : IFormattable
    {
        public string ToString(string format, IFormatProvider provider) => ToString(format);
    }
}
