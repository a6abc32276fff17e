using System.Text;

namespace System.IO
{
    /// <summary>
    /// Text from a UTF-8 stream. Bytes are decoded a buffer at a time; a sequence split across two reads is kept
    /// for the next one. A leading UTF-8 byte-order mark is skipped when <c>detectEncodingFromByteOrderMarks</c>.
    /// </summary>
    public partial class StreamReader : TextReader
    {
        private const int DefaultBufferSize = 4096;

        private Stream _stream;
        private readonly byte[] _bytes;
        private int _byteCount;
        private readonly char[] _chars;
        private int _charPos, _charLen;
        private bool _checkPreamble;
        private bool _eof;
        private readonly bool _leaveOpen;

        public StreamReader(Stream stream) : this(stream, true) { }

        public StreamReader(Stream stream, bool detectEncodingFromByteOrderMarks) : this(stream, detectEncodingFromByteOrderMarks, DefaultBufferSize, false) { }

        public StreamReader(string path) : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), true, DefaultBufferSize, false) { }

        internal StreamReader(Stream stream, bool detectEncodingFromByteOrderMarks, int bufferSize, bool leaveOpen)
        {
            if (stream == null) TextThrow.Null("stream");
            if (!stream.CanRead) TextThrow.Argument("Stream was not readable.", null);
            _stream = stream;
            _bytes = new byte[bufferSize];
            _chars = new char[bufferSize];
            _checkPreamble = detectEncodingFromByteOrderMarks;
            _leaveOpen = leaveOpen;
        }

        public Stream BaseStream => _stream;

        public bool EndOfStream => _charPos == _charLen && !Fill();

        public override int Peek() => _charPos < _charLen || Fill() ? _chars[_charPos] : -1;

        public override int Read() => _charPos < _charLen || Fill() ? _chars[_charPos++] : -1;

        public override int Read(Span<char> buffer)
        {
            int n = 0;
            while (n < buffer.Length && (_charPos < _charLen || Fill()))
            {
                int take = _charLen - _charPos;
                if (take > buffer.Length - n) take = buffer.Length - n;
                new ReadOnlySpan<char>(_chars).Slice(_charPos, take).CopyTo(buffer.Slice(n));
                _charPos += take;
                n += take;
            }
            return n;
        }

        public override string ReadLine()
        {
            if (_charPos == _charLen && !Fill()) return null;
            StringBuilder sb = null;
            while (true)
            {
                for (int i = _charPos; i < _charLen; i++)
                {
                    char c = _chars[i];
                    if (c != '\n' && c != '\r') continue;
                    string line = Take(sb, i);
                    _charPos = i + 1;
                    if (c == '\r' && (_charPos < _charLen || Fill()) && _chars[_charPos] == '\n') _charPos++;
                    return line;
                }
                sb ??= new StringBuilder();
                sb.Append(new ReadOnlySpan<char>(_chars).Slice(_charPos, _charLen - _charPos));
                _charPos = _charLen;
                if (!Fill()) return sb.ToString();
            }
        }

        private string Take(StringBuilder sb, int end)
        {
            var part = new ReadOnlySpan<char>(_chars).Slice(_charPos, end - _charPos);
            return sb == null ? new string(part) : sb.Append(part).ToString();
        }

        public override string ReadToEnd()
        {
            var sb = new StringBuilder();
            while (_charPos < _charLen || Fill())
            {
                sb.Append(new ReadOnlySpan<char>(_chars).Slice(_charPos, _charLen - _charPos));
                _charPos = _charLen;
            }
            return sb.ToString();
        }

        /// <summary>Decodes the next block of characters; false at the end of the stream.</summary>
        private bool Fill()
        {
            if (_stream == null) throw new ObjectDisposedException("StreamReader", "Cannot read from a closed TextReader.");
            _charPos = _charLen = 0;
            while (_charLen == 0)
            {
                if (_eof) return false;
                int n = _stream.Read(new Span<byte>(_bytes).Slice(_byteCount));
                if (n == 0) _eof = true;
                _byteCount += n;
                int start = 0;
                if (_checkPreamble)
                {
                    if (_byteCount < 3 && !_eof && IsPreamblePrefix()) continue;
                    _checkPreamble = false;
                    if (_byteCount >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF) start = 3;
                }
                int used = start + Utf8.Decode(new ReadOnlySpan<byte>(_bytes).Slice(start, _byteCount - start), new Span<char>(_chars), _eof, out _charLen);
                new ReadOnlySpan<byte>(_bytes).Slice(used, _byteCount - used).CopyTo(new Span<byte>(_bytes));
                _byteCount -= used;
            }
            return true;
        }

        private bool IsPreamblePrefix() =>
            (_byteCount < 1 || _bytes[0] == 0xEF) && (_byteCount < 2 || _bytes[1] == 0xBB);

        protected override void Dispose(bool disposing)
        {
            if (_stream != null && !_leaveOpen) _stream.Dispose();
            _stream = null;
        }
    }
}
