using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => OrderBy(source, keySelector, null);
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            new OrderedEnumerable<TSource, TKey>(Checked(source), null, Checked(keySelector), comparer, descending: false);

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => OrderByDescending(source, keySelector, null);
        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            new OrderedEnumerable<TSource, TKey>(Checked(source), null, Checked(keySelector), comparer, descending: true);

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ThenBy(source, keySelector, null);
        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            ThenByCore(Checked(source), Checked(keySelector), comparer, false);

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ThenByDescending(source, keySelector, null);
        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) =>
            ThenByCore(Checked(source), Checked(keySelector), comparer, true);

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => OrderBy(source, Identity<T>.Function, null);
        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source, IComparer<T> comparer) => OrderBy(source, Identity<T>.Function, comparer);
        public static IOrderedEnumerable<T> OrderDescending<T>(this IEnumerable<T> source) => OrderByDescending(source, Identity<T>.Function, null);
        public static IOrderedEnumerable<T> OrderDescending<T>(this IEnumerable<T> source, IComparer<T> comparer) => OrderByDescending(source, Identity<T>.Function, comparer);

        /// <summary>Our own ordered sequences extend without the generic interface method, a generic virtual call
        /// that the runtime cannot dispatch in shared code (reference-type keys).</summary>
        private static IOrderedEnumerable<TSource> ThenByCore<TSource, TKey>(IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer, bool descending) =>
            source is OrderedEnumerable<TSource> ordered
                ? ordered.ThenBy(keySelector, comparer, descending)
                : source.CreateOrderedEnumerable(keySelector, comparer, descending);

        private static class Identity<T>
        {
            public static readonly Func<T, T> Function = x => x;
        }

        private static IEnumerable<TSource> Checked<TSource>(IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, "source");
            return source;
        }

        private static IOrderedEnumerable<TSource> Checked<TSource>(IOrderedEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, "source");
            return source;
        }

        private static Func<TSource, TKey> Checked<TSource, TKey>(Func<TSource, TKey> keySelector)
        {
            Errors.ThrowIfNull(keySelector, "keySelector");
            return keySelector;
        }
    }

    /// <summary>
    /// A sorted view: enumerating buffers the source, computes every level's keys (primary first, each once per
    /// element, in source order, as .NET does) and merge-sorts an index map, ties broken by source position, so the
    /// sort is stable in both directions. Take of a few elements keeps only those (as .NET's partial sort does).
    /// </summary>
    internal abstract class OrderedEnumerable<TElement> : IOrderedEnumerable<TElement>
    {
        protected readonly IEnumerable<TElement> Source;

        protected OrderedEnumerable(IEnumerable<TElement> source) { Source = source; }

        internal abstract KeyLevel<TElement> CreateLevels(KeyLevel<TElement> next);

        public IOrderedEnumerable<TElement> CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending) =>
            ThenBy(keySelector, comparer, descending);

        internal IOrderedEnumerable<TElement> ThenBy<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending) =>
            new OrderedEnumerable<TElement, TKey>(Source, this, keySelector, comparer, descending);

        /// <summary>Above this many, Take of a sorted view sorts everything instead of keeping the smallest by insertion.</summary>
        private const int InsertionTakeLimit = 64;

        public IEnumerator<TElement> GetEnumerator() => Sorted(int.MaxValue).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Take(<paramref name="count"/>): the same first elements, but a few of many are found without sorting the rest.</summary>
        internal IEnumerable<TElement> TakeFirst(int count) => Sorted(count);

        private IEnumerable<TElement> Sorted(int count)
        {
            TElement[] buffer = Source.ToArray();
            if (buffer.Length == 0) yield break;
            KeyLevel<TElement> levels = CreateLevels(null);
            levels.ComputeKeys(buffer);
            int[] map;
            if (count < buffer.Length && count <= InsertionTakeLimit)
            {
                map = Smallest(levels, buffer.Length, count);
            }
            else
            {
                map = new int[buffer.Length];
                for (int i = 0; i < map.Length; i++) map[i] = i;
                MergeSort(map, new int[map.Length], 0, map.Length, levels);
            }
            int n = count < map.Length ? count : map.Length;
            for (int i = 0; i < n; i++) yield return buffer[map[i]];
        }

        /// <summary>The <paramref name="count"/> first of <paramref name="length"/> elements in order, kept sorted by
        /// insertion: the comparison breaks ties by position, so they are exactly the stable sort's first ones.</summary>
        private static int[] Smallest(KeyLevel<TElement> levels, int length, int count)
        {
            int[] best = new int[count];
            int size = 0;
            for (int i = 0; i < length; i++)
            {
                if (size == count && levels.Compare(i, best[size - 1]) >= 0) continue;
                int j = size < count ? size++ : size - 1;
                for (; j > 0 && levels.Compare(i, best[j - 1]) < 0; j--) best[j] = best[j - 1];
                best[j] = i;
            }
            return best;
        }

        private static void MergeSort(int[] map, int[] scratch, int start, int end, KeyLevel<TElement> levels)
        {
            if (end - start < 2) return;
            int middle = (int)((uint)(start + end) >> 1);
            MergeSort(map, scratch, start, middle, levels);
            MergeSort(map, scratch, middle, end, levels);
            if (levels.Compare(map[middle - 1], map[middle]) <= 0) return;
            int left = start, right = middle, k = start;
            while (left < middle && right < end) scratch[k++] = levels.Compare(map[left], map[right]) <= 0 ? map[left++] : map[right++];
            while (left < middle) scratch[k++] = map[left++];
            while (right < end) scratch[k++] = map[right++];
            for (int i = start; i < end; i++) map[i] = scratch[i];
        }
    }

    internal sealed class OrderedEnumerable<TElement, TKey> : OrderedEnumerable<TElement>
    {
        private readonly OrderedEnumerable<TElement> _parent;
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;

        internal OrderedEnumerable(IEnumerable<TElement> source, OrderedEnumerable<TElement> parent, Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending)
            : base(source)
        {
            _parent = parent;
            _keySelector = keySelector;
            _comparer = comparer ?? Comparer<TKey>.Default;
            _descending = descending;
        }

        internal override KeyLevel<TElement> CreateLevels(KeyLevel<TElement> next)
        {
            var level = new KeyLevel<TElement, TKey>(_keySelector, _comparer, _descending, next);
            return _parent == null ? level : _parent.CreateLevels(level);
        }
    }

    /// <summary>One sort key's values for the buffered elements, chained to the next (ThenBy) key.</summary>
    internal abstract class KeyLevel<TElement>
    {
        public abstract void ComputeKeys(TElement[] elements);

        /// <summary>Order of elements i and j: this key, then the next, then position.</summary>
        public abstract int Compare(int i, int j);
    }

    internal sealed class KeyLevel<TElement, TKey> : KeyLevel<TElement>
    {
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;
        private readonly KeyLevel<TElement> _next;
        private TKey[] _keys;

        public KeyLevel(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, KeyLevel<TElement> next)
        {
            _keySelector = keySelector;
            _comparer = comparer;
            _descending = descending;
            _next = next;
        }

        public override void ComputeKeys(TElement[] elements)
        {
            var keys = new TKey[elements.Length];
            for (int i = 0; i < keys.Length; i++) keys[i] = _keySelector(elements[i]);
            _keys = keys;
            _next?.ComputeKeys(elements);
        }

        public override int Compare(int i, int j)
        {
            int c = _comparer.Compare(_keys[i], _keys[j]);
            if (c == 0) return _next == null ? i - j : _next.Compare(i, j);
            return _descending == (c > 0) ? -1 : 1;
        }
    }
}
