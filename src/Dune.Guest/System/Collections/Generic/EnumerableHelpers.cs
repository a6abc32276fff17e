namespace System.Collections.Generic
{
    internal static class EnumerableHelpers
    {
        /// <summary>
        /// The elements in an array that may be longer than <paramref name="length"/> (a collection's exact count,
        /// else 4 doubling as it fills): the capacity Queue and Stack start with when built from a sequence.
        /// </summary>
        public static T[] ToArray<T>(IEnumerable<T> source, out int length)
        {
            if (source is ICollection<T> collection)
            {
                int count = collection.Count;
                length = count;
                if (count == 0) return Array.Empty<T>();
                var result = new T[count];
                collection.CopyTo(result, 0);
                return result;
            }
            T[] array = Array.Empty<T>();
            int n = 0;
            foreach (T item in source)
            {
                if (n == array.Length) Array.Resize(ref array, n == 0 ? 4 : n * 2);
                array[n++] = item;
            }
            length = n;
            return array;
        }
    }
}
