using System.Runtime.CompilerServices;

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
            Fill(ref At(_pos), c, count);
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
            ref char to = ref At(_pos);
            ref char from = ref Unsafe.AsRef(in s.GetPinnableReference());
            for (int i = 0; i < s.Length; i++) Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
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
            if ((uint)index > (uint)_pos) throw new ArgumentOutOfRangeException("index");
            if (_pos + count > _chars.Length) Grow(count);
            ref char at = ref At(index);
            for (int i = _pos - index - 1; i >= 0; i--) Unsafe.Add(ref at, i + count) = Unsafe.Add(ref at, i);
            Fill(ref at, c, count);
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

        /// <summary>The character at <paramref name="index"/> (at most the length), without a bounds check: callers made room.</summary>
        private ref char At(int index) => ref Unsafe.Add(ref _chars.GetPinnableReference(), index);

        private static void Fill(ref char start, char c, int count)
        {
            for (int i = 0; i < count; i++) Unsafe.Add(ref start, i) = c;
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
