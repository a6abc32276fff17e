using System.Text;

namespace System.IO
{
    /// <summary>A TextWriter into a StringBuilder (e.g. to capture Console output with Console.SetOut).</summary>
    public class StringWriter : TextWriter
    {
        private readonly StringBuilder _sb;

        public StringWriter() : this(new StringBuilder()) { }

        public StringWriter(StringBuilder sb)
        {
            if (sb == null) TextThrow.Null("sb");
            _sb = sb;
        }

        public StringBuilder GetStringBuilder() => _sb;

        public override void Write(char value) => _sb.Append(value);
        public override void Write(ReadOnlySpan<char> buffer) => _sb.Append(buffer);
        public override void Write(string value) => _sb.Append(value);
        public override void WriteLine(ReadOnlySpan<char> buffer) => _sb.Append(buffer).Append(NewLine);

        public override string ToString() => _sb.ToString();
    }

    /// <summary>A TextReader over a string.</summary>
    public class StringReader : TextReader
    {
        private string _s;
        private int _pos;

        public StringReader(string s)
        {
            if (s == null) TextThrow.Null("s");
            _s = s;
        }

        public override int Peek()
        {
            if (_s == null) ThrowClosed();
            return _pos < _s.Length ? _s[_pos] : -1;
        }

        public override int Read()
        {
            if (_s == null) ThrowClosed();
            return _pos < _s.Length ? _s[_pos++] : -1;
        }

        public override int Read(Span<char> buffer)
        {
            if (_s == null) ThrowClosed();
            int n = _s.Length - _pos;
            if (n > buffer.Length) n = buffer.Length;
            ((ReadOnlySpan<char>)_s).Slice(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }

        public override string ReadLine()
        {
            if (_s == null) ThrowClosed();
            if (_pos >= _s.Length) return null;
            int start = _pos;
            for (int i = start; i < _s.Length; i++)
            {
                char c = _s[i];
                if (c != '\r' && c != '\n') continue;
                _pos = i + 1;
                if (c == '\r' && _pos < _s.Length && _s[_pos] == '\n') _pos++;
                return _s.Substring(start, i - start);
            }
            _pos = _s.Length;
            return _s.Substring(start);
        }

        public override string ReadToEnd()
        {
            if (_s == null) ThrowClosed();
            string rest = _pos == 0 ? _s : _s.Substring(_pos);
            _pos = _s.Length;
            return rest;
        }

        protected override void Dispose(bool disposing) => _s = null;

        private static void ThrowClosed() => throw new ObjectDisposedException(null, "Cannot read from a closed TextReader.");
    }
}
