using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) =>
            GroupBy(source, keySelector, (IEqualityComparer<TKey>)null);

        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            return GroupByIterator(source, keySelector, comparer);
        }

        private static IEnumerable<IGrouping<TKey, TSource>> GroupByIterator<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TSource> lookup = Lookup<TKey, TSource>.Create(source, keySelector, comparer);
            for (Grouping<TKey, TSource> g = lookup.First; g != null; g = g.NextInOrder) yield return g;
        }

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector) =>
            GroupBy(source, keySelector, elementSelector, (IEqualityComparer<TKey>)null);

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            Errors.ThrowIfNull(elementSelector, nameof(elementSelector));
            return GroupByElementIterator(source, keySelector, elementSelector, comparer);
        }

        private static IEnumerable<IGrouping<TKey, TElement>> GroupByElementIterator<TSource, TKey, TElement>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TElement> lookup = Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer);
            for (Grouping<TKey, TElement> g = lookup.First; g != null; g = g.NextInOrder) yield return g;
        }

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector) =>
            GroupBy(source, keySelector, resultSelector, null);

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return GroupByResultIterator(source, keySelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> GroupByResultIterator<TSource, TKey, TResult>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TSource> lookup = Lookup<TKey, TSource>.Create(source, keySelector, comparer);
            for (Grouping<TKey, TSource> g = lookup.First; g != null; g = g.NextInOrder) yield return resultSelector(g.Key, g);
        }

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector) =>
            GroupBy(source, keySelector, elementSelector, resultSelector, null);

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            Errors.ThrowIfNull(elementSelector, nameof(elementSelector));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return GroupByElementResultIterator(source, keySelector, elementSelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> GroupByElementResultIterator<TSource, TKey, TElement, TResult>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TElement> lookup = Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer);
            for (Grouping<TKey, TElement> g = lookup.First; g != null; g = g.NextInOrder) yield return resultSelector(g.Key, g);
        }

        public static ILookup<TKey, TSource> ToLookup<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ToLookup(source, keySelector, (IEqualityComparer<TKey>)null);

        public static ILookup<TKey, TSource> ToLookup<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            return Lookup<TKey, TSource>.Create(source, keySelector, comparer);
        }

        public static ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector) =>
            ToLookup(source, keySelector, elementSelector, null);

        public static ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(source, nameof(source));
            Errors.ThrowIfNull(keySelector, nameof(keySelector));
            Errors.ThrowIfNull(elementSelector, nameof(elementSelector));
            return Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer);
        }

        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector) =>
            Join(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);

        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(outer, nameof(outer));
            Errors.ThrowIfNull(inner, nameof(inner));
            Errors.ThrowIfNull(outerKeySelector, nameof(outerKeySelector));
            Errors.ThrowIfNull(innerKeySelector, nameof(innerKeySelector));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return JoinIterator(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }

        /// <summary>The inner lookup is built after the first outer element is read, and only if there is one.</summary>
        private static IEnumerable<TResult> JoinIterator<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            using IEnumerator<TOuter> e = outer.GetEnumerator();
            if (!e.MoveNext()) yield break;
            Lookup<TKey, TInner> lookup = Lookup<TKey, TInner>.CreateForJoin(inner, innerKeySelector, comparer);
            if (lookup.Count == 0) yield break;
            do
            {
                TOuter item = e.Current;
                TKey key = outerKeySelector(item);
                Grouping<TKey, TInner> g = key == null ? null : lookup.GetGrouping(key, create: false);
                if (g == null) continue;
                for (int i = 0; i < g.Size; i++) yield return resultSelector(item, g.Elements[i]);
            } while (e.MoveNext());
        }

        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector) =>
            GroupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);

        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            Errors.ThrowIfNull(outer, nameof(outer));
            Errors.ThrowIfNull(inner, nameof(inner));
            Errors.ThrowIfNull(outerKeySelector, nameof(outerKeySelector));
            Errors.ThrowIfNull(innerKeySelector, nameof(innerKeySelector));
            Errors.ThrowIfNull(resultSelector, nameof(resultSelector));
            return GroupJoinIterator(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> GroupJoinIterator<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            using IEnumerator<TOuter> e = outer.GetEnumerator();
            if (!e.MoveNext()) yield break;
            Lookup<TKey, TInner> lookup = Lookup<TKey, TInner>.CreateForJoin(inner, innerKeySelector, comparer);
            do
            {
                TOuter item = e.Current;
                TKey key = outerKeySelector(item);
                Grouping<TKey, TInner> g = key == null ? null : lookup.GetGrouping(key, create: false);
                yield return resultSelector(item, g == null ? Array.Empty<TInner>() : g);
            } while (e.MoveNext());
        }
    }
}
