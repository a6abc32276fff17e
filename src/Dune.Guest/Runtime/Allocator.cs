using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Gc;
using TypeCast = System.Runtime.TypeCast;

namespace Internal.Runtime
{
    /// <summary>Allocation entry points ilc calls by name. All memory comes from <see cref="GcHeap"/>, zeroed.</summary>
    internal static unsafe class Allocator
    {
        [RuntimeExport("RhpNewFast")]
        public static object NewObject(MethodTable* mt) => Init(GcHeap.Allocate(mt->BaseSize), mt);

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
            object o = Init(GcHeap.Allocate((nuint)size), mt);
            Unsafe.As<RawArrayData>(o).Length = length;
            return o;
        }

        /// <summary>Boxes the value at <paramref name="data"/> (a Nullable&lt;T&gt; boxes its value or gives null).</summary>
        [RuntimeExport("RhBox")]
        public static object Box(MethodTable* mt, ref byte data)
        {
            ref byte src = ref data;
            if (mt->IsNullable)
            {
                if (data == 0) return null;
                MethodTable* underlying = mt->RelatedType;
                src = ref Unsafe.Add(ref data, (int)NullableValueOffset(mt));
                mt = underlying;
            }
            object o = NewObject(mt);
            Memory.Move(Unsafe.AsPointer(ref Unsafe.As<RawData>(o).Data), Unsafe.AsPointer(ref src), mt->ValueTypeSize);
            return o;
        }

        [RuntimeExport("RhUnboxNullable")]
        public static void UnboxNullable(ref byte data, MethodTable* nullableType, object obj)
        {
            uint valueOffset = NullableValueOffset(nullableType);
            MethodTable* underlying = nullableType->RelatedType;
            if (obj == null)
            {
                Memory.Zero(Unsafe.AsPointer(ref data), valueOffset + underlying->ValueTypeSize);
                return;
            }
            if (obj.MethodTable != underlying) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, nullableType);
            data = 1;
            Memory.Move(Unsafe.AsPointer(ref Unsafe.Add(ref data, (int)valueOffset)), Unsafe.AsPointer(ref Unsafe.As<RawData>(obj).Data), underlying->ValueTypeSize);
        }

        [RuntimeExport("RhUnbox2")]
        public static ref byte Unbox(MethodTable* expected, object obj)
        {
            if (obj == null) ThrowHelpers.ThrowNullReferenceException();
            if (obj.MethodTable != expected && !TypeCast.AreUnboxCompatible(obj.MethodTable, expected))
                ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, expected);
            return ref Unsafe.As<RawData>(obj).Data;
        }

        /// <summary>Nullable&lt;T&gt; stores hasValue first and the value at T's alignment, which for the
        /// blittable layouts ilc produces is the lowest set bit of T's size, capped at 8.</summary>
        private static uint NullableValueOffset(MethodTable* nullable)
        {
            uint size = nullable->RelatedType->ValueTypeSize;
            uint align = size & (0 - size);
            return align == 0 || align > 8 ? 8 : align;
        }

        private static object Init(void* memory, MethodTable* mt)
        {
            *(MethodTable**)memory = mt;
            return Unsafe.As<IntPtr, object>(ref *(IntPtr*)&memory);
        }
    }

    internal sealed class RawArrayData
    {
        public uint Length;
        public uint Padding;
        public byte Data;
    }
}
