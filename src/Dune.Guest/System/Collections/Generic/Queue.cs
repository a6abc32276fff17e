namespace System.Collections.Generic
{
    /// <summary>A first-in first-out ring buffer; grows to twice its size (at least 4 more), as .NET's.</summary>
    public class Queue<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private const int MinimumGrow = 4;

        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue() { _array = Array.Empty<T>(); }

        public Queue(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.Negative("capacity", capacity);
            _array = new T[capacity];
        }

        public Queue(IEnumerable<T> collection)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            _array = EnumerableHelpers.ToArray(collection, out _size);
            if (_size != _array.Length) _tail = _size;
        }

        public int Count => _size;

        public void Enqueue(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_tail] = item;
            MoveNext(ref _tail);
            _size++;
            _version++;
        }

        public T Dequeue()
        {
            if (_size == 0) throw EmptyQueue();
            T removed = _array[_head];
            _array[_head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return removed;
        }

        public bool TryDequeue(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = Dequeue();
            return true;
        }

        public T Peek()
        {
            if (_size == 0) throw EmptyQueue();
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = _array[_head];
            return true;
        }

        public bool Contains(T item)
        {
            for (int i = 0, at = _head; i < _size; i++)
            {
                if (EqualityComparer<T>.Default.Equals(_array[at], item)) return true;
                if (++at == _array.Length) at = 0;
            }
            return false;
        }

        public void Clear()
        {
            if (_size != 0)
            {
                if (_head < _tail)
                {
                    Array.Clear(_array, _head, _size);
                }
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
                _size = 0;
            }
            _head = 0;
            _tail = 0;
            _version++;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            var array = new T[_size];
            CopyTo(array, 0);
            return array;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw CollectionErrors.Null("array");
            if ((uint)arrayIndex > (uint)array.Length) throw CollectionErrors.IndexAtMostCount("arrayIndex");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            int first = _array.Length - _head < _size ? _array.Length - _head : _size;
            Array.Copy(_array, _head, array, arrayIndex, first);
            if (first < _size) Array.Copy(_array, 0, array, arrayIndex + first, _size - first);
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.Negative("capacity", capacity);
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_array.Length * 0.9)) SetCapacity(_size);
        }

        private void Grow(int capacity)
        {
            int newCapacity = 2 * _array.Length;
            if ((uint)newCapacity > ArrayLimits.MaxLength) newCapacity = ArrayLimits.MaxLength;
            if (newCapacity < _array.Length + MinimumGrow) newCapacity = _array.Length + MinimumGrow;
            if (newCapacity < capacity) newCapacity = capacity;
            SetCapacity(newCapacity);
        }

        private void SetCapacity(int capacity)
        {
            var array = new T[capacity];
            if (_size > 0) CopyTo(array, 0);
            _array = array;
            _head = 0;
            _tail = _size == capacity ? 0 : _size;
            _version++;
        }

        private void MoveNext(ref int index)
        {
            int next = index + 1;
            if (next == _array.Length) next = 0;
            index = next;
        }

        private static Exception EmptyQueue() => new InvalidOperationException("Queue empty.");

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Head to tail. Index -1: not started; -2: finished.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _queue;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(Queue<T> queue)
            {
                _queue = queue;
                _version = queue._version;
                _index = -1;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                if (_index == -2) return false;
                _index++;
                if (_index == _queue._size)
                {
                    _index = -2;
                    _current = default;
                    return false;
                }
                int at = _queue._head + _index;
                if (at >= _queue._array.Length) at -= _queue._array.Length;
                _current = _queue._array[at];
                return true;
            }

            public T Current => _current;

            object IEnumerator.Current => Current;

            public void Reset()
            {
                if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                _index = -1;
                _current = default;
            }

            public void Dispose()
            {
                _index = -2;
                _current = default;
            }
        }
    }
}
