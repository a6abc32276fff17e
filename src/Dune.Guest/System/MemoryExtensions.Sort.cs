using System.Collections.Generic;

namespace System
{
    /// <summary>Sorting spans in place with Array.Sort's algorithm (ArraySortHelper), so equal keys end where .NET puts them.</summary>
    public static partial class MemoryExtensions
    {
        public static void Sort<T>(this Span<T> span) => ArraySortHelper.Sort(span, (IComparer<T>)null);

        public static void Sort<T, TComparer>(this Span<T> span, TComparer comparer) where TComparer : IComparer<T> =>
            ArraySortHelper.Sort(span, (IComparer<T>)comparer);

        public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            ArraySortHelper.Sort(span, comparison);
        }

        public static void Sort<TKey, TValue>(this Span<TKey> keys, Span<TValue> items)
        {
            if (keys.Length != items.Length) throw new ArgumentException("Length of items must be same as length of keys.");
            ArraySortHelper.Sort(keys, items, null);
        }
    }
}
