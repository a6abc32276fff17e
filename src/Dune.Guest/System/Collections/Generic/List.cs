namespace System.Collections.Generic
{
    /// <summary>
    /// A growable array with .NET's growth (0, then 4, then doubling), version checks that make enumerators
    /// fail after a modification, and the enumerator as a struct so `foreach` over a List allocates nothing.
    /// </summary>
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private const int DefaultCapacity = 4;

        internal T[] _items;
        internal int _size;
        internal int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.NeedNonNegative("capacity");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            if (collection is ICollection<T> c)
            {
                int count = c.Count;
                _items = count == 0 ? Array.Empty<T>() : new T[count];
                if (count != 0)
                {
                    c.CopyTo(_items, 0);
                    _size = count;
                }
                return;
            }
            _items = Array.Empty<T>();
            foreach (T item in collection) Add(item);
        }

        public int Count => _size;
        public bool IsReadOnly => false;

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) throw CollectionErrors.CapacityTooSmall();
                if (value == _items.Length) return;
                T[] items = value == 0 ? Array.Empty<T>() : new T[value];
                if (_size > 0) Array.Copy(_items, 0, items, 0, _size);
                _items = items;
            }
        }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) throw CollectionErrors.IndexOutOfRange();
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) throw CollectionErrors.IndexOutOfRange();
                _items[index] = value;
                _version++;
            }
        }

        public void Add(T item)
        {
            _version++;
            T[] items = _items;
            int size = _size;
            if ((uint)size < (uint)items.Length)
            {
                _size = size + 1;
                items[size] = item;
                return;
            }
            Grow(size + 1);
            _size = size + 1;
            _items[size] = item;
        }

        private void Grow(int capacity)
        {
            int newCapacity = _items.Length == 0 ? DefaultCapacity : 2 * _items.Length;
            if ((uint)newCapacity > ArrayLimits.MaxLength) newCapacity = ArrayLimits.MaxLength;
            if (newCapacity < capacity) newCapacity = capacity;
            Capacity = newCapacity;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.NeedNonNegative("capacity");
            if (_items.Length < capacity) Grow(capacity);
            return _items.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9)) Capacity = _size;
        }

        public void AddRange(IEnumerable<T> collection) => InsertRange(_size, collection);

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) throw CollectionErrors.InsertIndexOutOfRange();
            if (_size == _items.Length) Grow(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            if ((uint)index > (uint)_size) throw CollectionErrors.IndexOutOfRange();
            if (collection is ICollection<T> c)
            {
                int count = c.Count;
                if (count > 0)
                {
                    if (_items.Length - _size < count) Grow(checked(_size + count));
                    if (index < _size) Array.Copy(_items, index, _items, index + count, _size - index);
                    if (this == c)
                    {
                        // Inserting a list into itself: the two halves moved apart above.
                        Array.Copy(_items, 0, _items, index, index);
                        Array.Copy(_items, index + count, _items, index * 2, _size - index);
                    }
                    else
                    {
                        c.CopyTo(_items, index);
                    }
                    _size += count;
                    _version++;
                }
                return;
            }
            foreach (T item in collection) Insert(index++, item);
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) throw CollectionErrors.IndexOutOfRange();
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default;
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            CheckRange(index, count);
            if (count == 0) return;
            _size -= count;
            if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
            Array.Clear(_items, _size, count);
            _version++;
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        /// <summary>Compacts the survivors in one pass; returns how many were removed.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            int free = 0;
            while (free < _size && !match(_items[free])) free++;
            if (free >= _size) return 0;
            int current = free + 1;
            while (current < _size)
            {
                while (current < _size && match(_items[current])) current++;
                if (current < _size) _items[free++] = _items[current++];
            }
            Array.Clear(_items, free, _size - free);
            int removed = _size - free;
            _size = free;
            _version++;
            return removed;
        }

        public void Clear()
        {
            _version++;
            if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(_items, 0, _size);
            _size = 0;
        }

        public int IndexOf(T item) => Array.IndexOf(_items, item, 0, _size);

        public int IndexOf(T item, int index)
        {
            if ((uint)index > (uint)_size) throw CollectionErrors.IndexAtMostCount("index");
            return Array.IndexOf(_items, item, index, _size - index);
        }

        public int IndexOf(T item, int index, int count)
        {
            if ((uint)index > (uint)_size) throw CollectionErrors.IndexAtMostCount("index");
            if (count < 0 || index > _size - count) throw CollectionErrors.CountOutOfRange();
            return Array.IndexOf(_items, item, index, count);
        }

        public int LastIndexOf(T item) => _size == 0 ? -1 : Array.LastIndexOf(_items, item, _size - 1, _size);

        public int LastIndexOf(T item, int index)
        {
            if (index >= _size) throw CollectionErrors.IndexOutOfRange();
            return Array.LastIndexOf(_items, item, index, index + 1);
        }

        public bool Contains(T item) => _size != 0 && IndexOf(item) >= 0;

        public T Find(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            for (int i = 0; i < _size; i++)
                if (match(_items[i])) return _items[i];
            return default;
        }

        public T FindLast(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            for (int i = _size - 1; i >= 0; i--)
                if (match(_items[i])) return _items[i];
            return default;
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            var list = new List<T>();
            for (int i = 0; i < _size; i++)
                if (match(_items[i])) list.Add(_items[i]);
            return list;
        }

        public int FindIndex(Predicate<T> match) => FindIndex(0, _size, match);
        public int FindIndex(int startIndex, Predicate<T> match) => FindIndex(startIndex, _size - startIndex, match);

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if ((uint)startIndex > (uint)_size) throw CollectionErrors.IndexAtMostCount("startIndex");
            if (count < 0 || startIndex > _size - count) throw CollectionErrors.CountOutOfRange();
            if (match == null) throw CollectionErrors.Null("match");
            for (int i = startIndex; i < startIndex + count; i++)
                if (match(_items[i])) return i;
            return -1;
        }

        public int FindLastIndex(Predicate<T> match) => FindLastIndex(_size - 1, _size, match);
        public int FindLastIndex(int startIndex, Predicate<T> match) => FindLastIndex(startIndex, startIndex + 1, match);

        public int FindLastIndex(int startIndex, int count, Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            if (_size == 0)
            {
                if (startIndex != -1) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            }
            else if ((uint)startIndex >= (uint)_size)
            {
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            }
            if (count < 0 || startIndex - count + 1 < 0) throw CollectionErrors.CountOutOfRange();
            for (int i = startIndex; i > startIndex - count; i--)
                if (match(_items[i])) return i;
            return -1;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) != -1;

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            for (int i = 0; i < _size; i++)
                if (!match(_items[i])) return false;
            return true;
        }

        /// <summary>Stops at a modification made by the action and then throws, as .NET does.</summary>
        public void ForEach(Action<T> action)
        {
            if (action == null) throw CollectionErrors.Null("action");
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version) break;
                action(_items[i]);
            }
            if (version != _version) throw CollectionErrors.VersionChanged();
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) throw CollectionErrors.Null("converter");
            var list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) list._items[i] = converter(_items[i]);
            list._size = _size;
            return list;
        }

        public List<T> GetRange(int index, int count)
        {
            CheckRange(index, count);
            var list = new List<T>(count);
            Array.Copy(_items, index, list._items, 0, count);
            list._size = count;
            return list;
        }

        public void Reverse() => Reverse(0, _size);

        public void Reverse(int index, int count)
        {
            CheckRange(index, count);
            if (count > 1) Array.Reverse(_items, index, count);
            _version++;
        }

        public void Sort() => Sort(0, _size, null);
        public void Sort(IComparer<T> comparer) => Sort(0, _size, comparer);

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            CheckRange(index, count);
            if (count > 1) ArraySortHelper.Sort(new Span<T>(_items).Slice(index, count), comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null) throw CollectionErrors.Null("comparison");
            if (_size > 1) ArraySortHelper.Sort(new Span<T>(_items).Slice(0, _size), comparison);
            _version++;
        }

        public int BinarySearch(T item) => BinarySearch(0, _size, item, null);
        public int BinarySearch(T item, IComparer<T> comparer) => BinarySearch(0, _size, item, comparer);

        public int BinarySearch(int index, int count, T item, IComparer<T> comparer)
        {
            CheckRange(index, count);
            return Array.BinarySearch(_items, index, count, item, comparer);
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] array = new T[_size];
            Array.Copy(_items, 0, array, 0, _size);
            return array;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);

        public void CopyTo(int index, T[] array, int arrayIndex, int count)
        {
            if (_size - index < count) throw CollectionErrors.InvalidOffsetLength();
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        private void CheckRange(int index, int count)
        {
            if (index < 0) throw CollectionErrors.NeedNonNegative("index");
            if (count < 0) throw CollectionErrors.NeedNonNegative("count");
            if (_size - index < count) throw CollectionErrors.InvalidOffsetLength();
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        /// <summary>A read-only view of this list.</summary>
        public System.Collections.ObjectModel.ReadOnlyCollection<T> AsReadOnly() => new System.Collections.ObjectModel.ReadOnlyCollection<T>(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _version = list._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                List<T> list = _list;
                if (_version == list._version && (uint)_index < (uint)list._size)
                {
                    _current = list._items[_index];
                    _index++;
                    return true;
                }
                if (_version != list._version) throw CollectionErrors.VersionChanged();
                _index = list._size + 1;
                _current = default;
                return false;
            }

            public T Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list._size + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }

            public void Reset()
            {
                if (_version != _list._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }
    }
}
