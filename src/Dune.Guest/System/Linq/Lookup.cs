using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// Keys to groups of elements, groups in the order their keys first appeared (GroupBy, ToLookup, Join,
    /// GroupJoin). A null key forms a group of its own, except for joins, which never match null keys.
    /// </summary>
    public class Lookup<TKey, TElement> : ILookup<TKey, TElement>
    {
        private readonly IEqualityComparer<TKey> _comparer;
        private Grouping<TKey, TElement>[] _buckets = new Grouping<TKey, TElement>[7];
        private Grouping<TKey, TElement> _first, _last;
        private int _count;

        private Lookup(IEqualityComparer<TKey> comparer) { _comparer = comparer ?? EqualityComparer<TKey>.Default; }

        internal static Lookup<TKey, TElement> Create<TSource>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            var lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TSource item in source) lookup.GetGrouping(keySelector(item), create: true).Add(elementSelector(item));
            return lookup;
        }

        internal static Lookup<TKey, TElement> Create(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            var lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TElement item in source) lookup.GetGrouping(keySelector(item), create: true).Add(item);
            return lookup;
        }

        internal static Lookup<TKey, TElement> CreateForJoin(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            var lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TElement item in source)
            {
                TKey key = keySelector(item);
                if (key != null) lookup.GetGrouping(key, create: true).Add(item);
            }
            return lookup;
        }

        public int Count => _count;

        public IEnumerable<TElement> this[TKey key] => (IEnumerable<TElement>)GetGrouping(key, create: false) ?? Array.Empty<TElement>();

        public bool Contains(TKey key) => GetGrouping(key, create: false) != null;

        public IEnumerator<IGrouping<TKey, TElement>> GetEnumerator()
        {
            for (Grouping<TKey, TElement> g = _first; g != null; g = g.NextInOrder) yield return g;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        internal Grouping<TKey, TElement> First => _first;

        internal Grouping<TKey, TElement> GetGrouping(TKey key, bool create)
        {
            int hash = key == null ? 0 : _comparer.GetHashCode(key) & 0x7FFFFFFF;
            for (Grouping<TKey, TElement> g = _buckets[hash % _buckets.Length]; g != null; g = g.NextInBucket)
                if (g.Hash == hash && _comparer.Equals(g.Key, key)) return g;
            if (!create) return null;
            if (_count == _buckets.Length) Grow();
            var grouping = new Grouping<TKey, TElement>(key, hash);
            int bucket = hash % _buckets.Length;
            grouping.NextInBucket = _buckets[bucket];
            _buckets[bucket] = grouping;
            if (_last == null) _first = grouping; else _last.NextInOrder = grouping;
            _last = grouping;
            _count++;
            return grouping;
        }

        private void Grow()
        {
            var buckets = new Grouping<TKey, TElement>[_buckets.Length * 2 + 1];
            for (Grouping<TKey, TElement> g = _first; g != null; g = g.NextInOrder)
            {
                int bucket = g.Hash % buckets.Length;
                g.NextInBucket = buckets[bucket];
                buckets[bucket] = g;
            }
            _buckets = buckets;
        }
    }

    /// <summary>One key and its elements, in source order.</summary>
    public class Grouping<TKey, TElement> : IGrouping<TKey, TElement>, IList<TElement>, IReadOnlyList<TElement>
    {
        private readonly TKey _key;
        internal readonly int Hash;
        internal TElement[] Elements = new TElement[1];
        internal int Size;
        internal Grouping<TKey, TElement> NextInBucket, NextInOrder;

        internal Grouping(TKey key, int hash) { _key = key; Hash = hash; }

        public TKey Key => _key;

        internal void Add(TElement element)
        {
            if (Size == Elements.Length)
            {
                // A bulk copy: element stores would each re-check the array's covariance.
                TElement[] grown = new TElement[Size * 2];
                new ReadOnlySpan<TElement>(Elements, 0, Size).CopyTo(grown);
                Elements = grown;
            }
            Elements[Size++] = element;
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            for (int i = 0; i < Size; i++) yield return Elements[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public int Count => Size;
        public bool IsReadOnly => true;

        public TElement this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(index));
                return Elements[index];
            }
            set => throw new NotSupportedException("Specified method is not supported.");
        }

        public bool Contains(TElement item) => IndexOf(item) >= 0;

        public int IndexOf(TElement item)
        {
            EqualityComparer<TElement> comparer = EqualityComparer<TElement>.Default;
            for (int i = 0; i < Size; i++)
                if (comparer.Equals(Elements[i], item)) return i;
            return -1;
        }

        public void CopyTo(TElement[] array, int arrayIndex)
        {
            Array.Copy(Elements, 0, array, arrayIndex, Size);
        }

        void ICollection<TElement>.Add(TElement item) => throw new NotSupportedException();
        void ICollection<TElement>.Clear() => throw new NotSupportedException();
        bool ICollection<TElement>.Remove(TElement item) => throw new NotSupportedException();
        void IList<TElement>.Insert(int index, TElement item) => throw new NotSupportedException();
        void IList<TElement>.RemoveAt(int index) => throw new NotSupportedException();
    }
}
