namespace System.Collections.Generic
{
    /// <summary>A map kept in key order: a SortedSet of key/value pairs ordered by key alone.</summary>
    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly SortedSet<KeyValuePair<TKey, TValue>> _set;
        private readonly IComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public SortedDictionary() : this((IComparer<TKey>)null) { }

        public SortedDictionary(IComparer<TKey> comparer)
        {
            _comparer = comparer ?? Comparer<TKey>.Default;
            _set = new SortedSet<KeyValuePair<TKey, TValue>>(new KeyOrder(_comparer));
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer) : this(comparer)
        {
            if (dictionary == null) throw CollectionErrors.Null("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public IComparer<TKey> Comparer => _comparer;
        public int Count => _set.Count;
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
                SortedSet<KeyValuePair<TKey, TValue>>.Node node = Find(key);
                if (node == null) throw CollectionErrors.KeyNotFound(key);
                return node.Item.Value;
            }
            set
            {
                SortedSet<KeyValuePair<TKey, TValue>>.Node node = Find(key);
                if (node == null) _set.Add(new KeyValuePair<TKey, TValue>(key, value));
                else
                {
                    node.Item = new KeyValuePair<TKey, TValue>(node.Item.Key, value);
                    _set.Touch();
                }
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw CollectionErrors.Null("key");
            var pair = new KeyValuePair<TKey, TValue>(key, value);
            if (!_set.Add(pair)) throw CollectionErrors.DuplicateKey(pair);
        }

        public bool ContainsKey(TKey key) => Find(key) != null;

        public bool ContainsValue(TValue value)
        {
            foreach (KeyValuePair<TKey, TValue> pair in _set)
                if (EqualityComparer<TValue>.Default.Equals(pair.Value, value)) return true;
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = Find(key);
            value = node == null ? default : node.Item.Value;
            return node != null;
        }

        public bool Remove(TKey key)
        {
            if (key == null) throw CollectionErrors.Null("key");
            return _set.Remove(new KeyValuePair<TKey, TValue>(key, default));
        }

        public void Clear() => _set.Clear();

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _set.CopyTo(array, index);

        private SortedSet<KeyValuePair<TKey, TValue>>.Node Find(TKey key)
        {
            if (key == null) throw CollectionErrors.Null("key");
            return _set.FindNode(new KeyValuePair<TKey, TValue>(key, default));
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> pair) => Add(pair.Key, pair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> pair)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = Find(pair.Key);
            return node != null && EqualityComparer<TValue>.Default.Equals(node.Item.Value, pair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> pair)
        {
            SortedSet<KeyValuePair<TKey, TValue>>.Node node = Find(pair.Key);
            return node != null && EqualityComparer<TValue>.Default.Equals(node.Item.Value, pair.Value) && _set.Remove(pair);
        }

        public SortedSet<KeyValuePair<TKey, TValue>>.Enumerator GetEnumerator() => _set.GetEnumerator();
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => _set.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => _set.GetEnumerator();

        private sealed class KeyOrder : Comparer<KeyValuePair<TKey, TValue>>
        {
            private readonly IComparer<TKey> _keyComparer;
            public KeyOrder(IComparer<TKey> keyComparer) { _keyComparer = keyComparer; }
            public override int Compare(KeyValuePair<TKey, TValue> x, KeyValuePair<TKey, TValue> y) => _keyComparer.Compare(x.Key, y.Key);
            public override bool Equals(object obj) => obj is KeyOrder other && other._keyComparer.Equals(_keyComparer);
            public override int GetHashCode() => _keyComparer.GetHashCode();
        }

        /// <summary>A live, read-only view of the keys in order.</summary>
        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public KeyCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw CollectionErrors.Null("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw CollectionErrors.Null("array");
                if (index < 0) throw CollectionErrors.NeedNonNegative("index");
                if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Key;
            }

            void ICollection<TKey>.Add(TKey item) => throw CollectionErrors.ReadOnly();
            void ICollection<TKey>.Clear() => throw CollectionErrors.ReadOnly();
            bool ICollection<TKey>.Remove(TKey item) => throw CollectionErrors.ReadOnly();

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TKey>
            {
                private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;
                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }
                public bool MoveNext() => _inner.MoveNext();
                public TKey Current => _inner.Current.Key;
                object IEnumerator.Current => Current;
                public void Reset() => _inner.Reset();
                public void Dispose() { }
            }
        }

        /// <summary>A live, read-only view of the values in key order.</summary>
        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public ValueCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw CollectionErrors.Null("dictionary");
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;
            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null) throw CollectionErrors.Null("array");
                if (index < 0) throw CollectionErrors.NeedNonNegative("index");
                if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Value;
            }

            void ICollection<TValue>.Add(TValue item) => throw CollectionErrors.ValuesReadOnly();
            void ICollection<TValue>.Clear() => throw CollectionErrors.ValuesReadOnly();
            bool ICollection<TValue>.Remove(TValue item) => throw CollectionErrors.ValuesReadOnly();

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TValue>
            {
                private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;
                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }
                public bool MoveNext() => _inner.MoveNext();
                public TValue Current => _inner.Current.Value;
                object IEnumerator.Current => Current;
                public void Reset() => _inner.Reset();
                public void Dispose() { }
            }
        }
    }
}
