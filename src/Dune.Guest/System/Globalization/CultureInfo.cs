namespace System.Globalization
{
    /// <summary>
    /// Culture-specific formatting: this runtime has only the invariant culture (as .NET with
    /// InvariantGlobalization), so CurrentCulture and InvariantCulture are the same object.
    /// </summary>
    public sealed class CultureInfo : IFormatProvider
    {
        private static readonly CultureInfo s_invariant = new CultureInfo();

        private CultureInfo() { }

        public static CultureInfo InvariantCulture => s_invariant;
        public static CultureInfo CurrentCulture => s_invariant;
        public static CultureInfo CurrentUICulture => s_invariant;

        public string Name => "";
        public NumberFormatInfo NumberFormat => NumberFormatInfo.InvariantInfo;

        public object GetFormat(Type formatType) => formatType == typeof(NumberFormatInfo) ? NumberFormatInfo.InvariantInfo : null;

        public override string ToString() => "";
    }
}
