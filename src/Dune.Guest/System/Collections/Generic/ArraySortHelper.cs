using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>An ordering the sort is specialized for (a struct, so each ordering gets its own inlined code).</summary>
    internal interface IOrder<T> { int Compare(T x, T y); }

    internal struct DefaultOrder<T> : IOrder<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Compare(T x, T y) => Comparer<T>.Default.Compare(x, y);
    }

    internal struct ComparisonOrder<T> : IOrder<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonOrder(Comparison<T> comparison) { _comparison = comparison; }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Compare(T x, T y) => _comparison(x, y);
    }

    /// <summary>
    /// .NET's introsort, step for step, because it is unstable: elements that compare equal end up in an order
    /// that only the same algorithm reproduces. Median-of-three quicksort partitions, insertion sort below 16
    /// elements, heapsort past a depth of 2*(log2 n + 1). Items (if any) move with their keys.
    /// </summary>
    internal static class ArraySortHelper
    {
        private const int InsertionSortThreshold = 16;

        public static void Sort<T>(Span<T> keys, IComparer<T> comparer) => Sort(keys, default(Span<byte>), comparer);

        /// <summary>The default order gets a sort of its own, with the comparison inlined for value types. Any
        /// other comparer is called through a delegate, so that IComparer and Comparison sorts share one compiled
        /// introsort (each ordering struct is a copy of about 4 KB): an IComparer call was a virtual call anyway.</summary>
        public static void Sort<T, TItem>(Span<T> keys, Span<TItem> items, IComparer<T> comparer)
        {
            if (comparer == null || comparer == Comparer<T>.Default)
            {
                int nans = MoveNaNsToFront(keys, items);
                Sort(keys.Slice(nans), items.Length == 0 ? items : items.Slice(nans), new DefaultOrder<T>(), null);
            }
            else
            {
                Sort(keys, items, new ComparisonOrder<T>(comparer.Compare), comparer);
            }
        }

        public static void Sort<T>(Span<T> keys, Comparison<T> comparison) =>
            Sort(keys, default(Span<byte>), new ComparisonOrder<T>(comparison), comparison);

        /// <summary>Errors from the comparer surface as .NET reports them (naming the comparer or comparison).</summary>
        private static void Sort<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, TOrder order, object comparer) where TOrder : struct, IOrder<T>
        {
            if (keys.Length < 2) return;
            try
            {
                IntroSort(keys, items, 2 * (Log2((uint)keys.Length) + 1), order);
            }
            catch (IndexOutOfRangeException)
            {
                throw new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. " +
                    "Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '" +
                    comparer?.ToString() + "'.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        /// <summary>With the default order .NET first gathers the NaNs of float and double keys at the front.</summary>
        private static unsafe int MoveNaNsToFront<T, TItem>(Span<T> keys, Span<TItem> items)
        {
            bool isDouble = Internal.Runtime.MethodTable.Of<T>() == Internal.Runtime.MethodTable.Of<double>();
            if (!isDouble && Internal.Runtime.MethodTable.Of<T>() != Internal.Runtime.MethodTable.Of<float>()) return 0;
            int left = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                T key = keys[i];
                bool nan = isDouble ? IsNaN(Unsafe.As<T, double>(ref key)) : IsNaN(Unsafe.As<T, float>(ref key));
                if (!nan) continue;
                keys[i] = keys[left];
                keys[left] = key;
                if (items.Length != 0)
                {
                    TItem item = items[i];
                    items[i] = items[left];
                    items[left] = item;
                }
                left++;
            }
            return left;
        }

        private static bool IsNaN(double d) => double.IsNaN(d);

        private static int Log2(uint value)
        {
            int log = 0;
            while ((value >>= 1) != 0) log++;
            return log;
        }

        private static void IntroSort<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, int depthLimit, TOrder order) where TOrder : struct, IOrder<T>
        {
            int size = keys.Length;
            while (size > 1)
            {
                if (size <= InsertionSortThreshold)
                {
                    if (size == 2)
                    {
                        SwapIfGreater(keys, items, order, 0, 1);
                        return;
                    }
                    if (size == 3)
                    {
                        SwapIfGreater(keys, items, order, 0, 1);
                        SwapIfGreater(keys, items, order, 0, 2);
                        SwapIfGreater(keys, items, order, 1, 2);
                        return;
                    }
                    InsertionSort(keys.Slice(0, size), items, order);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys.Slice(0, size), items, order);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys.Slice(0, size), items, order);
                IntroSort(keys.Slice(p + 1, size - (p + 1)), items.Length == 0 ? items : items.Slice(p + 1, size - (p + 1)), depthLimit, order);
                size = p;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void SwapIfGreater<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, TOrder order, int i, int j) where TOrder : struct, IOrder<T>
        {
            if (order.Compare(keys[i], keys[j]) > 0) Swap(keys, items, i, j);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Swap<T, TItem>(Span<T> keys, Span<TItem> items, int i, int j)
        {
            T key = keys[i];
            keys[i] = keys[j];
            keys[j] = key;
            if (items.Length == 0) return;
            TItem item = items[i];
            items[i] = items[j];
            items[j] = item;
        }

        private static int PickPivotAndPartition<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, TOrder order) where TOrder : struct, IOrder<T>
        {
            int hi = keys.Length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, items, order, 0, middle);
            SwapIfGreater(keys, items, order, 0, hi);
            SwapIfGreater(keys, items, order, middle, hi);
            T pivot = keys[middle];
            Swap(keys, items, middle, hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (order.Compare(keys[++left], pivot) < 0) { }
                while (order.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, items, left, right);
            }
            if (left != hi - 1) Swap(keys, items, left, hi - 1);
            return left;
        }

        private static void HeapSort<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, TOrder order) where TOrder : struct, IOrder<T>
        {
            int n = keys.Length;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, items, i, n, order);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, items, 0, i - 1);
                DownHeap(keys, items, 1, i - 1, order);
            }
        }

        private static void DownHeap<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, int i, int n, TOrder order) where TOrder : struct, IOrder<T>
        {
            T key = keys[i - 1];
            TItem item = items.Length == 0 ? default : items[i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && order.Compare(keys[child - 1], keys[child]) < 0) child++;
                if (!(order.Compare(key, keys[child - 1]) < 0)) break;
                keys[i - 1] = keys[child - 1];
                if (items.Length != 0) items[i - 1] = items[child - 1];
                i = child;
            }
            keys[i - 1] = key;
            if (items.Length != 0) items[i - 1] = item;
        }

        private static void InsertionSort<T, TItem, TOrder>(Span<T> keys, Span<TItem> items, TOrder order) where TOrder : struct, IOrder<T>
        {
            for (int i = 0; i < keys.Length - 1; i++)
            {
                T key = keys[i + 1];
                TItem item = items.Length == 0 ? default : items[i + 1];
                int j = i;
                while (j >= 0 && order.Compare(key, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    if (items.Length != 0) items[j + 1] = items[j];
                    j--;
                }
                keys[j + 1] = key;
                if (items.Length != 0) items[j + 1] = item;
            }
        }

        public static int BinarySearch<T>(ReadOnlySpan<T> span, T value, IComparer<T> comparer)
        {
            comparer ??= Comparer<T>.Default;
            int lo = 0, hi = span.Length - 1;
            try
            {
                while (lo <= hi)
                {
                    int i = lo + ((hi - lo) >> 1);
                    int c = comparer.Compare(span[i], value);
                    if (c == 0) return i;
                    if (c < 0) lo = i + 1;
                    else hi = i - 1;
                }
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
            return ~lo;
        }
    }
}
