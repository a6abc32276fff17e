namespace System.Collections.Generic
{
    /// <summary>A hash map with separate chaining through index links (no per-entry allocation).</summary>
    public class Dictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private struct Entry
        {
            public int Hash;
            public int Next;
            public TKey Key;
            public TValue Value;
        }

        private int[] _buckets;      // 1-based entry index; 0 = empty
        private Entry[] _entries;
        private int _count;          // entries used, including freed ones
        private int _freeList = -1;
        private int _freeCount;

        public Dictionary() { Initialize(8); }
        public Dictionary(int capacity) { Initialize(capacity < 4 ? 4 : capacity); }

        public int Count => _count - _freeCount;

        public TValue this[TKey key]
        {
            get
            {
                int i = Find(key);
                if (i < 0) ThrowHelpers.ThrowArgumentException("The given key was not present in the dictionary.");
                return _entries[i].Value;
            }
            set => Insert(key, value, overwrite: true);
        }

        public void Add(TKey key, TValue value) => Insert(key, value, overwrite: false);

        public bool ContainsKey(TKey key) => Find(key) >= 0;

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = Find(key);
            value = i >= 0 ? _entries[i].Value : default;
            return i >= 0;
        }

        public bool Remove(TKey key)
        {
            int hash = (EqualityComparer<TKey>.Default.GetHashCode(key) & 0x7fffffff);
            ref int link = ref _buckets[hash % _buckets.Length];
            while (link != 0)
            {
                ref Entry e = ref _entries[link - 1];
                if (e.Hash == hash && EqualityComparer<TKey>.Default.Equals(e.Key, key))
                {
                    int freed = link - 1;
                    link = e.Next;
                    e = default;
                    e.Hash = -1;
                    e.Next = _freeList;
                    _freeList = freed;
                    _freeCount++;
                    return true;
                }
                link = ref e.Next;
            }
            return false;
        }

        public void Clear()
        {
            Initialize(_buckets.Length);
        }

        private void Initialize(int size)
        {
            _buckets = new int[size];
            _entries = new Entry[size];
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
        }

        private int Find(TKey key)
        {
            int hash = (EqualityComparer<TKey>.Default.GetHashCode(key) & 0x7fffffff);
            for (int i = _buckets[hash % _buckets.Length]; i != 0; i = _entries[i - 1].Next)
                if (_entries[i - 1].Hash == hash && EqualityComparer<TKey>.Default.Equals(_entries[i - 1].Key, key)) return i - 1;
            return -1;
        }

        private void Insert(TKey key, TValue value, bool overwrite)
        {
            int existing = Find(key);
            if (existing >= 0)
            {
                if (!overwrite) ThrowHelpers.ThrowArgumentException("An item with the same key has already been added.");
                _entries[existing].Value = value;
                return;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = _entries[index].Next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries.Length) Grow();
                index = _count++;
            }
            int hash = (EqualityComparer<TKey>.Default.GetHashCode(key) & 0x7fffffff);
            ref int bucket = ref _buckets[hash % _buckets.Length];
            _entries[index] = new Entry { Hash = hash, Next = bucket, Key = key, Value = value };
            bucket = index + 1;
        }

        private void Grow()
        {
            int size = _entries.Length * 2;
            Entry[] entries = new Entry[size];
            Array.Copy(_entries, 0, entries, 0, _count);
            int[] buckets = new int[size];
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].Hash < 0) continue;
                ref int bucket = ref buckets[entries[i].Hash % size];
                entries[i].Next = bucket;
                bucket = i + 1;
            }
            _entries = entries;
            _buckets = buckets;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Enumerates in insertion order (until removals reuse freed entries).</summary>
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private int _index;

            internal Enumerator(Dictionary<TKey, TValue> dictionary) { _dictionary = dictionary; _index = -1; }

            public bool MoveNext()
            {
                while (++_index < _dictionary._count)
                    if (_dictionary._entries[_index].Hash >= 0) return true;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => new KeyValuePair<TKey, TValue>(_dictionary._entries[_index].Key, _dictionary._entries[_index].Value);
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }

    public readonly struct KeyValuePair<TKey, TValue>
    {
        public KeyValuePair(TKey key, TValue value) { Key = key; Value = value; }
        public TKey Key { get; }
        public TValue Value { get; }
    }
}
