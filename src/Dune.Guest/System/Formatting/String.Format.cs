namespace System
{
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => CompositeFormat.Format(null, format, new object[] { arg0 });
        public static string Format(string format, object arg0, object arg1) => CompositeFormat.Format(null, format, new object[] { arg0, arg1 });
        public static string Format(string format, object arg0, object arg1, object arg2) => CompositeFormat.Format(null, format, new object[] { arg0, arg1, arg2 });
        public static string Format(string format, params object[] args) => CompositeFormat.Format(null, format, CheckArgs(format, args));
        public static string Format(IFormatProvider provider, string format, object arg0) => CompositeFormat.Format(provider, format, new object[] { arg0 });
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) => CompositeFormat.Format(provider, format, new object[] { arg0, arg1 });
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => CompositeFormat.Format(provider, format, new object[] { arg0, arg1, arg2 });
        public static string Format(IFormatProvider provider, string format, params object[] args) => CompositeFormat.Format(provider, format, CheckArgs(format, args));

        private static object[] CheckArgs(string format, object[] args) => args ?? throw new ArgumentNullException(format == null ? "format" : "args");
    }
}
