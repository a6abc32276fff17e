namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Array and span initializers: csc emits these calls for `new T[] { constants }` and span literals, and
    /// RyuJIT expands them into copies from the initializer data; the bodies only run if it cannot. Also the
    /// type test generic code uses to choose between plain and barriered copies.
    /// </summary>
    public static class RuntimeHelpers
    {
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) =>
            throw new NotSupportedException("array initializer was not expanded by the compiler");

        [Intrinsic]
        public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) =>
            throw new NotSupportedException("span initializer was not expanded by the compiler");

        /// <summary>Whether a T holds references the collector must see. RyuJIT folds it to a constant where T is
        /// known; shared generic code reads the type's flags.</summary>
        [Intrinsic]
        public static unsafe bool IsReferenceOrContainsReferences<T>() => Internal.Runtime.MethodTable.Of<T[]>()->ContainsGCPointers;

        /// <summary>
        /// <c>array[range]</c>: a new array with the range's elements, of the array's own type (a string[] seen as
        /// object[] gives a string[]); the empty array for an empty range.
        /// </summary>
        public static unsafe T[] GetSubArray<T>(T[] array, Range range)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            (int offset, int length) = range.GetOffsetAndLength(array.Length);
            if (length == 0) return Array.Empty<T>();
            T[] slice = (T[])Internal.Runtime.Allocator.NewArrayLike(array.MethodTable, (uint)length);
            Array.Copy(array, offset, slice, 0, length);
            return slice;
        }
    }

    /// <summary>Marks a type whose static constructor ilc runs at start-up (region EagerCctor) instead of on first use.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
    public sealed class EagerStaticClassConstructionAttribute : Attribute { }
}

namespace System
{
    /// <summary>Each thread sees its own copy of the static field (stored in the TLS block).</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class ThreadStaticAttribute : Attribute { }
}

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>What ilc calls for `ldtoken` (typeof, field and method handles): wraps the address it loaded.</summary>
    internal static class LdTokenHelpers
    {
        private static System.RuntimeTypeHandle GetRuntimeTypeHandle(System.IntPtr type) => new System.RuntimeTypeHandle(type);
        private static System.Type GetRuntimeType(System.IntPtr type) => System.Type.GetTypeFromHandle(GetRuntimeTypeHandle(type));
        private static System.RuntimeMethodHandle GetRuntimeMethodHandle(System.IntPtr method) => new System.RuntimeMethodHandle { Value = method };
        private static System.RuntimeFieldHandle GetRuntimeFieldHandle(System.IntPtr field) => new System.RuntimeFieldHandle { Value = field };
    }
}
