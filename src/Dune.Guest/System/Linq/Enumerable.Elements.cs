using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static TSource First<TSource>(this IEnumerable<TSource> source)
        {
            TSource first = TryGetFirst(source, out bool found);
            if (!found) throw Errors.NoElements();
            return first;
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource first = TryGetFirst(source, predicate, out bool found);
            if (!found) throw Errors.NoMatch();
            return first;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetFirst(source, out _);
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource first = TryGetFirst(source, out bool found);
            return found ? first : defaultValue;
        }
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetFirst(source, predicate, out _);
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource first = TryGetFirst(source, predicate, out bool found);
            return found ? first : defaultValue;
        }

        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is IList<TSource> list)
            {
                found = list.Count > 0;
                return found ? list[0] : default;
            }
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                if (e.MoveNext())
                {
                    found = true;
                    return e.Current;
                }
            }
            found = false;
            return default;
        }

        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            foreach (TSource item in source)
            {
                if (predicate(item))
                {
                    found = true;
                    return item;
                }
            }
            found = false;
            return default;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source)
        {
            TSource last = TryGetLast(source, out bool found);
            if (!found) throw Errors.NoElements();
            return last;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource last = TryGetLast(source, predicate, out bool found);
            if (!found) throw Errors.NoMatch();
            return last;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetLast(source, out _);
        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource last = TryGetLast(source, out bool found);
            return found ? last : defaultValue;
        }
        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetLast(source, predicate, out _);
        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource last = TryGetLast(source, predicate, out bool found);
            return found ? last : defaultValue;
        }

        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            if (source is IList<TSource> list)
            {
                int count = list.Count;
                found = count > 0;
                return found ? list[count - 1] : default;
            }
            found = false;
            TSource last = default;
            foreach (TSource item in source)
            {
                found = true;
                last = item;
            }
            return last;
        }

        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            found = false;
            TSource last = default;
            if (source is IList<TSource> list)
            {
                // From the end, as .NET does for lists: the predicate sees the last elements first.
                for (int i = list.Count - 1; i >= 0; i--)
                {
                    TSource item = list[i];
                    if (predicate(item))
                    {
                        found = true;
                        return item;
                    }
                }
                return default;
            }
            foreach (TSource item in source)
            {
                if (predicate(item))
                {
                    found = true;
                    last = item;
                }
            }
            return last;
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source)
        {
            TSource single = TryGetSingle(source, out bool found);
            if (!found) throw Errors.NoElements();
            return single;
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource single = TryGetSingle(source, predicate, out bool found);
            if (!found) throw Errors.NoMatch();
            return single;
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetSingle(source, out _);
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource single = TryGetSingle(source, out bool found);
            return found ? single : defaultValue;
        }
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetSingle(source, predicate, out _);
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource single = TryGetSingle(source, predicate, out bool found);
            return found ? single : defaultValue;
        }

        private static TSource TryGetSingle<TSource>(IEnumerable<TSource> source, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext())
            {
                found = false;
                return default;
            }
            TSource result = e.Current;
            if (e.MoveNext()) throw Errors.MoreThanOneElement();
            found = true;
            return result;
        }

        private static TSource TryGetSingle<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext())
            {
                TSource result = e.Current;
                if (!predicate(result)) continue;
                while (e.MoveNext())
                    if (predicate(e.Current)) throw Errors.MoreThanOneMatch();
                found = true;
                return result;
            }
            found = false;
            return default;
        }

        public static TSource ElementAt<TSource>(this IEnumerable<TSource> source, int index)
        {
            // A list's own indexer reports a bad index, with the collection's message.
            if (source is IList<TSource> list && (uint)index >= (uint)list.Count)
                throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            TSource element = TryGetElementAt(source, index, out bool found);
            if (!found) throw Errors.ArgumentOutOfRange(nameof(index));
            return element;
        }

        public static TSource ElementAtOrDefault<TSource>(this IEnumerable<TSource> source, int index) => TryGetElementAt(source, index, out _);

        private static TSource TryGetElementAt<TSource>(IEnumerable<TSource> source, int index, out bool found)
        {
            Errors.ThrowIfNull(source, nameof(source));
            found = false;
            if (index < 0) return default;
            if (source is IList<TSource> list)
            {
                if (index >= list.Count) return default;
                found = true;
                return list[index];
            }
            foreach (TSource item in source)
            {
                if (index-- == 0)
                {
                    found = true;
                    return item;
                }
            }
            return default;
        }
    }
}
