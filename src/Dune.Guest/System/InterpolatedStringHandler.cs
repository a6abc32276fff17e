namespace System.Runtime.CompilerServices
{
    /// <summary>Target of C# string interpolation: collects the pieces, then concatenates them once.</summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private string[] _parts;
        private int _count;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _parts = new string[2 * formattedCount + 1];
            _count = 0;
        }

        public void AppendLiteral(string value) => Add(value);
        public void AppendFormatted(string value) => Add(value);
        public void AppendFormatted(object value) => Add(value?.ToString());
        public void AppendFormatted(char value) => Add(string.FromChar(value));
        public void AppendFormatted(bool value) => Add(value ? "True" : "False");
        public void AppendFormatted(int value) => Add(Number.Format(value));
        public void AppendFormatted(uint value) => Add(Number.Format(value));
        public void AppendFormatted(long value) => Add(Number.Format(value));
        public void AppendFormatted(ulong value) => Add(Number.Format(value));
        public void AppendFormatted(nint value) => Add(Number.Format(value));
        public void AppendFormatted(nuint value) => Add(Number.Format(value));
        public void AppendFormatted(int value, string format) => Add(Number.Format(value, format));
        public void AppendFormatted(uint value, string format) => Add(Number.Format(value, format));
        public void AppendFormatted(long value, string format) => Add(Number.Format(value, format));
        public void AppendFormatted(ulong value, string format) => Add(Number.Format(value, format));
        public void AppendFormatted(nint value, string format) => Add(Number.Format((long)value, format));
        public void AppendFormatted(nuint value, string format) => Add(Number.Format((ulong)value, format));
        public void AppendFormatted(byte value, string format) => Add(Number.Format((uint)value, format));
        public void AppendFormatted(ushort value, string format) => Add(Number.Format((uint)value, format));

        private void Add(string s)
        {
            if (_count == _parts.Length) Array.Resize(ref _parts, _count * 2 + 1);
            _parts[_count++] = s;
        }

        public string ToStringAndClear()
        {
            string s = string.ConcatPrefix(_parts, _count);
            _parts = null;
            return s;
        }
    }
}
