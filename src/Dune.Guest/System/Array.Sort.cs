using System.Collections.Generic;

namespace System
{
    /// <summary>Sorting (.NET's introsort, see ArraySortHelper) and reversing arrays.</summary>
    public abstract partial class Array
    {
        public static void Sort<T>(T[] array) => Sort(array, (IComparer<T>)null);

        /// <summary>A read-only view of <paramref name="array"/>.</summary>
        public static System.Collections.ObjectModel.ReadOnlyCollection<T> AsReadOnly<T>(T[] array) =>
            new System.Collections.ObjectModel.ReadOnlyCollection<T>(array ?? throw new ArgumentNullException(nameof(array)));

        public static void Sort<T>(T[] array, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            ArraySortHelper.Sort(new Span<T>(array), comparer);
        }

        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, null);

        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            CheckRange(array, index, length);
            ArraySortHelper.Sort(new Span<T>(array).Slice(index, length), comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (comparison == null) throw new ArgumentNullException("comparison");
            ArraySortHelper.Sort(new Span<T>(array), comparison);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items) => Sort(keys, items, null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            Sort(keys, items, 0, keys.Length, comparer);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length) => Sort(keys, items, index, length, null);

        /// <summary>Sorts the keys and moves each item with its key.</summary>
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException("keys");
            CheckRange(keys, index, length);
            if (items != null && index > items.Length - length) throw CollectionErrors.InvalidOffsetLength();
            if (length < 2) return;
            if (items == null)
                ArraySortHelper.Sort(new Span<TKey>(keys).Slice(index, length), comparer);
            else
                ArraySortHelper.Sort(new Span<TKey>(keys).Slice(index, length), new Span<TValue>(items).Slice(index, length), comparer);
        }

        public static void Reverse<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException("array");
            ReverseCore(array, 0, array.Length);
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            CheckRange(array, index, length);
            ReverseCore(array, index, length);
        }

        private static void ReverseCore<T>(T[] array, int index, int length)
        {
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                T t = array[i];
                array[i] = array[j];
                array[j] = t;
            }
        }
    }
}
