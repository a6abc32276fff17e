using System.Text;

namespace System.IO
{
    public abstract partial class TextWriter
    {
        /// <summary>
        /// A writer whose every member runs whole under one lock, so text written from several threads never
        /// interleaves inside a call (as .NET's <c>TextWriter.Synchronized</c>; Console.Out and Console.Error are such
        /// writers). Wrapping a synchronized writer again returns it unchanged.
        /// </summary>
        public static TextWriter Synchronized(TextWriter writer)
        {
            if (writer == null) TextThrow.Null(nameof(writer));
            return writer is SyncTextWriter ? writer : new SyncTextWriter(writer);
        }

        private sealed class SyncTextWriter : TextWriter
        {
            private readonly TextWriter _inner;

            internal SyncTextWriter(TextWriter inner) => _inner = inner;

            public override string NewLine
            {
                get { lock (this) return _inner.NewLine; }
                set { lock (this) _inner.NewLine = value; }
            }

            public override void Write(char value) { lock (this) _inner.Write(value); }
            public override void Write(ReadOnlySpan<char> buffer) { lock (this) _inner.Write(buffer); }
            public override void Write(string value) { lock (this) _inner.Write(value); }
            public override void Write(char[] buffer) { lock (this) _inner.Write(buffer); }
            public override void Write(char[] buffer, int index, int count) { lock (this) _inner.Write(buffer, index, count); }
            public override void Write(bool value) { lock (this) _inner.Write(value); }
            public override void Write(int value) { lock (this) _inner.Write(value); }
            public override void Write(uint value) { lock (this) _inner.Write(value); }
            public override void Write(long value) { lock (this) _inner.Write(value); }
            public override void Write(ulong value) { lock (this) _inner.Write(value); }
            public override void Write(float value) { lock (this) _inner.Write(value); }
            public override void Write(double value) { lock (this) _inner.Write(value); }
            public override void Write(object value) { lock (this) _inner.Write(value); }
            public override void Write(StringBuilder value) { lock (this) _inner.Write(value); }
            public override void Write(string format, object arg0) { lock (this) _inner.Write(format, arg0); }
            public override void Write(string format, object arg0, object arg1) { lock (this) _inner.Write(format, arg0, arg1); }
            public override void Write(string format, object arg0, object arg1, object arg2) { lock (this) _inner.Write(format, arg0, arg1, arg2); }
            public override void Write(string format, params object[] arg) { lock (this) _inner.Write(format, arg); }

            public override void WriteLine() { lock (this) _inner.WriteLine(); }
            public override void WriteLine(ReadOnlySpan<char> buffer) { lock (this) _inner.WriteLine(buffer); }
            public override void WriteLine(string value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(char value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(char[] buffer) { lock (this) _inner.WriteLine(buffer); }
            public override void WriteLine(char[] buffer, int index, int count) { lock (this) _inner.WriteLine(buffer, index, count); }
            public override void WriteLine(bool value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(int value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(uint value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(long value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(ulong value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(float value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(double value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(object value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(StringBuilder value) { lock (this) _inner.WriteLine(value); }
            public override void WriteLine(string format, object arg0) { lock (this) _inner.WriteLine(format, arg0); }
            public override void WriteLine(string format, object arg0, object arg1) { lock (this) _inner.WriteLine(format, arg0, arg1); }
            public override void WriteLine(string format, object arg0, object arg1, object arg2) { lock (this) _inner.WriteLine(format, arg0, arg1, arg2); }
            public override void WriteLine(string format, params object[] arg) { lock (this) _inner.WriteLine(format, arg); }

            public override void Flush() { lock (this) _inner.Flush(); }

            protected override void Dispose(bool disposing)
            {
                if (disposing) lock (this) _inner.Dispose();
            }
        }
    }
}
