using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static TSource[] ToArray<TSource>(this IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is ICollection<TSource> collection)
            {
                TSource[] copy = new TSource[collection.Count];
                collection.CopyTo(copy, 0);
                return copy;
            }
            TSource[] buffer = new TSource[4];
            int count = 0;
            foreach (TSource item in source)
            {
                if (count == buffer.Length)
                {
                    TSource[] grown = new TSource[count * 2];
                    new ReadOnlySpan<TSource>(buffer).CopyTo(grown);
                    buffer = grown;
                }
                buffer[count++] = item;
            }
            if (count == buffer.Length) return buffer;
            TSource[] result = new TSource[count];
            new ReadOnlySpan<TSource>(buffer, 0, count).CopyTo(result);
            return result;
        }

        public static List<TSource> ToList<TSource>(this IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            var list = source is ICollection<TSource> collection ? new List<TSource>(collection.Count) : new List<TSource>();
            foreach (TSource item in source) list.Add(item);
            return list;
        }

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ToDictionary(source, keySelector, (IEqualityComparer<TKey>)null);

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            var dictionary = new Dictionary<TKey, TSource>(comparer);
            foreach (TSource item in source) dictionary.Add(keySelector(item), item);
            return dictionary;
        }

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector) =>
            ToDictionary(source, keySelector, elementSelector, null);

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            Errors.ThrowIfNull(elementSelector, nameof(elementSelector));
            var dictionary = new Dictionary<TKey, TElement>(comparer);
            foreach (TSource item in source) dictionary.Add(keySelector(item), elementSelector(item));
            return dictionary;
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source) => ToHashSet(source, null);

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            var set = new HashSet<TSource>(comparer);
            foreach (TSource item in source) set.Add(item);
            return set;
        }
    }
}
