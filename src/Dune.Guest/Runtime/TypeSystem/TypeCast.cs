using System;
using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Casting helpers ilc calls for `is`, `as`, casts, array stores and catch-clause matching.</summary>
    internal static unsafe class TypeCast
    {
        /// <summary>Is a value of type <paramref name="source"/> assignable to <paramref name="target"/>?</summary>
        public static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface) return ImplementsInterface(source, target);
            if (source->IsArray && target->IsArray)
            {
                if (source->BaseSize != target->BaseSize) return false;
                MethodTable* se = source->RelatedType, te = target->RelatedType;
                if (se == te) return true;
                // Reference-type arrays are covariant; value-type arrays are not.
                return !se->IsValueType && !te->IsValueType && IsAssignable(se, te);
            }
            if (source->IsParameterized) return false;
            for (MethodTable* t = source->BaseType; t != null; t = t->BaseType)
                if (t == target) return true;
            // Variant delegates: a Func<object, string> is a Func<string, object>.
            return target->HasGenericVariance && IsVariantlyCompatible(source, target, arrayCovariance: false);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool ImplementsInterface(MethodTable* source, MethodTable* target)
        {
            MethodTable** map = source->InterfaceMap;
            for (int i = 0, n = source->NumInterfaces; i < n; i++)
                if (map[i] == target) return true;
            return ImplementsVariantly(source, target);
        }

        /// <summary>No exact entry in the interface map: IEnumerable&lt;string&gt; is an IEnumerable&lt;object&gt;;
        /// string[]'s IList&lt;string&gt; is an IList&lt;object&gt;.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool ImplementsVariantly(MethodTable* source, MethodTable* target)
        {
            if (!target->HasGenericVariance && !(source->IsArray && target->IsGeneric)) return false;
            MethodTable** map = source->InterfaceMap;
            for (int i = 0; i < source->NumInterfaces; i++)
                if (IsVariantlyCompatible(map[i], target, source->IsArray)) return true;
            return false;
        }

        /// <summary>
        /// Are two instantiations of one generic interface compatible through variance? Covariant arguments
        /// may be more derived in <paramref name="candidate"/>, contravariant ones less; only reference types
        /// vary. Interfaces of arrays treat their element argument as covariant.
        /// </summary>
        public static bool IsVariantlyCompatible(MethodTable* candidate, MethodTable* target, bool arrayCovariance)
        {
            if (candidate == target) return true;
            if (!candidate->IsGeneric || !target->IsGeneric) return false;
            if (TypeLayout.GenericDefinition(candidate) != TypeLayout.GenericDefinition(target)) return false;
            int arity = TypeLayout.GenericArity(target);
            for (int i = 0; i < arity; i++)
            {
                MethodTable* a = TypeLayout.GenericArgument(candidate, i), b = TypeLayout.GenericArgument(target, i);
                if (a == b) continue;
                GenericVariance variance = TypeLayout.VarianceOf(target, i);
                if (arrayCovariance && arity == 1) variance = GenericVariance.Covariant;
                bool ok = variance switch
                {
                    GenericVariance.Covariant or GenericVariance.ArrayCovariant => IsReferenceAssignable(a, b),
                    GenericVariance.Contravariant => IsReferenceAssignable(b, a),
                    _ => false,
                };
                if (!ok) return false;
            }
            return true;
        }

        private static bool IsReferenceAssignable(MethodTable* from, MethodTable* to) =>
            !from->IsValueType && !to->IsValueType && IsAssignable(from, to);

        /// <summary>Can a box of <paramref name="boxed"/> be unboxed as <paramref name="expected"/>? Same type, or an
        /// enum and its underlying primitive (both carry the primitive's element type).</summary>
        public static bool AreUnboxCompatible(MethodTable* boxed, MethodTable* expected) =>
            boxed == expected ||
            (boxed->ElementType == expected->ElementType && boxed->ElementType <= ElementType.UIntPtr && boxed->ElementType != ElementType.Unknown);

        [RuntimeExport("RhTypeCast_IsInstanceOfAny")]
        public static object IsInstanceOfAny(MethodTable* target, object obj) => obj == null || IsAssignable(obj.MethodTable, target) ? obj : null;

        /// <summary>`is`/`as` with an interface: the object's interface map, scanned here without the general relation's tests.</summary>
        [RuntimeExport("RhTypeCast_IsInstanceOfInterface")]
        public static object IsInstanceOfInterface(MethodTable* target, object obj) =>
            obj == null || ImplementsInterface(obj.MethodTable, target) ? obj : null;

        /// <summary>`is`/`as` with a class: the exact type or a base type is the common hit; anything else
        /// (arrays, variant delegates, a miss) takes the general relation.</summary>
        [RuntimeExport("RhTypeCast_IsInstanceOfClass")]
        public static object IsInstanceOfClass(MethodTable* target, object obj)
        {
            if (obj == null) return null;
            MethodTable* source = obj.MethodTable;
            for (MethodTable* t = source; t != null; t = t->BaseType)
                if (t == target) return obj;
            return IsAssignable(source, target) ? obj : null;
        }

        [RuntimeExport("RhTypeCast_IsInstanceOfException")]
        public static bool IsInstanceOfException(MethodTable* target, object obj) => obj != null && IsAssignable(obj.MethodTable, target);

        [RuntimeExport("RhTypeCast_CheckCastAny")]
        public static object CheckCastAny(MethodTable* target, object obj)
        {
            if (obj != null && !IsAssignable(obj.MethodTable, target)) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, target);
            return obj;
        }

        [RuntimeExport("RhTypeCast_CheckCastInterface")]
        public static object CheckCastInterface(MethodTable* target, object obj)
        {
            if (obj != null && !ImplementsInterface(obj.MethodTable, target)) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, target);
            return obj;
        }

        [RuntimeExport("RhTypeCast_CheckCastClass")]
        public static object CheckCastClass(MethodTable* target, object obj)
        {
            if (obj != null && IsInstanceOfClass(target, obj) == null) ThrowHelpers.ThrowInvalidCastException(obj.MethodTable, target);
            return obj;
        }

        [RuntimeExport("RhTypeCast_CheckCastClassSpecial")]
        public static object CheckCastClassSpecial(MethodTable* target, object obj) => CheckCastAny(target, obj);

        /// <summary>array[index] = value for arrays of reference types, with the covariance check. The common cases
        /// (null, the array's exact element type, object[]) take no call; the rest walk the type relation.</summary>
        [RuntimeExport("RhpStelemRef")]
        public static void StelemRef(object[] array, nint index, object value)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            ref object element = ref Unsafe.As<RawArrayData>(array).Data.AsObjectRef(index);
            if (value == null)
            {
                element = null;
                return;
            }
            MethodTable* elementType = array.MethodTable->RelatedType;
            if (value.MethodTable != elementType && elementType != Internal.Runtime.MethodTable.Of<object>()) CheckArrayStore(value.MethodTable, elementType);
            element = value;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void CheckArrayStore(MethodTable* valueType, MethodTable* elementType)
        {
            if (!IsAssignable(valueType, elementType)) throw new ArrayTypeMismatchException();
        }

        [RuntimeExport("RhpLdelemaRef")]
        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            if (array.MethodTable->RelatedType != elementType) throw new ArrayTypeMismatchException();
            return ref Unsafe.As<RawArrayData>(array).Data.AsObjectRef(index);
        }

        /// <summary>ilc's accessors of multi-dimensional arrays compare element types with this before handing out a reference.</summary>
        public static bool AreTypesEquivalent(MethodTable* a, MethodTable* b) => a == b;

        private static ref object AsObjectRef(ref this byte data, nint index) => ref Unsafe.Add(ref Unsafe.As<byte, object>(ref data), index);

    }
}
