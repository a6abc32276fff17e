namespace System
{
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => Format(null, format, arg0);
        public static string Format(string format, object arg0, object arg1) => Format(null, format, arg0, arg1);
        public static string Format(string format, object arg0, object arg1, object arg2) => Format(null, format, arg0, arg1, arg2);
        public static string Format(string format, params object[] args) => CompositeFormat.Format(null, format, CheckArgs(format, args));

        public static string Format(IFormatProvider provider, string format, object arg0)
        {
            var args = new FormatArguments(arg0, null, null);
            return CompositeFormat.Format(provider, format, FormatArguments.Span(ref args, 1));
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1)
        {
            var args = new FormatArguments(arg0, arg1, null);
            return CompositeFormat.Format(provider, format, FormatArguments.Span(ref args, 2));
        }

        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            var args = new FormatArguments(arg0, arg1, arg2);
            return CompositeFormat.Format(provider, format, FormatArguments.Span(ref args, 3));
        }

        public static string Format(IFormatProvider provider, string format, params object[] args) => CompositeFormat.Format(provider, format, CheckArgs(format, args));

        internal static object[] CheckArgs(string format, object[] args) => args ?? throw new ArgumentNullException(format == null ? "format" : "args");
    }

    /// <summary>Up to three format arguments in a local, so the fixed-arity overloads allocate no array.</summary>
    internal struct FormatArguments
    {
        private object _arg0, _arg1, _arg2;

        public FormatArguments(object arg0, object arg1, object arg2)
        {
            _arg0 = arg0;
            _arg1 = arg1;
            _arg2 = arg2;
        }

        /// <summary>The first <paramref name="count"/> arguments.</summary>
        public static ReadOnlySpan<object> Span(ref FormatArguments args, int count) =>
            System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref args._arg0, count);
    }
}
