using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// A hash map laid out as .NET's: entries in an array chained through indexes, buckets holding 1-based entry
    /// indexes, and freed entries on a free list that later adds reuse first. Enumeration walks the entry array,
    /// so the order is insertion order until removals free slots, then the order .NET gives. Removals and
    /// overwrites do not invalidate enumerators (as in .NET); adds do.
    /// </summary>
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private struct Entry
        {
            public uint HashCode;
            /// <summary>Next entry in the chain (-1 ends it); below -1 the entry is free and this encodes the next free one.</summary>
            public int Next;
            public TKey Key;
            public TValue Value;
        }

        private const int StartOfFreeList = -3;

        private int[] _buckets;
        private Entry[] _entries;
        private ulong _fastModMultiplier;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        /// <summary>Null for value-type keys with the default comparer: those calls are devirtualized and inlined.</summary>
        private readonly IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary() : this(0, null) { }
        public Dictionary(int capacity) : this(capacity, null) { }
        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) throw CollectionErrors.OutOfRange("capacity");
            if (capacity > 0) Initialize(capacity);
            if (default(TKey) == null || (comparer != null && comparer != EqualityComparer<TKey>.Default))
                _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)
            : this(dictionary?.Count ?? 0, comparer)
        {
            if (dictionary == null) throw CollectionErrors.Null("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null) { }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer)
            : this((collection as ICollection<KeyValuePair<TKey, TValue>>)?.Count ?? 0, comparer)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            foreach (KeyValuePair<TKey, TValue> pair in collection) Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer => _comparer ?? EqualityComparer<TKey>.Default;
        public int Count => _count - _freeCount;
        public int Capacity => _entries == null ? 0 : _entries.Length;
        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        public ValueCollection Values => _values ??= new ValueCollection(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0) throw CollectionErrors.KeyNotFound(key);
                return _entries[i].Value;
            }
            set => TryInsert(key, value, overwrite: true, throwOnExisting: false);
        }

        public void Add(TKey key, TValue value) => TryInsert(key, value, overwrite: false, throwOnExisting: true);

        public bool TryAdd(TKey key, TValue value) => TryInsert(key, value, overwrite: false, throwOnExisting: false);

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
                if (entries[i].Next >= -1 && EqualityComparer<TValue>.Default.Equals(entries[i].Value, value)) return true;
            return false;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].Value;
                return true;
            }
            value = default;
            return false;
        }

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw CollectionErrors.Null("key");
            if (_buckets != null)
            {
                uint hashCode = Hash(key);
                ref int bucket = ref Bucket(hashCode);
                Entry[] entries = _entries;
                int last = -1;
                int i = bucket - 1;
                while (i >= 0)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.HashCode == hashCode && KeysEqual(entry.Key, key))
                    {
                        if (last < 0) bucket = entry.Next + 1;
                        else entries[last].Next = entry.Next;
                        value = entry.Value;
                        entry.Next = StartOfFreeList - _freeList;
                        entry.Key = default;
                        entry.Value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;
                    }
                    last = i;
                    i = entry.Next;
                }
            }
            value = default;
            return false;
        }

        public void Clear()
        {
            int count = _count;
            if (count == 0) return;
            Array.Clear(_buckets);
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
            Array.Clear(_entries, 0, count);
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.OutOfRange("capacity");
            int current = Capacity;
            if (current >= capacity) return current;
            _version++;
            if (_buckets == null) return Initialize(capacity);
            int size = HashHelpers.GetPrime(capacity);
            Resize(size);
            return size;
        }

        /// <summary>Shrinks to the prime that fits the live entries, packing them in enumeration order.</summary>
        public void TrimExcess() => TrimExcess(Count);

        public void TrimExcess(int capacity)
        {
            if (capacity < Count) throw new ArgumentOutOfRangeException("capacity", "The value was out of range.");
            int size = HashHelpers.GetPrime(capacity);
            Entry[] old = _entries;
            if (size >= Capacity) return;
            int oldCount = _count;
            _version++;
            Initialize(size);
            int packed = 0;
            for (int i = 0; i < oldCount; i++)
            {
                if (old[i].Next < -1) continue;
                ref Entry entry = ref _entries[packed];
                entry = old[i];
                ref int bucket = ref Bucket(entry.HashCode);
                entry.Next = bucket - 1;
                bucket = packed + 1;
                packed++;
            }
            _count = packed;
            _freeCount = 0;
        }

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _entries = new Entry[size];
            _fastModMultiplier = HashHelpers.GetFastModMultiplier((uint)size);
            return size;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint Hash(TKey key) => (uint)(_comparer == null ? EqualityComparer<TKey>.Default.GetHashCode(key) : _comparer.GetHashCode(key));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool KeysEqual(TKey a, TKey b) => _comparer == null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ref int Bucket(uint hashCode) => ref _buckets[HashHelpers.FastMod(hashCode, (uint)_buckets.Length, _fastModMultiplier)];

        private int FindEntry(TKey key)
        {
            if (key == null) throw CollectionErrors.Null("key");
            if (_buckets == null) return -1;
            uint hashCode = Hash(key);
            Entry[] entries = _entries;
            int i = Bucket(hashCode) - 1;
            while ((uint)i < (uint)entries.Length)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && KeysEqual(entry.Key, key)) return i;
                i = entry.Next;
            }
            return -1;
        }

        private bool TryInsert(TKey key, TValue value, bool overwrite, bool throwOnExisting)
        {
            if (key == null) throw CollectionErrors.Null("key");
            if (_buckets == null) Initialize(0);
            uint hashCode = Hash(key);
            Entry[] entries = _entries;
            ref int bucket = ref Bucket(hashCode);
            int i = bucket - 1;
            while ((uint)i < (uint)entries.Length)
            {
                ref Entry existing = ref entries[i];
                if (existing.HashCode == hashCode && KeysEqual(existing.Key, key))
                {
                    if (overwrite)
                    {
                        existing.Value = value;
                        return true;
                    }
                    if (throwOnExisting) throw CollectionErrors.DuplicateKey(key);
                    return false;
                }
                i = existing.Next;
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = StartOfFreeList - entries[_freeList].Next;
                _freeCount--;
            }
            else
            {
                if (_count == entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(_count));
                    bucket = ref Bucket(hashCode);
                }
                index = _count;
                _count++;
            }
            ref Entry entry = ref _entries[index];
            entry.HashCode = hashCode;
            entry.Next = bucket - 1;
            entry.Key = key;
            entry.Value = value;
            bucket = index + 1;
            _version++;
            return true;
        }

        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, entries, count);
            _buckets = new int[newSize];
            _fastModMultiplier = HashHelpers.GetFastModMultiplier((uint)newSize);
            for (int i = 0; i < count; i++)
            {
                if (entries[i].Next < -1) continue;
                ref int bucket = ref _buckets[HashHelpers.FastMod(entries[i].HashCode, (uint)newSize, _fastModMultiplier)];
                entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
            _entries = entries;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> pair) => Add(pair.Key, pair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].Value, pair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            if (i < 0 || !EqualityComparer<TValue>.Default.Equals(_entries[i].Value, pair.Value)) return false;
            return Remove(pair.Key);
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            CheckCopyTarget(array, index, Count);
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
                if (entries[i].Next >= -1) array[index++] = new KeyValuePair<TKey, TValue>(entries[i].Key, entries[i].Value);
        }

        private static void CheckCopyTarget<T>(T[] array, int index, int count)
        {
            if (array == null) throw CollectionErrors.Null("array");
            if ((uint)index > (uint)array.Length) throw CollectionErrors.IndexAtMostCount("index");
            if (array.Length - index < count) throw CollectionErrors.ArrayTooSmall();
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                while ((uint)_index < (uint)_dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.Next >= -1)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.Key, entry.Value);
                        return true;
                    }
                }
                _index = _dictionary._count + 1;
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }

            public void Reset()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }

        /// <summary>A live, read-only view of the keys, in the dictionary's enumeration order.</summary>
        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw CollectionErrors.Null("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                CheckCopyTarget(array, index, _dictionary.Count);
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].Next >= -1) array[index++] = entries[i].Key;
            }

            void ICollection<TKey>.Add(TKey item) => throw CollectionErrors.ReadOnly();
            void ICollection<TKey>.Clear() => throw CollectionErrors.ReadOnly();
            bool ICollection<TKey>.Remove(TKey item) => throw CollectionErrors.ReadOnly();

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TKey>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private readonly int _version;
                private int _index;
                private TKey _current;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _current = default;
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.Next >= -1)
                        {
                            _current = entry.Key;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _current = default;
                    return false;
                }

                public TKey Current => _current;

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                        return _current;
                    }
                }

                public void Reset()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    _index = 0;
                    _current = default;
                }

                public void Dispose() { }
            }
        }

        /// <summary>A live, read-only view of the values, in the dictionary's enumeration order.</summary>
        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw CollectionErrors.Null("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

            public void CopyTo(TValue[] array, int index)
            {
                CheckCopyTarget(array, index, _dictionary.Count);
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].Next >= -1) array[index++] = entries[i].Value;
            }

            void ICollection<TValue>.Add(TValue item) => throw CollectionErrors.ValuesReadOnly();
            void ICollection<TValue>.Clear() => throw CollectionErrors.ValuesReadOnly();
            bool ICollection<TValue>.Remove(TValue item) => throw CollectionErrors.ValuesReadOnly();

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TValue>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private readonly int _version;
                private int _index;
                private TValue _current;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _current = default;
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.Next >= -1)
                        {
                            _current = entry.Value;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _current = default;
                    return false;
                }

                public TValue Current => _current;

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                        return _current;
                    }
                }

                public void Reset()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    _index = 0;
                    _current = default;
                }

                public void Dispose() { }
            }
        }
    }
}
