namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Target of C# string interpolation: appends each hole into one growing buffer, formatting ISpanFormattable
    /// values in place and IFormattable ones with their format, then makes the string once. Alignment pads with
    /// spaces (negative: left-aligned), as in composite formatting.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        // One buffer per thread kept between interpolations; a nested interpolation while it is taken allocates its own.
        [ThreadStatic]
        private static char[] t_cachedBuffer;

        private char[] _buffer;
        private int _pos;
        private readonly IFormatProvider _provider;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount) : this(literalLength, formattedCount, null) { }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
        {
            int size = literalLength + formattedCount * 11;
            char[] cached = t_cachedBuffer;
            if (cached != null && cached.Length >= size) { t_cachedBuffer = null; _buffer = cached; }
            else _buffer = new char[size < 256 ? 256 : size];
            _pos = 0;
            _provider = provider;
        }

        public void AppendLiteral(string value) => AppendSpan(value);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

        public void AppendFormatted<T>(T value, string format)
        {
            if (value is ISpanFormattable)
            {
                int written;
                while (!((ISpanFormattable)value).TryFormat(new Span<char>(_buffer).Slice(_pos), out written, format, _provider)) Grow(1);
                _pos += written;
            }
            else if (value is IFormattable)
            {
                AppendSpan(((IFormattable)value).ToString(format, _provider));
            }
            else if (value != null)
            {
                AppendSpan(value.ToString());
            }
        }

        public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string format)
        {
            int start = _pos;
            AppendFormatted(value, format);
            if (alignment != 0) Align(start, alignment);
        }

        public void AppendFormatted(ReadOnlySpan<char> value) => AppendSpan(value);

        public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null)
        {
            int start = _pos;
            AppendSpan(value);
            if (alignment != 0) Align(start, alignment);
        }

        public void AppendFormatted(string value) => AppendSpan(value);

        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendFormatted((ReadOnlySpan<char>)value, alignment, format);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

        public override string ToString() => string.FromSpan(new ReadOnlySpan<char>(_buffer).Slice(0, _pos));

        public string ToStringAndClear()
        {
            string s = ToString();
            Clear();
            return s;
        }

        public void Clear()
        {
            if (_buffer != null && (t_cachedBuffer == null || t_cachedBuffer.Length < _buffer.Length)) t_cachedBuffer = _buffer;
            _buffer = null;
            _pos = 0;
        }

        private void AppendSpan(ReadOnlySpan<char> s)
        {
            if (_pos + s.Length > _buffer.Length) Grow(s.Length);
            s.CopyTo(new Span<char>(_buffer).Slice(_pos));
            _pos += s.Length;
        }

        /// <summary>Pads the text written since <paramref name="start"/> to |alignment| characters.</summary>
        private void Align(int start, int alignment)
        {
            bool left = alignment < 0;
            int width = left ? -alignment : alignment;
            int pad = width - (_pos - start);
            if (pad <= 0) return;
            if (_pos + pad > _buffer.Length) Grow(pad);
            // Unchecked: start <= _pos and the room was made above.
            ref char text = ref Unsafe.Add(ref Unsafe.As<byte, char>(ref _buffer.GetRawArrayData()), start);
            int length = _pos - start;
            if (left)
            {
                for (int i = 0; i < pad; i++) Unsafe.Add(ref text, length + i) = ' ';
            }
            else
            {
                for (int i = length - 1; i >= 0; i--) Unsafe.Add(ref text, i + pad) = Unsafe.Add(ref text, i);
                for (int i = 0; i < pad; i++) Unsafe.Add(ref text, i) = ' ';
            }
            _pos += pad;
        }

        private void Grow(int additional)
        {
            int size = _buffer.Length * 2;
            if (size < _pos + additional) size = _pos + additional;
            char[] grown = new char[size];
            new ReadOnlySpan<char>(_buffer, 0, _pos).CopyTo(grown);
            _buffer = grown;
        }
    }
}
