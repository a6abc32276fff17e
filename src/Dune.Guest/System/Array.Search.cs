using System.Collections.Generic;

namespace System
{
    /// <summary>Searching arrays: by equality (the default comparer), by order (binary search) and by predicate.</summary>
    public abstract partial class Array
    {
        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            return IndexOfCore(array, value, 0, array.Length);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            return IndexOf(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw CollectionErrors.IndexAtMostCount("startIndex");
            if ((uint)count > (uint)(array.Length - startIndex)) throw CollectionErrors.CountOutOfRange();
            return IndexOfCore(array, value, startIndex, count);
        }

        private static int IndexOfCore<T>(T[] array, T value, int startIndex, int count)
        {
            for (int i = startIndex; i < startIndex + count; i++)
                if (EqualityComparer<T>.Default.Equals(array[i], value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException("array");
            return LastIndexOf(array, value, array.Length - 1, array.Length);
        }

        public static int LastIndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            return LastIndexOf(array, value, startIndex, array.Length == 0 ? 0 : startIndex + 1);
        }

        /// <summary>Searches backwards from startIndex over count elements.</summary>
        public static int LastIndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (array.Length == 0)
            {
                if (startIndex != -1 && startIndex != 0) throw CollectionErrors.IndexAtMostCount("startIndex");
                if (count != 0) throw CollectionErrors.CountOutOfRange();
                return -1;
            }
            if ((uint)startIndex >= (uint)array.Length) throw CollectionErrors.IndexAtMostCount("startIndex");
            if (count < 0 || startIndex - count + 1 < 0) throw CollectionErrors.CountOutOfRange();
            for (int i = startIndex; i > startIndex - count; i--)
                if (EqualityComparer<T>.Default.Equals(array[i], value)) return i;
            return -1;
        }

        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, value, null);

        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            return ArraySortHelper.BinarySearch(new ReadOnlySpan<T>(array), value, comparer);
        }

        public static int BinarySearch<T>(T[] array, int index, int length, T value) => BinarySearch(array, index, length, value, null);

        /// <summary>Index of the value, or the bitwise complement of where it would be inserted.</summary>
        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            CheckRange(array, index, length);
            int found = ArraySortHelper.BinarySearch(new ReadOnlySpan<T>(array).Slice(index, length), value, comparer);
            return found >= 0 ? index + found : ~(index + ~found);
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) != -1;

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int i = FindIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static T FindLast<T>(T[] array, Predicate<T> match)
        {
            int i = FindLastIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static T[] FindAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            var found = new List<T>();
            for (int i = 0; i < array.Length; i++)
                if (match(array[i])) found.Add(array[i]);
            return found.ToArray();
        }

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            return FindIndex(array, 0, array.Length, match);
        }

        public static int FindIndex<T>(T[] array, int startIndex, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            return FindIndex(array, startIndex, array.Length - startIndex, match);
        }

        public static int FindIndex<T>(T[] array, int startIndex, int count, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)startIndex > (uint)array.Length) throw CollectionErrors.IndexAtMostCount("startIndex");
            if ((uint)count > (uint)(array.Length - startIndex)) throw CollectionErrors.CountOutOfRange();
            if (match == null) throw new ArgumentNullException("match");
            for (int i = startIndex; i < startIndex + count; i++)
                if (match(array[i])) return i;
            return -1;
        }

        public static int FindLastIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = array.Length - 1; i >= 0; i--)
                if (match(array[i])) return i;
            return -1;
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = 0; i < array.Length; i++)
                if (!match(array[i])) return false;
            return true;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (action == null) throw new ArgumentNullException("action");
            for (int i = 0; i < array.Length; i++) action(array[i]);
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (converter == null) throw new ArgumentNullException("converter");
            var result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++) result[i] = converter(array[i]);
            return result;
        }

        private static void CheckRange(Array array, int index, int length)
        {
            if (index < 0) throw CollectionErrors.NeedNonNegative("index");
            if (length < 0) throw CollectionErrors.NeedNonNegative("length");
            if (array.Length - index < length) throw CollectionErrors.InvalidOffsetLength();
        }
    }
}
