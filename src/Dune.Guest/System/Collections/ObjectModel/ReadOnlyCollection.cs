using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    /// <summary>A read-only view of a list (List.AsReadOnly, Array.AsReadOnly): it shows the list's later changes; changing it through IList throws.</summary>
    public class ReadOnlyCollection<T> : IList<T>, IReadOnlyList<T>
    {
        private const string ReadOnly = "Collection is read-only.";
        private readonly IList<T> _list;

        public ReadOnlyCollection(IList<T> list) => _list = list ?? throw new ArgumentNullException(nameof(list));

        /// <summary>An empty collection, the same instance each time.</summary>
        public static ReadOnlyCollection<T> Empty { get; } = new ReadOnlyCollection<T>(Array.Empty<T>());

        public int Count => _list.Count;

        public T this[int index] => _list[index];

        T IList<T>.this[int index]
        {
            get => _list[index];
            set => throw new NotSupportedException(ReadOnly);
        }

        protected IList<T> Items => _list;

        bool ICollection<T>.IsReadOnly => true;

        public bool Contains(T value) => _list.Contains(value);

        public void CopyTo(T[] array, int index) => _list.CopyTo(array, index);

        public int IndexOf(T value) => _list.IndexOf(value);

        public IEnumerator<T> GetEnumerator() => _list.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _list.GetEnumerator();

        void ICollection<T>.Add(T value) => throw new NotSupportedException(ReadOnly);
        void ICollection<T>.Clear() => throw new NotSupportedException(ReadOnly);
        bool ICollection<T>.Remove(T value) => throw new NotSupportedException(ReadOnly);
        void IList<T>.Insert(int index, T value) => throw new NotSupportedException(ReadOnly);
        void IList<T>.RemoveAt(int index) => throw new NotSupportedException(ReadOnly);
    }
}
