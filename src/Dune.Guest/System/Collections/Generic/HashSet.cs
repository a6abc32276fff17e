using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// A hash set laid out as .NET's (the same entry array, chains and free list as Dictionary), so enumeration
    /// order, including after removals and set operations, is the order .NET gives. The set operations that
    /// add or remove follow .NET's algorithms step for step for that reason.
    /// </summary>
    public class HashSet<T> : ISet<T>, IReadOnlySet<T>
    {
        private struct Entry
        {
            public uint HashCode;
            /// <summary>Next entry in the chain (-1 ends it); below -1 the entry is free and this encodes the next free one.</summary>
            public int Next;
            public T Value;
        }

        private const int StartOfFreeList = -3;
        private const int ShrinkThreshold = 3;

        private int[] _buckets;
        private Entry[] _entries;
        private ulong _fastModMultiplier;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        /// <summary>Null for value types with the default comparer: those calls are devirtualized and inlined.</summary>
        private readonly IEqualityComparer<T> _comparer;

        public HashSet() : this((IEqualityComparer<T>)null) { }

        public HashSet(IEqualityComparer<T> comparer)
        {
            if (default(T) == null || (comparer != null && comparer != EqualityComparer<T>.Default))
                _comparer = comparer ?? EqualityComparer<T>.Default;
        }

        public HashSet(int capacity) : this(capacity, null) { }

        public HashSet(int capacity, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (capacity < 0) throw CollectionErrors.OutOfRange("capacity");
            if (capacity > 0) Initialize(capacity);
        }

        public HashSet(IEnumerable<T> collection) : this(collection, null) { }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            if (collection is HashSet<T> other && SameComparer(other))
            {
                CopyFrom(other);
                return;
            }
            if (collection is ICollection<T> c && c.Count > 0) Initialize(c.Count);
            UnionWith(collection);
            if (_count > 0 && _entries.Length / _count > ShrinkThreshold) TrimExcess();
        }

        /// <summary>A set with the same comparer is cloned, holes and free list included (as .NET does) unless it is
        /// much larger than its contents.</summary>
        private void CopyFrom(HashSet<T> source)
        {
            if (source.Count == 0) return;
            if (HashHelpers.ExpandPrime(source.Count + 1) >= source._buckets.Length)
            {
                _buckets = new int[source._buckets.Length];
                _entries = new Entry[source._entries.Length];
                Array.Copy(source._buckets, _buckets, _buckets.Length);
                Array.Copy(source._entries, _entries, _entries.Length);
                _freeList = source._freeList;
                _freeCount = source._freeCount;
                _count = source._count;
                _fastModMultiplier = source._fastModMultiplier;
                return;
            }
            Initialize(source.Count);
            Entry[] entries = source._entries;
            for (int i = 0; i < source._count; i++)
                if (entries[i].Next >= -1) AddIfNotPresent(entries[i].Value, out _);
        }

        public IEqualityComparer<T> Comparer => _comparer ?? EqualityComparer<T>.Default;
        public int Count => _count - _freeCount;
        public int Capacity => _entries == null ? 0 : _entries.Length;
        bool ICollection<T>.IsReadOnly => false;

        public bool Add(T item) => AddIfNotPresent(item, out _);
        void ICollection<T>.Add(T item) => AddIfNotPresent(item, out _);

        public bool Contains(T item) => FindItemIndex(item) >= 0;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int i = FindItemIndex(equalValue);
            if (i >= 0)
            {
                actualValue = _entries[i].Value;
                return true;
            }
            actualValue = default;
            return false;
        }

        public bool Remove(T item)
        {
            if (_buckets == null) return false;
            uint hashCode = Hash(item);
            ref int bucket = ref Bucket(hashCode);
            Entry[] entries = _entries;
            int last = -1;
            int i = bucket - 1;
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && ItemsEqual(entry.Value, item))
                {
                    if (last < 0) bucket = entry.Next + 1;
                    else entries[last].Next = entry.Next;
                    entry.Next = StartOfFreeList - _freeList;
                    entry.Value = default;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
                last = i;
                i = entry.Next;
            }
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

        /// <summary>Removes, in entry order, every element the predicate matches.</summary>
        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            Entry[] entries = _entries;
            int removed = 0;
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].Next < -1) continue;
                T value = entries[i].Value;
                if (match(value) && Remove(value)) removed++;
            }
            return removed;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.OutOfRange("capacity");
            int current = Capacity;
            if (current >= capacity) return current;
            if (_buckets == null) return Initialize(capacity);
            int size = HashHelpers.GetPrime(capacity);
            Resize(size);
            return size;
        }

        public void TrimExcess()
        {
            int capacity = Count;
            int size = HashHelpers.GetPrime(capacity);
            Entry[] old = _entries;
            if (old == null || size >= old.Length) return;
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

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);
        public void CopyTo(T[] array, int arrayIndex) => CopyTo(array, arrayIndex, Count);

        public void CopyTo(T[] array, int arrayIndex, int count)
        {
            if (array == null) throw CollectionErrors.Null("array");
            if (arrayIndex < 0) throw CollectionErrors.NeedNonNegative("arrayIndex");
            if (count < 0) throw CollectionErrors.NeedNonNegative("count");
            if (arrayIndex > array.Length || count > array.Length - arrayIndex) throw CollectionErrors.ArrayTooSmall();
            Entry[] entries = _entries;
            for (int i = 0; i < _count && count != 0; i++)
            {
                if (entries[i].Next < -1) continue;
                array[arrayIndex++] = entries[i].Value;
                count--;
            }
        }

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            foreach (T item in other) AddIfNotPresent(item, out _);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0 || other == this) return;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0)
                {
                    Clear();
                    return;
                }
                if (other is HashSet<T> set && SameComparer(set))
                {
                    Entry[] entries = _entries;
                    for (int i = 0; i < _count; i++)
                    {
                        if (entries[i].Next < -1) continue;
                        T item = entries[i].Value;
                        if (!set.Contains(item)) Remove(item);
                    }
                    return;
                }
            }
            int originalCount = _count;
            var found = new bool[originalCount];
            foreach (T item in other)
            {
                int location = FindItemIndex(item);
                if (location >= 0) found[location] = true;
            }
            for (int i = 0; i < originalCount; i++)
                if (_entries[i].Next >= -1 && !found[i]) Remove(_entries[i].Value);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            if (other is HashSet<T> set && SameComparer(set))
            {
                foreach (T item in set)
                    if (!Remove(item)) AddIfNotPresent(item, out _);
                return;
            }
            // Elements of other may repeat: remove each original element once, and never one other just added.
            int originalCount = _count;
            var toRemove = new bool[originalCount];
            var addedFromOther = new bool[originalCount];
            foreach (T item in other)
            {
                if (AddIfNotPresent(item, out int location))
                {
                    if (location < originalCount) addedFromOther[location] = true;
                }
                else if (location < originalCount && !addedFromOther[location])
                {
                    toRemove[location] = true;
                }
            }
            for (int i = 0; i < originalCount; i++)
                if (toRemove[i]) Remove(_entries[i].Value);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0 || other == this) return true;
            if (other is HashSet<T> set && SameComparer(set)) return Count <= set.Count && AllIn(set);
            int unique = CountUniqueAndUnfound(other, stopAtUnfound: false, out int unfound);
            return unique == Count && unfound >= 0;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (other == this) return false;
            if (other is ICollection<T> collection)
            {
                if (Count == 0) return collection.Count > 0;
                if (other is HashSet<T> set && SameComparer(set)) return Count < set.Count && AllIn(set);
            }
            int unique = CountUniqueAndUnfound(other, stopAtUnfound: false, out int unfound);
            return unique == Count && unfound > 0;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (other == this) return true;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) return true;
                if (other is HashSet<T> set && SameComparer(set) && set.Count > Count) return false;
            }
            return ContainsAll(other);
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0 || other == this) return false;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) return true;
                if (other is HashSet<T> set && SameComparer(set)) return set.Count < Count && ContainsAll(set);
            }
            int unique = CountUniqueAndUnfound(other, stopAtUnfound: true, out int unfound);
            return unique < Count && unfound == 0;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return false;
            if (other == this) return true;
            foreach (T item in other)
                if (Contains(item)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (other == this) return true;
            if (other is HashSet<T> set && SameComparer(set)) return Count == set.Count && ContainsAll(set);
            if (Count == 0 && other is ICollection<T> collection && collection.Count > 0) return false;
            int unique = CountUniqueAndUnfound(other, stopAtUnfound: true, out int unfound);
            return unique == Count && unfound == 0;
        }

        private bool SameComparer(HashSet<T> other) => Comparer.Equals(other.Comparer);

        private bool ContainsAll(IEnumerable<T> other)
        {
            foreach (T item in other)
                if (!Contains(item)) return false;
            return true;
        }

        private bool AllIn(HashSet<T> other)
        {
            foreach (T item in this)
                if (!other.Contains(item)) return false;
            return true;
        }

        /// <summary>How many distinct elements of this set other holds; <paramref name="unfound"/>: how many of
        /// other's are not in this set.</summary>
        private int CountUniqueAndUnfound(IEnumerable<T> other, bool stopAtUnfound, out int unfound)
        {
            unfound = 0;
            if (_count == 0)
            {
                foreach (T item in other)
                {
                    unfound = 1;
                    break;
                }
                return 0;
            }
            var seen = new bool[_count];
            int unique = 0;
            foreach (T item in other)
            {
                int location = FindItemIndex(item);
                if (location < 0)
                {
                    unfound++;
                    if (stopAtUnfound) break;
                }
                else if (!seen[location])
                {
                    seen[location] = true;
                    unique++;
                }
            }
            return unique;
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
        private uint Hash(T item)
        {
            if (_comparer == null) return (uint)EqualityComparer<T>.Default.GetHashCode(item);
            return item == null ? 0 : (uint)_comparer.GetHashCode(item);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool ItemsEqual(T a, T b) => _comparer == null ? EqualityComparer<T>.Default.Equals(a, b) : _comparer.Equals(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ref int Bucket(uint hashCode) => ref _buckets[HashHelpers.FastMod(hashCode, (uint)_buckets.Length, _fastModMultiplier)];

        private int FindItemIndex(T item)
        {
            if (_buckets == null) return -1;
            uint hashCode = Hash(item);
            Entry[] entries = _entries;
            int i = Bucket(hashCode) - 1;
            while ((uint)i < (uint)entries.Length)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && ItemsEqual(entry.Value, item)) return i;
                i = entry.Next;
            }
            return -1;
        }

        /// <summary>Adds unless present; <paramref name="location"/> is the item's entry either way.</summary>
        private bool AddIfNotPresent(T value, out int location)
        {
            if (_buckets == null) Initialize(0);
            uint hashCode = Hash(value);
            Entry[] entries = _entries;
            ref int bucket = ref Bucket(hashCode);
            int i = bucket - 1;
            while ((uint)i < (uint)entries.Length)
            {
                ref Entry existing = ref entries[i];
                if (existing.HashCode == hashCode && ItemsEqual(existing.Value, value))
                {
                    location = i;
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
            entry.Value = value;
            bucket = index + 1;
            _version++;
            location = index;
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

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _set;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(HashSet<T> set)
            {
                _set = set;
                _version = set._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _set._version) throw CollectionErrors.VersionChanged();
                while ((uint)_index < (uint)_set._count)
                {
                    ref Entry entry = ref _set._entries[_index++];
                    if (entry.Next >= -1)
                    {
                        _current = entry.Value;
                        return true;
                    }
                }
                _index = _set._count + 1;
                _current = default;
                return false;
            }

            public T Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _set._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }

            public void Reset()
            {
                if (_version != _set._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }
    }
}
