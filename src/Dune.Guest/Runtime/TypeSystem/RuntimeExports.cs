using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Boxing helpers. ilc binds its Box/Unbox helpers to these methods by name.</summary>
    internal static unsafe class RuntimeExports
    {
        /// <summary>Boxes the value at <paramref name="data"/> (a Nullable&lt;T&gt; boxes its value or gives null).</summary>
        [RuntimeExport("RhBox")]
        public static object RhBox(MethodTable* type, ref byte data)
        {
            ref byte source = ref data;
            if (type->IsNullable)
            {
                if (data == 0) return null;
                source = ref Unsafe.Add(ref data, TypeLayout.NullableValueOffset(type));
                type = TypeLayout.NullableUnderlying(type);
            }
            object box = Allocator.NewObject(type);
            Memory.Move(Unsafe.AsPointer(ref Unsafe.As<RawData>(box).Data), Unsafe.AsPointer(ref source), TypeLayout.ValueSize(type));
            return box;
        }

        [RuntimeExport("RhUnboxNullable")]
        public static void RhUnboxNullable(ref byte data, MethodTable* nullableType, object obj)
        {
            int valueOffset = TypeLayout.NullableValueOffset(nullableType);
            MethodTable* underlying = TypeLayout.NullableUnderlying(nullableType);
            if (obj == null)
            {
                Memory.Zero(Unsafe.AsPointer(ref data), TypeLayout.ValueSize(nullableType));
                return;
            }
            if (!TypeCast.AreUnboxCompatible(obj.MethodTable, underlying)) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, nullableType);
            data = 1;
            void* value = Unsafe.AsPointer(ref Unsafe.Add(ref data, valueOffset));
            Memory.Move(value, Unsafe.AsPointer(ref Unsafe.As<RawData>(obj).Data), TypeLayout.ValueSize(underlying));
            if (underlying->ContainsGCPointers) WriteBarrier.RecordRange(value, TypeLayout.ValueSize(underlying));
        }

        [RuntimeExport("RhUnbox2")]
        public static ref byte RhUnbox2(MethodTable* expected, object obj)
        {
            if (obj == null) ThrowHelpers.ThrowNullReferenceException();
            if (!TypeCast.AreUnboxCompatible(obj.MethodTable, expected)) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, expected);
            return ref Unsafe.As<RawData>(obj).Data;
        }

        /// <summary>Checks an unbox whose target is only known through a generic dictionary (may be Nullable).</summary>
        public static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (type->IsNullable) type = TypeLayout.NullableUnderlying(type);
            if (!TypeCast.AreUnboxCompatible(boxType, type)) ThrowHelpers.ThrowInvalidCastException(boxType, type);
        }
    }
}
