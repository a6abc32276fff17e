namespace System
{
    public static partial class Console
    {
        public static void Write(string format, object arg0) => Write(string.Format(format, arg0));
        public static void Write(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));
        public static void Write(string format, object arg0, object arg1, object arg2) => Write(string.Format(format, arg0, arg1, arg2));
        public static void Write(string format, params object[] args) => Write(string.Format(format, args));
        public static void WriteLine(string format, object arg0) => WriteLine(string.Format(format, arg0));
        public static void WriteLine(string format, object arg0, object arg1) => WriteLine(string.Format(format, arg0, arg1));
        public static void WriteLine(string format, object arg0, object arg1, object arg2) => WriteLine(string.Format(format, arg0, arg1, arg2));
        public static void WriteLine(string format, params object[] args) => WriteLine(string.Format(format, args));
    }
}
