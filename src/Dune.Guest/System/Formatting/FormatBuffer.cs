namespace System
{
    /// <summary>Growable character buffer for building formatted text: starts in caller-provided (stack) memory.</summary>
    internal ref struct FormatBuffer
    {
        private Span<char> _chars;
        private int _pos;

        public FormatBuffer(Span<char> initial)
        {
            _chars = initial;
            _pos = 0;
        }

        public int Length => _pos;

        /// <summary>The text written so far.</summary>
        public ReadOnlySpan<char> Text => _chars.Slice(0, _pos);

        public void Append(char c)
        {
            if (_pos == _chars.Length) Grow(1);
            _chars[_pos++] = c;
        }

        public void Append(char c, int count)
        {
            if (count <= 0) return;
            if (_pos + count > _chars.Length) Grow(count);
            for (int i = 0; i < count; i++) _chars[_pos + i] = c;
            _pos += count;
        }

        public void Append(string s)
        {
            if (s == null) return;
            if (s.Length == 1) { Append(s[0]); return; }
            Append((ReadOnlySpan<char>)s);
        }

        public void Append(ReadOnlySpan<char> s)
        {
            if (_pos + s.Length > _chars.Length) Grow(s.Length);
            for (int i = 0; i < s.Length; i++) _chars[_pos + i] = s[i];
            _pos += s.Length;
        }

        /// <summary>Room for <paramref name="length"/> characters at the end, counted as written.</summary>
        public Span<char> AppendSpan(int length)
        {
            if (_pos + length > _chars.Length) Grow(length);
            Span<char> s = _chars.Slice(_pos, length);
            _pos += length;
            return s;
        }

        /// <summary>The unused space after the text; <see cref="Advance"/> counts what was written there.</summary>
        public Span<char> Free => _chars.Slice(_pos);

        public void Advance(int count) => _pos += count;

        /// <summary>Doubles the free space (after a TryFormat that did not fit).</summary>
        public void GrowFree() => Grow(_chars.Length - _pos + 16);

        public void Insert(int index, string s)
        {
            if (_pos + s.Length > _chars.Length) Grow(s.Length);
            for (int i = _pos - 1; i >= index; i--) _chars[i + s.Length] = _chars[i];
            for (int i = 0; i < s.Length; i++) _chars[index + i] = s[i];
            _pos += s.Length;
        }

        public void Insert(int index, char c, int count)
        {
            if (_pos + count > _chars.Length) Grow(count);
            for (int i = _pos - 1; i >= index; i--) _chars[i + count] = _chars[i];
            for (int i = 0; i < count; i++) _chars[index + i] = c;
            _pos += count;
        }

        public override string ToString() => string.FromSpan(Text);

        public bool TryCopyTo(Span<char> destination, out int charsWritten)
        {
            if (_pos > destination.Length) { charsWritten = 0; return false; }
            _chars.Slice(0, _pos).CopyTo(destination);
            charsWritten = _pos;
            return true;
        }

        private void Grow(int additional)
        {
            int size = _chars.Length * 2;
            if (size < _pos + additional) size = _pos + additional;
            char[] grown = new char[size];
            _chars.Slice(0, _pos).CopyTo(grown);
            _chars = grown;
        }
    }
}
