using System.Collections;
using System.Collections.Generic;
using System.Runtime;
using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Base of all arrays. Layout fixed by ilc: MethodTable, length (padded to 8 bytes), [bounds of a multi-dimensional array,] elements.</summary>
    public abstract unsafe partial class Array
    {
        private int _numComponents;
#pragma warning disable CS0169 // padding so elements start 16 bytes into the object on x64
        private int _padding;
#pragma warning restore CS0169

        public int Length => _numComponents;

        /// <summary>First element: after the length, and for multi-dimensional arrays their bounds (BaseSize covers both).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal ref byte GetRawArrayData() =>
            ref Unsafe.AddByteOffset(ref Unsafe.As<int, byte>(ref _numComponents), (nint)MethodTable->BaseSize - 2 * sizeof(nint));
    }

    /// <summary>ilc binds the IList&lt;T&gt; family of T[] to this class's methods (`this` is really a T[]).</summary>
    public class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        private T[] Items => Unsafe.As<T[]>(this);

        public IEnumerator<T> GetEnumerator() => new ArrayEnumerator<T>(Items);
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public int Count => Length;
        public bool IsReadOnly => true;
        public T this[int index] { get => Items[index]; set => Items[index] = value; }

        public int IndexOf(T item) => IndexOf(Items, item);

        public bool Contains(T item) => IndexOf(item) >= 0;
        public void CopyTo(T[] array, int arrayIndex) => Copy(this, 0, array, arrayIndex, Length);

        public void Add(T item) => throw FixedSize();
        public void Clear() => throw FixedSize();
        public bool Remove(T item) => throw FixedSize();
        public void Insert(int index, T item) => throw FixedSize();
        public void RemoveAt(int index) => throw FixedSize();

        private static NotSupportedException FixedSize() => new NotSupportedException("Collection was of a fixed size.");
    }

    internal sealed class ArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] _array;
        private int _index = -1;
        public ArrayEnumerator(T[] array) { _array = array; }
        public bool MoveNext() => ++_index < _array.Length;
        public T Current => _array[_index];
        object IEnumerator.Current => Current;
        public void Reset() => _index = -1;
        public void Dispose() { }
    }
}
