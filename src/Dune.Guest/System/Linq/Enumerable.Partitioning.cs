using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Take<TSource>(this IEnumerable<TSource> source, int count)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (count <= 0) return Array.Empty<TSource>();
            return source is OrderedEnumerable<TSource> ordered ? ordered.TakeFirst(count) : TakeIterator(source, count);
        }

        private static IEnumerable<TSource> TakeIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            foreach (TSource item in source)
            {
                yield return item;
                if (--count == 0) break;
            }
        }

        public static IEnumerable<TSource> Skip<TSource>(this IEnumerable<TSource> source, int count)
        {
            Errors.ThrowIfNull(source, nameof(source));
            return SkipIterator(source, count);
        }

        private static IEnumerable<TSource> SkipIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (count > 0 && e.MoveNext()) count--;
            if (count <= 0)
                while (e.MoveNext()) yield return e.Current;
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            return TakeWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> TakeWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (TSource item in source)
            {
                if (!predicate(item)) break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            return TakeWhileIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> TakeWhileIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                if (!predicate(item, index)) break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            return SkipWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> SkipWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext())
            {
                TSource item = e.Current;
                if (!predicate(item))
                {
                    yield return item;
                    while (e.MoveNext()) yield return e.Current;
                    yield break;
                }
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            return SkipWhileIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> SkipWhileIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            int index = -1;
            while (e.MoveNext())
            {
                checked { index++; }
                TSource item = e.Current;
                if (!predicate(item, index))
                {
                    yield return item;
                    while (e.MoveNext()) yield return e.Current;
                    yield break;
                }
            }
        }

        public static IEnumerable<TSource> TakeLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            Errors.ThrowIfNull(source, nameof(source));
            return count <= 0 ? Array.Empty<TSource>() : TakeLastIterator(source, count);
        }

        private static IEnumerable<TSource> TakeLastIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            var ring = new TSource[count];
            int seen = 0;
            foreach (TSource item in source) ring[seen++ % count] = item;
            int kept = seen < count ? seen : count;
            for (int i = seen - kept; i < seen; i++) yield return ring[i % count];
        }

        public static IEnumerable<TSource> SkipLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            Errors.ThrowIfNull(source, nameof(source));
            return count <= 0 ? SkipIterator(source, 0) : SkipLastIterator(source, count);
        }

        private static IEnumerable<TSource> SkipLastIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            var ring = new TSource[count];
            int seen = 0;
            foreach (TSource item in source)
            {
                int slot = seen % count;
                if (seen >= count) yield return ring[slot];
                ring[slot] = item;
                seen++;
            }
        }

        public static IEnumerable<TSource[]> Chunk<TSource>(this IEnumerable<TSource> source, int size)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (size < 1) throw Errors.ArgumentOutOfRange(nameof(size));
            return ChunkIterator(source, size);
        }

        private static IEnumerable<TSource[]> ChunkIterator<TSource>(IEnumerable<TSource> source, int size)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext())
            {
                var chunk = new List<TSource>();
                chunk.Add(e.Current);
                while (chunk.Count < size && e.MoveNext()) chunk.Add(e.Current);
                yield return chunk.ToArray();
            }
        }
    }
}
