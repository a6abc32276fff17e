namespace System.Text
{
    /// <summary>Composite formatting straight into the builder (CompositeFormat.AppendTo), with no intermediate string.</summary>
    public sealed partial class StringBuilder
    {
        public StringBuilder AppendFormat(string format, object arg0) => AppendFormat(null, format, arg0);
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormat(null, format, arg0, arg1);
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => AppendFormat(null, format, arg0, arg1, arg2);
        public StringBuilder AppendFormat(string format, params object[] args) => AppendFormat(null, format, args);

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0)
        {
            var args = new FormatArguments(arg0, null, null);
            CompositeFormat.AppendTo(this, provider, format, FormatArguments.Span(ref args, 1));
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1)
        {
            var args = new FormatArguments(arg0, arg1, null);
            CompositeFormat.AppendTo(this, provider, format, FormatArguments.Span(ref args, 2));
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2)
        {
            var args = new FormatArguments(arg0, arg1, arg2);
            CompositeFormat.AppendTo(this, provider, format, FormatArguments.Span(ref args, 3));
            return this;
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            CompositeFormat.AppendTo(this, provider, format, string.CheckArgs(format, args));
            return this;
        }
    }
}
