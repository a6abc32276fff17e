using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static int Count<TSource>(this IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is ICollection<TSource> collection) return collection.Count;
            int count = 0;
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext()) checked { count++; }
            return count;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            int count = 0;
            foreach (TSource item in source)
                if (predicate(item)) checked { count++; }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            long count = 0;
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext()) count++;
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            long count = 0;
            foreach (TSource item in source)
                if (predicate(item)) count++;
            return count;
        }

        public static bool TryGetNonEnumeratedCount<TSource>(this IEnumerable<TSource> source, out int count)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is ICollection<TSource> collection)
            {
                count = collection.Count;
                return true;
            }
            count = 0;
            return false;
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is ICollection<TSource> collection) return collection.Count != 0;
            using IEnumerator<TSource> e = source.GetEnumerator();
            return e.MoveNext();
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            foreach (TSource item in source)
                if (predicate(item)) return true;
            return false;
        }

        public static bool All<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            foreach (TSource item in source)
                if (!predicate(item)) return false;
            return true;
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value)
        {
            if (source is ICollection<TSource> collection) return collection.Contains(value);
            return Contains(source, value, null);
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            comparer ??= EqualityComparer<TSource>.Default;
            foreach (TSource item in source)
                if (comparer.Equals(item, value)) return true;
            return false;
        }

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => SequenceEqual(first, second, null);

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            comparer ??= EqualityComparer<TSource>.Default;
            if (first is ICollection<TSource> c1 && second is ICollection<TSource> c2 && c1.Count != c2.Count) return false;
            using IEnumerator<TSource> e1 = first.GetEnumerator();
            using IEnumerator<TSource> e2 = second.GetEnumerator();
            while (e1.MoveNext())
                if (!e2.MoveNext() || !comparer.Equals(e1.Current, e2.Current)) return false;
            return !e2.MoveNext();
        }

        public static TSource Aggregate<TSource>(this IEnumerable<TSource> source, Func<TSource, TSource, TSource> func)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(func, nameof(func));
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext()) throw Errors.NoElements();
            TSource result = e.Current;
            while (e.MoveNext()) result = func(result, e.Current);
            return result;
        }

        public static TAccumulate Aggregate<TSource, TAccumulate>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(func, nameof(func));
            TAccumulate result = seed;
            foreach (TSource item in source) result = func(result, item);
            return result;
        }

        public static TResult Aggregate<TSource, TAccumulate, TResult>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TResult> resultSelector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(func, nameof(func));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            TAccumulate result = seed;
            foreach (TSource item in source) result = func(result, item);
            return resultSelector(result);
        }

        /// <summary>Generic Min: nulls are skipped and an empty sequence gives null when TSource can be null; otherwise empty throws.</summary>
        public static TSource Min<TSource>(this IEnumerable<TSource> source) => Extreme(source, null, -1);
        public static TSource Min<TSource>(this IEnumerable<TSource> source, IComparer<TSource> comparer) => Extreme(source, comparer, -1);
        public static TSource Max<TSource>(this IEnumerable<TSource> source) => Extreme(source, null, 1);
        public static TSource Max<TSource>(this IEnumerable<TSource> source, IComparer<TSource> comparer) => Extreme(source, comparer, 1);
        public static TResult Min<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => Extreme(Select(source, selector), null, -1);
        public static TResult Max<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => Extreme(Select(source, selector), null, 1);

        private static TSource Extreme<TSource>(IEnumerable<TSource> source, IComparer<TSource> comparer, int sign)
        {
            Errors.ThrowIfNull(source, nameof(source));
            comparer ??= Comparer<TSource>.Default;
            using IEnumerator<TSource> e = source.GetEnumerator();
            TSource result = default;
            if (result == null)
            {
                do
                {
                    if (!e.MoveNext()) return result;
                    result = e.Current;
                } while (result == null);
                while (e.MoveNext())
                {
                    TSource value = e.Current;
                    if (value != null && Beats(comparer.Compare(value, result), sign)) result = value;
                }
                return result;
            }
            if (!e.MoveNext()) throw Errors.NoElements();
            result = e.Current;
            while (e.MoveNext())
            {
                TSource value = e.Current;
                if (Beats(comparer.Compare(value, result), sign)) result = value;
            }
            return result;
        }

        private static bool Beats(int comparison, int sign) => sign < 0 ? comparison < 0 : comparison > 0;

        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ExtremeBy(source, keySelector, null, -1);
        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) => ExtremeBy(source, keySelector, comparer, -1);
        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ExtremeBy(source, keySelector, null, 1);
        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) => ExtremeBy(source, keySelector, comparer, 1);

        /// <summary>The first element with the smallest (largest) key; null keys lose to any other key.</summary>
        private static TSource ExtremeBy<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer, int sign)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            comparer ??= Comparer<TKey>.Default;
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext())
            {
                if (default(TSource) == null) return default;
                throw Errors.NoElements();
            }
            TSource result = e.Current;
            TKey resultKey = keySelector(result);
            while (e.MoveNext())
            {
                TSource value = e.Current;
                TKey key = keySelector(value);
                if (key == null) continue;
                if (resultKey == null || Beats(comparer.Compare(key, resultKey), sign))
                {
                    result = value;
                    resultKey = key;
                }
            }
            return result;
        }
    }
}
