using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// LINQ to Objects. Operators check their arguments when called and run when enumerated (deferred), in the
    /// same order of calls into selectors and sources as .NET, so side effects in lambdas show up identically.
    /// </summary>
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            // Arrays and lists are read directly, not through IEnumerator<T>'s two interface calls per element.
            if (source is TSource[] array) return WhereArrayIterator(array, predicate);
            if (source is List<TSource> list) return WhereListIterator(list, predicate);
            return WhereIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (TSource item in source)
                if (predicate(item)) yield return item;
        }

        private static IEnumerable<TSource> WhereArrayIterator<TSource>(TSource[] source, Func<TSource, bool> predicate)
        {
            for (int i = 0; i < source.Length; i++)
            {
                TSource item = source[i];
                if (predicate(item)) yield return item;
            }
        }

        /// <summary>By index with List's version check: List.Enumerator would store each element in its own field of
        /// this iterator (a write barrier per element) before the iterator stores it again.</summary>
        private static IEnumerable<TSource> WhereListIterator<TSource>(List<TSource> source, Func<TSource, bool> predicate)
        {
            int version = source._version;
            for (int i = 0; ; i++)
            {
                if (version != source._version) throw CollectionErrors.VersionChanged();
                if (i >= source._size) yield break;
                TSource item = source._items[i];
                if (predicate(item)) yield return item;
            }
        }

        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(predicate, nameof(predicate));
            return WhereIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                if (predicate(item, index)) yield return item;
            }
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(selector, nameof(selector));
            if (source is TSource[] array) return SelectArrayIterator(array, selector);
            if (source is List<TSource> list) return SelectListIterator(list, selector);
            return SelectIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            foreach (TSource item in source) yield return selector(item);
        }

        private static IEnumerable<TResult> SelectArrayIterator<TSource, TResult>(TSource[] source, Func<TSource, TResult> selector)
        {
            for (int i = 0; i < source.Length; i++) yield return selector(source[i]);
        }

        /// <summary>By index, as <see cref="WhereListIterator"/>.</summary>
        private static IEnumerable<TResult> SelectListIterator<TSource, TResult>(List<TSource> source, Func<TSource, TResult> selector)
        {
            int version = source._version;
            for (int i = 0; ; i++)
            {
                if (version != source._version) throw CollectionErrors.VersionChanged();
                if (i >= source._size) yield break;
                yield return selector(source._items[i]);
            }
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(selector, nameof(selector));
            return SelectIndexedIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIndexedIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                yield return selector(item, index);
            }
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(selector, nameof(selector));
            return SelectManyIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            foreach (TSource item in source)
                foreach (TResult inner in selector(item)) yield return inner;
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TResult>> selector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(selector, nameof(selector));
            return SelectManyIndexedIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIndexedIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TResult>> selector)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                foreach (TResult inner in selector(item, index)) yield return inner;
            }
        }

        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(collectionSelector, nameof(collectionSelector));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return SelectManyResultIterator(source, collectionSelector, resultSelector);
        }

        private static IEnumerable<TResult> SelectManyResultIterator<TSource, TCollection, TResult>(IEnumerable<TSource> source, Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            foreach (TSource item in source)
                foreach (TCollection inner in collectionSelector(item)) yield return resultSelector(item, inner);
        }

        public static IEnumerable<TResult> Cast<TResult>(this IEnumerable source)
        {
            if (source is IEnumerable<TResult> typed) return typed;
            Errors.ThrowIfNull(source, nameof(source));
            return CastIterator<TResult>(source);
        }

        private static IEnumerable<TResult> CastIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source) yield return (TResult)item;
        }

        public static IEnumerable<TResult> OfType<TResult>(this IEnumerable source)
        {
            Errors.ThrowIfNull(source, nameof(source));
            return OfTypeIterator<TResult>(source);
        }

        private static IEnumerable<TResult> OfTypeIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source)
                if (item is TResult typed) yield return typed;
        }

        public static IEnumerable<(TFirst First, TSecond Second)> Zip<TFirst, TSecond>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            return ZipIterator(first, second, (a, b) => (a, b));
        }

        public static IEnumerable<TResult> Zip<TFirst, TSecond, TResult>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            Errors.ThrowIfNull(first, nameof(first));
            Errors.ThrowIfNull(second, nameof(second));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return ZipIterator(first, second, resultSelector);
        }

        private static IEnumerable<TResult> ZipIterator<TFirst, TSecond, TResult>(IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            using IEnumerator<TFirst> e1 = first.GetEnumerator();
            using IEnumerator<TSecond> e2 = second.GetEnumerator();
            while (e1.MoveNext() && e2.MoveNext()) yield return resultSelector(e1.Current, e2.Current);
        }
    }
}
