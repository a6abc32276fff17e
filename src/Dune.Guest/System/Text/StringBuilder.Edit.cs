namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            if (value != null) CharCopy.Move(ref MakeGap(index, value.Length), value);
            return this;
        }

        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0) TextThrow.Negative("count", count);
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            if (value == null || value.Length == 0 || count == 0) return this;
            long total = (long)value.Length * count;
            if (total > _maxCapacity - _length) throw new OutOfMemoryException();
            ref char at = ref MakeGap(index, (int)total);
            for (int i = 0; i < count; i++) CharCopy.Move(ref System.Runtime.CompilerServices.Unsafe.Add(ref at, i * value.Length), value);
            return this;
        }

        public StringBuilder Insert(int index, ReadOnlySpan<char> value)
        {
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            CharCopy.Move(ref MakeGap(index, value.Length), value);
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            MakeGap(index, 1) = value;
            return this;
        }

        public StringBuilder Insert(int index, char[] value)
        {
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            return value == null ? this : Insert(index, new ReadOnlySpan<char>(value));
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            if ((uint)index > (uint)_length) TextThrow.IndexMustBeLessOrEqual("index");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                TextThrow.Null("value");
            }
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (charCount < 0) TextThrow.Negative("charCount", charCount);
            if (startIndex > value.Length - charCount) TextThrow.IndexMustBeLessOrEqual("startIndex");
            return Insert(index, new ReadOnlySpan<char>(value).Slice(startIndex, charCount));
        }

        public StringBuilder Insert(int index, bool value) => Insert(index, value ? "True" : "False");
        public StringBuilder Insert(int index, sbyte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, byte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, short value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ushort value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, int value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, uint value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, long value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ulong value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, float value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, double value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, object value) => value == null ? this : Insert(index, value.ToString());

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (length > _length - startIndex) TextThrow.IndexMustBeLessOrEqual("length");
            ref char at = ref System.Runtime.CompilerServices.Unsafe.Add(ref Data, startIndex);
            CharCopy.Move(ref at, ref System.Runtime.CompilerServices.Unsafe.Add(ref at, length), _length - startIndex - length);
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar) => Replace(oldChar, newChar, 0, _length);

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length) TextThrow.IndexMustBeLessOrEqual("startIndex");
            if (count < 0 || startIndex > _length - count) TextThrow.IndexMustBeLessOrEqual("count");
            char[] chars = _chars;
            for (int i = startIndex; i < startIndex + count; i++)
                if (chars[i] == oldChar) chars[i] = newChar;
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue) => Replace(oldValue, newValue, 0, _length);

        /// <summary>Replaces every match inside the range in one pass: the result is built once, never shifted per match.</summary>
        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length) TextThrow.IndexMustBeLessOrEqual("startIndex");
            if (count < 0 || startIndex > _length - count) TextThrow.IndexMustBeLessOrEqual("count");
            if (oldValue == null) TextThrow.Null("oldValue");
            if (oldValue.Length == 0) TextThrow.EmptyString("oldValue");
            newValue ??= string.Empty;
            ReadOnlySpan<char> range = Used.Slice(startIndex, count);
            int first = StringSearch.IndexOf(range, oldValue);
            if (first < 0) return this;

            var result = new StringBuilder(_length + (newValue.Length > oldValue.Length ? newValue.Length - oldValue.Length : 0));
            result.Append(Used.Slice(0, startIndex));
            int at = 0;
            for (int found = first; found >= 0; )
            {
                result.Append(range.Slice(at, found)).Append(newValue);
                at += found + oldValue.Length;
                found = StringSearch.IndexOf(range.Slice(at), oldValue);
            }
            result.Append(range.Slice(at)).Append(Used.Slice(startIndex + count));
            _chars = result._chars.Length >= _chars.Length ? result._chars : Copied(result);
            _length = result._length;
            return this;
        }

        /// <summary>Keeps the capacity from shrinking below what it was, as .NET's in-place replace does.</summary>
        private char[] Copied(StringBuilder result)
        {
            char[] chars = _chars;
            CharCopy.Move(ref Data, result.Used);
            return chars;
        }
    }
}
