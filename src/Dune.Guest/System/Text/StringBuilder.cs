using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Text
{
    /// <summary>
    /// A mutable string: one char array that doubles when full, so appending n characters costs O(n) overall.
    /// Up to 8000 characters the capacities match .NET's chunked builder exactly (each new chunk there is as large
    /// as everything before it, capped at 8000 characters).
    /// </summary>
    public sealed partial class StringBuilder
    {
        private const int DefaultCapacity = 16;

        private char[] _chars;
        private int _length;
        private readonly int _maxCapacity;

        public StringBuilder() : this(DefaultCapacity) { }

        public StringBuilder(int capacity) : this(capacity, int.MaxValue) { }

        public StringBuilder(int capacity, int maxCapacity)
        {
            if (capacity < 0) TextThrow.Negative("capacity", capacity);
            if (maxCapacity < 1) TextThrow.OutOfRange("MaxCapacity must be one or greater.", "maxCapacity");
            if (capacity > maxCapacity) TextThrow.OutOfRange("Capacity exceeds maximum capacity.", "capacity");
            _maxCapacity = maxCapacity;
            _chars = new char[capacity == 0 ? Math16(maxCapacity) : capacity];
        }

        public StringBuilder(string value) : this(value, DefaultCapacity) { }

        public StringBuilder(string value, int capacity) : this(value, 0, value?.Length ?? 0, capacity) { }

        public StringBuilder(string value, int startIndex, int length, int capacity)
        {
            if (capacity < 0) TextThrow.Negative("capacity", capacity);
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            value ??= string.Empty;
            if (startIndex > value.Length - length) TextThrow.OutOfRange("Index and length must refer to a location within the string.", "length");
            _maxCapacity = int.MaxValue;
            if (capacity == 0) capacity = DefaultCapacity;
            _chars = new char[capacity > length ? capacity : length];
            CharCopy.Move(ref Data, ((ReadOnlySpan<char>)value).Slice(startIndex, length));
            _length = length;
        }

        private ref char Data => ref Unsafe.As<byte, char>(ref _chars.GetRawArrayData());

        private ReadOnlySpan<char> Used => new ReadOnlySpan<char>(ref Data, _length);

        private static int Math16(int maxCapacity) => maxCapacity < DefaultCapacity ? maxCapacity : DefaultCapacity;

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) TextThrow.Negative("value", value);
                if (value > _maxCapacity) TextThrow.OutOfRange("Capacity exceeds maximum capacity.", "value");
                if (value > _length)
                {
                    EnsureFree(value - _length);
                    new Span<char>(ref Unsafe.Add(ref Data, _length), value - _length).Clear();
                }
                _length = value;
            }
        }

        public int Capacity
        {
            get => _chars.Length;
            set
            {
                if (value < 0) TextThrow.Negative("value", value);
                if (value > _maxCapacity) TextThrow.OutOfRange("Capacity exceeds maximum capacity.", "value");
                if (value < _length) TextThrow.OutOfRange("capacity was less than the current size.", "value");
                if (value != _chars.Length) Reallocate(value);
            }
        }

        public int MaxCapacity => _maxCapacity;

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) TextThrow.Negative("capacity", capacity);
            if (capacity > _chars.Length) Reallocate(capacity);
            return _chars.Length;
        }

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) TextThrow.IndexMustBeLess("index");
                _chars[index] = value;
            }
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public override string ToString() => string.FromSpan(Used);

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (startIndex > _length) TextThrow.OutOfRange("startIndex cannot be larger than length of string.", "startIndex");
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex > _length - length) TextThrow.OutOfRange("Index and length must refer to a location within the string.", "length");
            return string.FromSpan(Used.Slice(startIndex, length));
        }

        public bool Equals(StringBuilder sb) => sb != null && StringSearch.SameChars(Used, sb.Used);

        public void CopyTo(int sourceIndex, Span<char> destination, int count)
        {
            if (count < 0) TextThrow.Negative("count", count);
            if ((uint)sourceIndex > (uint)_length) TextThrow.IndexMustBeLessOrEqual("sourceIndex");
            if (sourceIndex > _length - count) TextThrow.Argument("Source string was not long enough. Check sourceIndex and count.", "count");
            if (count > destination.Length) TextThrow.Argument("Destination is too short.", "destination");
            CharCopy.Move(ref destination.GetPinnableReference(), Used.Slice(sourceIndex, count));
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) TextThrow.Null("destination");
            if (destinationIndex < 0) TextThrow.Negative("destinationIndex", destinationIndex);
            if (destinationIndex > destination.Length - count) TextThrow.Argument("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.", "destinationIndex");
            CopyTo(sourceIndex, new Span<char>(destination).Slice(destinationIndex), count);
        }

        /// <summary>Makes room for <paramref name="count"/> more characters; the new size keeps growth geometric.</summary>
        private void EnsureFree(int count)
        {
            if (count <= _chars.Length - _length) return;
            if (count > _maxCapacity - _length) TextThrow.OutOfRange("Capacity exceeds maximum capacity.", "requiredLength");
            long doubled = 2L * _chars.Length;
            long needed = (long)_length + count;
            long size = doubled > needed ? doubled : needed;
            Reallocate((int)(size > _maxCapacity ? _maxCapacity : size));
        }

        private void Reallocate(int capacity)
        {
            char[] grown = new char[capacity];
            CharCopy.Move(ref Unsafe.As<byte, char>(ref grown.GetRawArrayData()), ref Data, _length);
            _chars = grown;
        }

        /// <summary>Opens a gap of <paramref name="count"/> characters at <paramref name="index"/> and returns where it starts.</summary>
        private ref char MakeGap(int index, int count)
        {
            EnsureFree(count);
            ref char at = ref Unsafe.Add(ref Data, index);
            CharCopy.Move(ref Unsafe.Add(ref at, count), ref at, _length - index);
            _length += count;
            return ref at;
        }

        private ref char Tail(int count)
        {
            EnsureFree(count);
            ref char at = ref Unsafe.Add(ref Data, _length);
            _length += count;
            return ref at;
        }
    }
}
