using Dune.Platform;

namespace System
{
    /// <summary>Unbuffered console output: each call is one write(2) of the UTF-8 text.</summary>
    public static unsafe partial class Console
    {
        public static void Write(string s) => WriteTo(1, s);
        public static void WriteLine(string s) => WriteTo(1, s, true);
        public static void WriteLine() => WriteTo(1, "", true);
        public static void Write(long v) => Write(Number.Format(v));
        public static void WriteLine(long v) => WriteLine(Number.Format(v));
        public static void Write(object o) => Write(o?.ToString());
        public static void WriteLine(object o) => WriteLine(o?.ToString());

        public static class Error
        {
            public static void Write(string s) => WriteTo(2, s);
            public static void WriteLine(string s) => WriteTo(2, s, true);
        }

        /// <summary>Writes the text (and a newline) with a single system call so lines do not interleave.</summary>
        internal static void WriteTo(int fd, string s, bool newline = false)
        {
            s ??= "";
            int bytes = Utf8.ByteCount(s) + (newline ? 1 : 0);
            byte* small = stackalloc byte[512];
            byte* buf = bytes <= 512 ? small : (byte*)Linux.Mmap(null, (nuint)bytes, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (buf == null) return;
            int n = Utf8.Encode(s, buf);
            if (newline) buf[n++] = (byte)'\n';
            Linux.WriteAll(fd, buf, (nuint)n);
            if (buf != small) Linux.Munmap(buf, (nuint)bytes);
        }
    }
}
