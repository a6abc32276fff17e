namespace System.Collections.Generic
{
    /// <summary>A growable array. The enumerator is a struct so `foreach` over a List allocates nothing.</summary>
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private T[] _items;
        private int _count;

        public List() { _items = new T[4]; }
        public List(int capacity) { _items = new T[capacity < 1 ? 1 : capacity]; }

        public int Count => _count;
        public bool IsReadOnly => false;

        public T this[int index]
        {
            get { if ((uint)index >= (uint)_count) ThrowHelpers.ThrowArgumentOutOfRangeException(); return _items[index]; }
            set { if ((uint)index >= (uint)_count) ThrowHelpers.ThrowArgumentOutOfRangeException(); _items[index] = value; }
        }

        public void Add(T item)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
            _items[_count++] = item;
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_count) ThrowHelpers.ThrowArgumentOutOfRangeException();
            if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
            if (index < _count) Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = item;
            _count++;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_count) ThrowHelpers.ThrowArgumentOutOfRangeException();
            _count--;
            if (index < _count) Array.Copy(_items, index + 1, _items, index, _count - index);
            _items[_count] = default;
        }

        public bool Remove(T item)
        {
            int i = IndexOf(item);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public int IndexOf(T item)
        {
            for (int i = 0; i < _count; i++)
                if (EqualityComparer<T>.Default.Equals(_items[i], item)) return i;
            return -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public void Clear()
        {
            for (int i = 0; i < _count; i++) _items[i] = default;
            _count = 0;
        }

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

        public T[] ToArray()
        {
            T[] result = new T[_count];
            Array.Copy(_items, 0, result, 0, _count);
            return result;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private int _index;

            internal Enumerator(List<T> list) { _list = list; _index = -1; }
            public bool MoveNext() => ++_index < _list._count;
            public T Current => _list._items[_index];
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }
}
