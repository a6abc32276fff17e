namespace System.IO
{
    /// <summary>
    /// Writes characters. Subclasses override Write(char) and, for speed, Write(ReadOnlySpan&lt;char&gt;); every other
    /// overload turns its value into text the way .NET does (value.ToString(), "True"/"False") and forwards.
    /// </summary>
    public abstract partial class TextWriter : IDisposable
    {
        public static readonly TextWriter Null = new NullTextWriter();

        private string _newLine = Environment.NewLine;

        public virtual string NewLine
        {
            get => _newLine;
            set => _newLine = value ?? Environment.NewLine;
        }

        public virtual void Write(char value) { }

        public virtual void Write(ReadOnlySpan<char> buffer)
        {
            for (int i = 0; i < buffer.Length; i++) Write(buffer[i]);
        }

        public virtual void Write(string value)
        {
            if (value != null) Write((ReadOnlySpan<char>)value);
        }

        public virtual void Write(char[] buffer)
        {
            if (buffer != null) Write(new ReadOnlySpan<char>(buffer));
        }

        public virtual void Write(char[] buffer, int index, int count)
        {
            if (buffer == null) System.Text.TextThrow.Null("buffer");
            if (index < 0) System.Text.TextThrow.Negative("index", index);
            if (count < 0) System.Text.TextThrow.Negative("count", count);
            if (buffer.Length - index < count) System.Text.TextThrow.Argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.", null);
            Write(new ReadOnlySpan<char>(buffer).Slice(index, count));
        }

        public virtual void Write(bool value) => Write(value ? "True" : "False");
        public virtual void Write(int value) => Write(value.ToString());
        public virtual void Write(uint value) => Write(value.ToString());
        public virtual void Write(long value) => Write(value.ToString());
        public virtual void Write(ulong value) => Write(value.ToString());
        public virtual void Write(float value) => Write(value.ToString());
        public virtual void Write(double value) => Write(value.ToString());
        public virtual void Write(object value)
        {
            if (value != null) Write(value.ToString());
        }

        public virtual void Write(System.Text.StringBuilder value)
        {
            if (value != null) Write(value.ToString());
        }

        public virtual void WriteLine() => Write(_newLine);

        /// <summary>The text and the newline go out in one Write, so a line reaches the output in one piece.</summary>
        public virtual void WriteLine(ReadOnlySpan<char> buffer)
        {
            int total = buffer.Length + _newLine.Length;
            if (total <= 512)
            {
                Span<char> line = stackalloc char[total];
                buffer.CopyTo(line);
                ((ReadOnlySpan<char>)_newLine).CopyTo(line.Slice(buffer.Length));
                Write(line);
            }
            else
            {
                Write(buffer);
                Write(_newLine);
            }
        }

        public virtual void WriteLine(string value) => WriteLine((ReadOnlySpan<char>)value);
        public virtual void WriteLine(char value) => WriteLine(new ReadOnlySpan<char>(ref value, 1));
        public virtual void WriteLine(char[] buffer) => WriteLine(new ReadOnlySpan<char>(buffer));
        public virtual void WriteLine(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            WriteLine();
        }

        public virtual void WriteLine(bool value) => WriteLine(value ? "True" : "False");
        public virtual void WriteLine(int value) => WriteLine(value.ToString());
        public virtual void WriteLine(uint value) => WriteLine(value.ToString());
        public virtual void WriteLine(long value) => WriteLine(value.ToString());
        public virtual void WriteLine(ulong value) => WriteLine(value.ToString());
        public virtual void WriteLine(float value) => WriteLine(value.ToString());
        public virtual void WriteLine(double value) => WriteLine(value.ToString());
        public virtual void WriteLine(object value) => WriteLine(value?.ToString());
        public virtual void WriteLine(System.Text.StringBuilder value) => WriteLine(value?.ToString());

        public virtual void Flush() { }

        public virtual void Close() => Dispose();

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing) { }

        private sealed class NullTextWriter : TextWriter
        {
            public override void Write(ReadOnlySpan<char> buffer) { }
            public override void WriteLine(ReadOnlySpan<char> buffer) { }
        }
    }
}
