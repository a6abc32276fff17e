namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder AppendFormat(string format, object arg0) => Append(string.Format(format, arg0));
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => Append(string.Format(format, arg0, arg1));
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => Append(string.Format(format, arg0, arg1, arg2));
        public StringBuilder AppendFormat(string format, params object[] args) => Append(string.Format(format, args));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0) => Append(string.Format(provider, format, arg0));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1) => Append(string.Format(provider, format, arg0, arg1));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => Append(string.Format(provider, format, arg0, arg1, arg2));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args) => Append(string.Format(provider, format, args));
    }
}
