using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Multi-dimensional arrays (int[,], double[,,]): ilc lays them out as an SZ array's header followed by
    /// one length and one lower bound per dimension, and generates their element accessors itself; the runtime
    /// allocates them and answers the shape queries. Lower bounds are always zero.
    /// </summary>
    public abstract unsafe partial class Array : System.Collections.IEnumerable
    {
        /// <summary>All elements in storage order (row-major for multi-dimensional arrays), boxed as objects.</summary>
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new ElementEnumerator(this);

        private sealed class ElementEnumerator : System.Collections.IEnumerator
        {
            private readonly Array _array;
            private int _index = -1;
            internal ElementEnumerator(Array array) { _array = array; }
            public bool MoveNext() => ++_index < _array.Length;
            public void Reset() => _index = -1;

            public object Current
            {
                get
                {
                    if ((uint)_index >= (uint)_array.Length) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    MethodTable* mt = _array.MethodTable;
                    ref byte element = ref Unsafe.Add(ref _array.GetRawArrayData(), (nint)_index * mt->ComponentSize);
                    MethodTable* elementType = mt->RelatedType;
                    return elementType->IsValueType ? System.Runtime.RuntimeExports.RhBox(elementType, ref element) : Unsafe.As<byte, object>(ref element);
                }
            }
        }

        public int Rank => MethodTable->IsSzArray ? 1 : MultiDimensionalRank(MethodTable);

        internal static int MultiDimensionalRank(MethodTable* mt) => (int)((mt->BaseSize - Internal.Runtime.MethodTable.SzArrayBaseSize) / (2 * sizeof(int)));

        public int GetLength(int dimension)
        {
            CheckDimension(dimension);
            return MethodTable->IsSzArray ? _numComponents : Unsafe.Add(ref _numComponents, 2 + dimension);
        }

        public long GetLongLength(int dimension) => GetLength(dimension);
        public long LongLength => _numComponents;

        public int GetLowerBound(int dimension)
        {
            CheckDimension(dimension);
            return 0;
        }

        public int GetUpperBound(int dimension) => GetLength(dimension) - 1;

        /// <summary>Records a dimension's length in a new multi-dimensional array (lower bounds stay zero).</summary>
        internal void SetLength(int dimension, int length) => Unsafe.Add(ref _numComponents, 2 + dimension) = length;

        private void CheckDimension(int dimension)
        {
            if ((uint)dimension >= (uint)Rank) throw new IndexOutOfRangeException("Array does not have that many dimensions.");
        }
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    using System;

    /// <summary>What ilc calls for `new T[a, b]` (newobj on a multi-dimensional array type).</summary>
    internal static unsafe class ArrayHelpers
    {
        /// <summary>
        /// <paramref name="dimensions"/> holds one length per dimension, or a (lower bound, length) pair per
        /// dimension for the constructor that takes lower bounds.
        /// </summary>
        public static Array NewObjArray(IntPtr type, int dimensionCount, int* dimensions)
        {
            MethodTable* mt = (MethodTable*)type;
            int rank = Array.MultiDimensionalRank(mt);
            if (dimensionCount == 2 * rank)
            {
                for (int i = 0; i < rank; i++)
                {
                    if (dimensions[2 * i] != 0) throw new PlatformNotSupportedException("Arrays with non-zero lower bounds are not supported.");
                    dimensions[i] = dimensions[2 * i + 1];
                }
            }
            ulong total = 1;
            for (int i = 0; i < rank; i++)
            {
                if (dimensions[i] < 0) throw new OverflowException("Arithmetic operation resulted in an overflow.");
                total *= (uint)dimensions[i];
                if (total > 0x7FFFFFC7) throw new OutOfMemoryException("Array dimensions exceeded supported range.");
            }
            Array array = Unsafe.As<Array>(Allocator.NewArrayLike(mt, (uint)total));
            for (int i = 0; i < rank; i++) array.SetLength(i, dimensions[i]);
            return array;
        }
    }
}

namespace System.Runtime
{
    using Internal.Runtime;

    /// <summary>Runtime entry points ilc binds by name from generated code.</summary>
    internal static unsafe class RuntimeImports
    {
        /// <summary>The covariance check of a store into a multi-dimensional array of references.</summary>
        public static void RhCheckArrayStore(object array, object obj)
        {
            if (obj != null && !System.Runtime.TypeCast.IsAssignable(obj.MethodTable, array.MethodTable->RelatedType))
                throw new ArrayTypeMismatchException();
        }
    }
}
