using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Gc;
using TypeCast = System.Runtime.TypeCast;

namespace Internal.Runtime
{
    /// <summary>Allocation entry points ilc calls by name (RhpNewFast itself is the assembly fast path,
    /// Intrinsics/threads.S). All memory comes from <see cref="GcHeap"/>, zeroed, with the type already set.</summary>
    internal static unsafe class Allocator
    {
        public static object NewObject(MethodTable* mt) => AsObject(GcHeap.Allocate(mt->BaseSize, mt, 0));

        [RuntimeExport("RhNewObject")]
        public static object NewObjectSlow(MethodTable* mt) => NewObject(mt);

        [RuntimeExport("RhpNewFinalizable")]
        public static object NewFinalizable(MethodTable* mt) => NewObject(mt);

        [RuntimeExport("RhpNewArrayFast")]
        public static object NewArrayFast(MethodTable* mt, int length)
        {
            if (length < 0) ThrowHelpers.ThrowOverflowException();
            return NewArrayLike(mt, (uint)length);
        }

        [RuntimeExport("RhpNewPtrArrayFast")]
        public static object NewPtrArrayFast(MethodTable* mt, int length) => NewArrayFast(mt, length);

        [RuntimeExport("RhNewArray")]
        public static object NewArray(MethodTable* mt, int length) => NewArrayFast(mt, length);

        [RuntimeExport("RhNewVariableSizeObject")]
        public static object NewVariableSizeObject(MethodTable* mt, int length) => NewArrayFast(mt, length);

        /// <summary>Arrays and strings: base size plus length components, rounded up to 8 bytes.</summary>
        public static object NewArrayLike(MethodTable* mt, uint length)
        {
            ulong size = mt->BaseSize + (ulong)length * mt->ComponentSize;
            if (size > int.MaxValue) ThrowHelpers.ThrowOutOfMemoryException();
            size = (size + 7) & ~7UL;
            return AsObject(GcHeap.Allocate((nuint)size, mt, length));
        }

        private static object AsObject(void* memory) => Unsafe.As<IntPtr, object>(ref *(IntPtr*)&memory);
    }

    internal sealed class RawArrayData
    {
        public uint Length;
        public uint Padding;
        public byte Data;
    }
}
