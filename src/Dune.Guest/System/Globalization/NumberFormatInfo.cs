namespace System.Globalization
{
    /// <summary>
    /// Symbols and patterns for formatting and parsing numbers. Only the invariant culture exists here, so every
    /// instance carries the invariant values and is read-only.
    /// </summary>
    public sealed class NumberFormatInfo : IFormatProvider
    {
        private static readonly NumberFormatInfo s_invariant = new NumberFormatInfo();

        internal readonly int[] _groupSizes = new int[] { 3 };

        private NumberFormatInfo() { }

        public static NumberFormatInfo InvariantInfo => s_invariant;
        public static NumberFormatInfo CurrentInfo => s_invariant;

        /// <summary>The NumberFormatInfo a provider supplies; the invariant one for null or providers without one.</summary>
        public static NumberFormatInfo GetInstance(IFormatProvider formatProvider) =>
            formatProvider == null ? s_invariant :
            formatProvider as NumberFormatInfo ?? formatProvider.GetFormat(typeof(NumberFormatInfo)) as NumberFormatInfo ?? s_invariant;

        public object GetFormat(Type formatType) => formatType == typeof(NumberFormatInfo) ? this : null;

        public bool IsReadOnly => true;

        public string NegativeSign => "-";
        public string PositiveSign => "+";
        public string NaNSymbol => "NaN";
        public string PositiveInfinitySymbol => "Infinity";
        public string NegativeInfinitySymbol => "-Infinity";
        public string NumberDecimalSeparator => ".";
        public string NumberGroupSeparator => ",";
        public int NumberDecimalDigits => 2;
        public int NumberNegativePattern => 1;
        public int[] NumberGroupSizes => new int[] { 3 };
        public string CurrencySymbol => "\u00A4";
        public string CurrencyDecimalSeparator => ".";
        public string CurrencyGroupSeparator => ",";
        public int CurrencyDecimalDigits => 2;
        public int CurrencyPositivePattern => 0;
        public int CurrencyNegativePattern => 0;
        public int[] CurrencyGroupSizes => new int[] { 3 };
        public string PercentSymbol => "%";
        public string PerMilleSymbol => "\u2030";
        public string PercentDecimalSeparator => ".";
        public string PercentGroupSeparator => ",";
        public int PercentDecimalDigits => 2;
        public int PercentPositivePattern => 0;
        public int PercentNegativePattern => 0;
        public int[] PercentGroupSizes => new int[] { 3 };
    }
}
