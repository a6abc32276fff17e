using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source) => Distinct(source, null);

        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            return DistinctIterator(source, comparer);
        }

        private static IEnumerable<TSource> DistinctIterator<TSource>(IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            var seen = new HashingSet<TSource>(comparer);
            foreach (TSource item in source)
                if (seen.Add(item)) yield return item;
        }

        public static IEnumerable<TSource> DistinctBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => DistinctBy(source, keySelector, null);

        public static IEnumerable<TSource> DistinctBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            return DistinctByIterator(source, keySelector, comparer);
        }

        private static IEnumerable<TSource> DistinctByIterator<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            var seen = new HashingSet<TKey>(comparer);
            foreach (TSource item in source)
                if (seen.Add(keySelector(item))) yield return item;
        }

        public static IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => Union(first, second, null);

        public static IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            return UnionIterator(first, second, comparer);
        }

        private static IEnumerable<TSource> UnionIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            var seen = new HashingSet<TSource>(comparer);
            foreach (TSource item in first)
                if (seen.Add(item)) yield return item;
            foreach (TSource item in second)
                if (seen.Add(item)) yield return item;
        }

        public static IEnumerable<TSource> UnionBy<TSource, TKey>(this IEnumerable<TSource> first, IEnumerable<TSource> second, Func<TSource, TKey> keySelector)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            return DistinctByIterator(ConcatIterator(first, second), keySelector, null);
        }

        public static IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => Intersect(first, second, null);

        public static IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            return IntersectIterator(first, second, comparer);
        }

        /// <summary>Each element of first that is in second, once: the set of second is built at the first MoveNext.</summary>
        private static IEnumerable<TSource> IntersectIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            var set = new HashingSet<TSource>(comparer);
            foreach (TSource item in second) set.Add(item);
            foreach (TSource item in first)
                if (set.Remove(item)) yield return item;
        }

        public static IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => Except(first, second, null);

        public static IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            return ExceptIterator(first, second, comparer);
        }

        private static IEnumerable<TSource> ExceptIterator<TSource>(IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            var set = new HashingSet<TSource>(comparer);
            foreach (TSource item in second) set.Add(item);
            foreach (TSource item in first)
                if (set.Add(item)) yield return item;
        }
    }
}
