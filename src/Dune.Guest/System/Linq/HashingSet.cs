using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// The set behind Distinct, Union, Intersect and Except: chained buckets over one entry array, null allowed
    /// (hash 0), elements kept in insertion order. Separate from HashSet&lt;T&gt; so LINQ's exact call pattern on
    /// the comparer (one GetHashCode per element, Equals only on equal hashes) stays the same as .NET's.
    /// </summary>
    internal sealed class HashingSet<T>
    {
        private struct Slot
        {
            public int Hash;
            public int Next;
            public T Value;
        }

        private readonly IEqualityComparer<T> _comparer;
        private int[] _buckets = new int[7];   // 1-based slot index; 0 = empty
        private Slot[] _slots = new Slot[7];
        private int _count;

        public HashingSet(IEqualityComparer<T> comparer) { _comparer = comparer ?? EqualityComparer<T>.Default; }

        public int Count => _count;

        private int HashOf(T value) => value == null ? 0 : _comparer.GetHashCode(value) & 0x7FFFFFFF;

        /// <summary>Adds the value; false if an equal one is present.</summary>
        public bool Add(T value)
        {
            int hash = HashOf(value);
            for (int i = _buckets[hash % _buckets.Length] - 1; i >= 0; i = _slots[i].Next)
                if (_slots[i].Hash == hash && _comparer.Equals(_slots[i].Value, value)) return false;
            if (_count == _slots.Length) Grow();
            int bucket = hash % _buckets.Length;
            _slots[_count] = new Slot { Hash = hash, Next = _buckets[bucket] - 1, Value = value };
            _buckets[bucket] = ++_count;
            return true;
        }

        /// <summary>Removes an equal value; false if none is present. Removed slots are marked, not reused.</summary>
        public bool Remove(T value)
        {
            int hash = HashOf(value);
            int bucket = hash % _buckets.Length, previous = -1;
            for (int i = _buckets[bucket] - 1; i >= 0; previous = i, i = _slots[i].Next)
            {
                if (_slots[i].Hash != hash || !_comparer.Equals(_slots[i].Value, value)) continue;
                if (previous < 0) _buckets[bucket] = _slots[i].Next + 1;
                else _slots[previous].Next = _slots[i].Next;
                _slots[i].Hash = -1;
                _slots[i].Value = default;
                return true;
            }
            return false;
        }

        private void Grow()
        {
            int size = _slots.Length * 2 + 1;
            Slot[] slots = new Slot[size];
            new ReadOnlySpan<Slot>(_slots, 0, _count).CopyTo(slots);
            int[] buckets = new int[size];
            for (int i = 0; i < _count; i++)
            {
                if (slots[i].Hash < 0) { slots[i].Next = -1; continue; }
                int bucket = slots[i].Hash % size;
                slots[i].Next = buckets[bucket] - 1;
                buckets[bucket] = i + 1;
            }
            _buckets = buckets;
            _slots = slots;
        }
    }
}
