namespace System.Collections.Generic
{
    /// <summary>A last-in first-out array (capacity 4, then doubling); enumerates and copies top first.</summary>
    public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private const int DefaultCapacity = 4;

        private T[] _array;
        private int _size;
        private int _version;

        public Stack() { _array = Array.Empty<T>(); }

        public Stack(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.Negative("capacity", capacity);
            _array = new T[capacity];
        }

        public Stack(IEnumerable<T> collection)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            _array = EnumerableHelpers.ToArray(collection, out _size);
        }

        public int Count => _size;

        public void Push(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_size] = item;
            _version++;
            _size++;
        }

        public T Pop()
        {
            if (_size == 0) throw EmptyStack();
            _version++;
            T item = _array[--_size];
            _array[_size] = default;
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = Pop();
            return true;
        }

        public T Peek()
        {
            if (_size == 0) throw EmptyStack();
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_size - 1];
            return true;
        }

        public bool Contains(T item) => _size != 0 && Array.LastIndexOf(_array, item, _size - 1, _size) != -1;

        public void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            var array = new T[_size];
            for (int i = 0; i < _size; i++) array[i] = _array[_size - 1 - i];
            return array;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw CollectionErrors.Null("array");
            if (arrayIndex < 0 || arrayIndex > array.Length) throw CollectionErrors.IndexAtMostCount("arrayIndex");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < _size; i++) array[arrayIndex + i] = _array[_size - 1 - i];
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.Negative("capacity", capacity);
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_array.Length * 0.9))
            {
                Array.Resize(ref _array, _size);
                _version++;
            }
        }

        private void Grow(int capacity)
        {
            int newCapacity = _array.Length == 0 ? DefaultCapacity : 2 * _array.Length;
            if ((uint)newCapacity > ArrayLimits.MaxLength) newCapacity = ArrayLimits.MaxLength;
            if (newCapacity < capacity) newCapacity = capacity;
            Array.Resize(ref _array, newCapacity);
        }

        private static Exception EmptyStack() => new InvalidOperationException("Stack empty.");

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Top to bottom. Index -2: not started; -1: finished.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _stack._version) throw SystemCollectionsErrors.VersionChanged();
                if (_index == -2) _index = _stack._size - 1;
                else if (_index == -1) return false;
                else _index--;
                bool more = _index >= 0;
                _current = more ? _stack._array[_index] : default;
                return more;
            }

            public T Current => _current;

            object IEnumerator.Current => Current;

            public void Reset()
            {
                if (_version != _stack._version) throw SystemCollectionsErrors.VersionChanged();
                _index = -2;
                _current = default;
            }

            public void Dispose()
            {
                _index = -1;
            }
        }
    }
}
