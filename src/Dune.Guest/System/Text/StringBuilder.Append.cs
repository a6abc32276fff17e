using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder Append(char value)
        {
            if (_length < _chars.Length) _chars[_length++] = value;
            else Tail(1) = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) TextThrow.Negative("repeatCount", repeatCount);
            new Span<char>(ref Tail(repeatCount), repeatCount).Fill(value);
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value != null) Append((ReadOnlySpan<char>)value);
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (count < 0) TextThrow.Negative("count", count);
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                TextThrow.Null("value");
            }
            if (count > value.Length - startIndex) TextThrow.IndexMustBeLessOrEqual("startIndex");
            return Append(((ReadOnlySpan<char>)value).Slice(startIndex, count));
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            CharCopy.Move(ref Tail(value.Length), value);
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value != null) Append(new ReadOnlySpan<char>(value));
            return this;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (charCount < 0) TextThrow.Negative("charCount", charCount);
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                TextThrow.Null("value");
            }
            if (charCount > value.Length - startIndex) TextThrow.IndexMustBeLessOrEqual("charCount");
            return Append(new ReadOnlySpan<char>(value).Slice(startIndex, charCount));
        }

        public unsafe StringBuilder Append(char* value, int valueCount)
        {
            if (valueCount < 0) TextThrow.Negative("valueCount", valueCount);
            return Append(new ReadOnlySpan<char>(value, valueCount));
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value != null) Append(value.Used);
            return this;
        }

        public StringBuilder Append(StringBuilder value, int startIndex, int count)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (count < 0) TextThrow.Negative("count", count);
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                TextThrow.Null("value");
            }
            if (count > value._length - startIndex) TextThrow.IndexMustBeLessOrEqual("count");
            return Append(value.Used.Slice(startIndex, count));
        }

        public StringBuilder Append(bool value) => Append(value ? "True" : "False");
        public StringBuilder Append(sbyte value) => AppendFormatted(value);
        public StringBuilder Append(byte value) => AppendFormatted(value);
        public StringBuilder Append(short value) => AppendFormatted(value);
        public StringBuilder Append(ushort value) => AppendFormatted(value);
        public StringBuilder Append(int value) => AppendFormatted(value);
        public StringBuilder Append(uint value) => AppendFormatted(value);
        public StringBuilder Append(long value) => AppendFormatted(value);
        public StringBuilder Append(ulong value) => AppendFormatted(value);
        public StringBuilder Append(float value) => AppendFormatted(value);
        public StringBuilder Append(double value) => AppendFormatted(value);

        /// <summary>Formats straight into the free space (growing it once if too small), without a temporary string.</summary>
        private StringBuilder AppendFormatted<T>(T value) where T : ISpanFormattable
        {
            if (!value.TryFormat(new Span<char>(ref Unsafe.Add(ref Data, _length), _chars.Length - _length), out int written, default, null))
            {
                EnsureFree(32);
                if (!value.TryFormat(new Span<char>(ref Unsafe.Add(ref Data, _length), _chars.Length - _length), out written, default, null))
                    return Append(value.ToString());
            }
            _length += written;
            return this;
        }
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

        public StringBuilder AppendLine() => Append(Environment.NewLine);

        public StringBuilder AppendLine(string value) => Append(value).Append(Environment.NewLine);

        public StringBuilder AppendJoin(string separator, params object[] values)
        {
            if (values == null) TextThrow.Null("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) Append(separator);
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin(string separator, params string[] values)
        {
            if (values == null) TextThrow.Null("values");
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) Append(separator);
                Append(values[i]);
            }
            return this;
        }

        public StringBuilder AppendJoin<T>(string separator, IEnumerable<T> values)
        {
            if (values == null) TextThrow.Null("values");
            bool first = true;
            foreach (T value in values)
            {
                if (!first) Append(separator);
                first = false;
                if (value != null) Append(value.ToString());
            }
            return this;
        }

        public StringBuilder AppendJoin(char separator, params object[] values) => AppendJoin(string.FromChar(separator), values);
        public StringBuilder AppendJoin(char separator, params string[] values) => AppendJoin(string.FromChar(separator), values);
        public StringBuilder AppendJoin<T>(char separator, IEnumerable<T> values) => AppendJoin(string.FromChar(separator), values);
    }
}
