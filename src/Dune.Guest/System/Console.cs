using Dune.Platform;
using System.IO;

namespace System
{
    /// <summary>
    /// Standard input, output and error. Out and Error write through at once (as .NET's console writers, which
    /// auto-flush): each Write/WriteLine call is one write(2) of its UTF-8 text, a failed write throws IOException
    /// where it happens, and nothing is left buffered at exit. As on .NET, Out and Error (also after SetOut/SetError)
    /// are synchronized writers: a call through Console or through Console.Out never interleaves with another thread's.
    /// </summary>
    public static partial class Console
    {
        private static TextWriter s_out, s_error;
        private static TextReader s_in;

        public static TextWriter Out => s_out ?? Publish(ref s_out, ConsoleWriter(1));
        public static TextWriter Error => s_error ?? Publish(ref s_error, ConsoleWriter(2));
        public static TextReader In => s_in ??= new StreamReader(new ConsoleStream(0, write: false), detectEncodingFromByteOrderMarks: false, 4096, leaveOpen: true);

        private static TextWriter ConsoleWriter(int fd) =>
            TextWriter.Synchronized(new StreamWriter(new ConsoleStream(fd, write: true), 256, leaveOpen: true) { AutoFlush = true });

        // Two threads racing on first use must share one writer (and so one lock).
        private static TextWriter Publish(ref TextWriter slot, TextWriter created) =>
            System.Threading.Interlocked.CompareExchange(ref slot, created, null) ?? created;

        public static void SetOut(TextWriter newOut)
        {
            if (newOut == null) System.Text.TextThrow.Null("newOut");
            s_out = TextWriter.Synchronized(newOut);
        }

        public static void SetError(TextWriter newError)
        {
            if (newError == null) System.Text.TextThrow.Null("newError");
            s_error = TextWriter.Synchronized(newError);
        }

        public static void SetIn(TextReader newIn)
        {
            if (newIn == null) System.Text.TextThrow.Null("newIn");
            s_in = newIn;
        }

        public static Stream OpenStandardInput() => new ConsoleStream(0, write: false);
        public static Stream OpenStandardOutput() => new ConsoleStream(1, write: true);
        public static Stream OpenStandardError() => new ConsoleStream(2, write: true);

        public static string ReadLine() => In.ReadLine();
        public static int Read() => In.Read();

        public static void Write(string value) => Out.Write(value);
        public static void Write(char value) => Out.Write(value);
        public static void Write(char[] buffer) => Out.Write(buffer);
        public static void Write(char[] buffer, int index, int count) => Out.Write(buffer, index, count);
        public static void Write(bool value) => Out.Write(value);
        public static void Write(int value) => Out.Write(value);
        public static void Write(uint value) => Out.Write(value);
        public static void Write(long value) => Out.Write(value);
        public static void Write(ulong value) => Out.Write(value);
        public static void Write(float value) => Out.Write(value);
        public static void Write(double value) => Out.Write(value);
        public static void Write(object value) => Out.Write(value);

        public static void WriteLine() => Out.WriteLine();
        public static void WriteLine(string value) => Out.WriteLine(value);
        public static void WriteLine(char value) => Out.WriteLine(value);
        public static void WriteLine(char[] buffer) => Out.WriteLine(buffer);
        public static void WriteLine(char[] buffer, int index, int count) => Out.WriteLine(buffer, index, count);
        public static void WriteLine(bool value) => Out.WriteLine(value);
        public static void WriteLine(int value) => Out.WriteLine(value);
        public static void WriteLine(uint value) => Out.WriteLine(value);
        public static void WriteLine(long value) => Out.WriteLine(value);
        public static void WriteLine(ulong value) => Out.WriteLine(value);
        public static void WriteLine(float value) => Out.WriteLine(value);
        public static void WriteLine(double value) => Out.WriteLine(value);
        public static void WriteLine(object value) => Out.WriteLine(value);

        /// <summary>
        /// Writes straight to a file descriptor in one system call, without allocating from the heap and ignoring
        /// errors: for the runtime's own last-resort reports (unhandled exceptions, fatal errors).
        /// </summary>
        internal static unsafe void WriteTo(int fd, string s, bool newline = false)
        {
            s ??= "";
            int bytes = Utf8.ByteCount(s) + (newline ? 1 : 0);
            byte* small = stackalloc byte[512];
            byte* buf = bytes <= 512 ? small : (byte*)Linux.Mmap(null, (nuint)bytes, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (buf == null) return;
            int n = Utf8.Encode(s, new Span<byte>(buf, bytes));
            if (newline) buf[n++] = (byte)'\n';
            Linux.WriteAll(fd, buf, (nuint)n);
            if (buf != small) Linux.Munmap(buf, (nuint)bytes);
        }
    }
}
