using System.Text;

namespace System.IO
{
    /// <summary>
    /// Text to a stream as UTF-8 (no byte-order mark). Characters collect in a buffer that is encoded and written
    /// when full, on Flush, on Dispose, or after every call with AutoFlush. A high surrogate at the end of the buffer
    /// waits for its low half, so a pair written one char at a time still encodes as one code point.
    /// </summary>
    public partial class StreamWriter : TextWriter
    {
        private const int DefaultBufferSize = 1024;

        private Stream _stream;
        private readonly char[] _chars;
        private int _count;
        private byte[] _bytes;
        private readonly bool _leaveOpen;

        public StreamWriter(Stream stream) : this(stream, DefaultBufferSize, false) { }

        public StreamWriter(string path) : this(path, false) { }

        public StreamWriter(string path, bool append)
            : this(new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), DefaultBufferSize, false) { }

        internal StreamWriter(Stream stream, int bufferSize, bool leaveOpen)
        {
            if (stream == null) TextThrow.Null("stream");
            if (!stream.CanWrite) TextThrow.Argument("Stream was not writable.", null);
            _stream = stream;
            _chars = new char[bufferSize];
            _leaveOpen = leaveOpen;
        }

        public bool AutoFlush { get; set; }

        public Stream BaseStream => _stream;

        public override void Write(char value)
        {
            if (_count == _chars.Length) Flush(false);
            _chars[_count++] = value;
            if (AutoFlush) Flush(false);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Append(buffer);
            if (AutoFlush) Flush(false);
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            Append(buffer);
            Append(NewLine);
            if (AutoFlush) Flush(false);
        }

        private void Append(ReadOnlySpan<char> text)
        {
            if (_stream == null) ThrowClosed();
            while (text.Length > 0)
            {
                if (_count == _chars.Length) Flush(false);
                int n = _chars.Length - _count;
                if (n > text.Length) n = text.Length;
                text.Slice(0, n).CopyTo(new Span<char>(_chars).Slice(_count));
                _count += n;
                text = text.Slice(n);
            }
        }

        public override void Flush()
        {
            if (_stream == null) ThrowClosed();
            Flush(true);
            _stream.Flush();
        }

        /// <summary>Encodes and writes the buffered characters; unless <paramref name="final"/>, a trailing high surrogate stays.</summary>
        private void Flush(bool final)
        {
            if (_stream == null) ThrowClosed();
            int n = _count;
            if (!final && n > 0 && char.IsHighSurrogate(_chars[n - 1])) n--;
            if (n == 0) return;
            _bytes ??= new byte[3 * _chars.Length];
            int bytes = Utf8.Encode(new ReadOnlySpan<char>(_chars).Slice(0, n), new Span<byte>(_bytes));
            // Empty the buffer before writing: if the write throws, the text is dropped rather than written twice.
            _count -= n;
            if (_count > 0) _chars[0] = _chars[n];
            _stream.Write(new ReadOnlySpan<byte>(_bytes).Slice(0, bytes));
        }

        protected override void Dispose(bool disposing)
        {
            if (_stream == null) return;
            try
            {
                Flush(true);
            }
            finally
            {
                if (!_leaveOpen) _stream.Dispose();
                _stream = null;
            }
        }

        private static void ThrowClosed() => throw new ObjectDisposedException("StreamWriter", "Cannot write to a closed TextWriter.");
    }
}
