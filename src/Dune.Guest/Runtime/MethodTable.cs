using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime
{
    /// <summary>Kinds of MethodTable (bits 16-17 of the flags).</summary>
    internal enum MethodTableKind : uint
    {
        Canonical = 0x00000,
        FunctionPointer = 0x10000,
        Parameterized = 0x20000,
        GenericTypeDefinition = 0x30000,
    }

    /// <summary>Element type stored in bits 26-30 of the flags, as ilc 10 writes it.</summary>
    internal enum ElementType : byte
    {
        Unknown = 0x00, Void = 0x01, Boolean = 0x02, Char = 0x03, SByte = 0x04, Byte = 0x05,
        Int16 = 0x06, UInt16 = 0x07, Int32 = 0x08, UInt32 = 0x09, Int64 = 0x0A, UInt64 = 0x0B,
        IntPtr = 0x0C, UIntPtr = 0x0D, Single = 0x0E, Double = 0x0F,
        ValueType = 0x10, Nullable = 0x12, Class = 0x14, Interface = 0x15, SystemArray = 0x16,
        Array = 0x17, SzArray = 0x18, ByRef = 0x19, Pointer = 0x1A, FunctionPointer = 0x1B,
    }

    /// <summary>
    /// The runtime type descriptor ilc emits for every type (NativeAOT 10 layout, x64, absolute pointers):
    /// flags, base size, related type, vtable/interface counts, hash code, then the vtable slots,
    /// the interface map and optional trailing pointers. The accessors casts and dispatch use are forced inline:
    /// ilc's JIT does not inline them on its own.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MethodTable
    {
        public const uint KindMask = 0x00030000;
        public const uint HasDispatchMapFlag = 0x00040000;
        public const uint IsDynamicTypeFlag = 0x00080000;
        public const uint HasFinalizerFlag = 0x00100000;
        public const uint HasSealedVTableEntriesFlag = 0x00400000;
        public const uint GenericVarianceFlag = 0x00800000;
        public const uint HasPointersFlag = 0x01000000;
        public const uint IsGenericFlag = 0x02000000;
        public const uint ElementTypeMask = 0x7C000000;
        public const int ElementTypeShift = 26;
        public const uint HasComponentSizeFlag = 0x80000000;

        /// <summary>Arrays' BaseSize encodes the shape: SZ arrays have exactly this base size.</summary>
        public const uint SzArrayBaseSize = 3 * 8;

        public uint Flags;
        public uint BaseSize;
        public MethodTable* RelatedType;
        public ushort NumVtableSlots;
        public ushort NumInterfaces;
        public uint HashCode;

        public MethodTableKind Kind { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (MethodTableKind)(Flags & KindMask); }
        public ElementType ElementType { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (ElementType)((Flags & ElementTypeMask) >> ElementTypeShift); }
        public bool HasComponentSize => (Flags & HasComponentSizeFlag) != 0;
        public ushort ComponentSize => HasComponentSize ? (ushort)Flags : (ushort)0;
        public bool ContainsGCPointers => (Flags & HasPointersFlag) != 0;
        public bool HasGenericVariance { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Flags & GenericVarianceFlag) != 0; }
        public bool IsGeneric { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (Flags & IsGenericFlag) != 0; }
        public bool IsInterface { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => ElementType == ElementType.Interface; }
        public bool IsValueType { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => ElementType < ElementType.Class; }
        public bool IsNullable => ElementType == ElementType.Nullable;
        public bool IsArray { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => ElementType == ElementType.Array || ElementType == ElementType.SzArray; }
        public bool IsSzArray => ElementType == ElementType.SzArray;
        public bool IsParameterized { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Kind == MethodTableKind.Parameterized; }
        public bool HasDispatchMap => (Flags & HasDispatchMapFlag) != 0;
        public bool HasSealedVTableEntries => (Flags & HasSealedVTableEntriesFlag) != 0;

        /// <summary>Base type of a canonical type; element type of an array or pointer.</summary>
        public MethodTable* BaseType { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => Kind == MethodTableKind.Canonical ? RelatedType : null; }
        public MethodTable* ElementTypeOfArray => RelatedType;
        /// <summary>The same, under the name ilc's multi-dimensional array accessors call.</summary>
        public MethodTable* RelatedParameterType => RelatedType;

        /// <summary>Size of the value a boxed value type carries (BaseSize less header and MethodTable pointer).</summary>
        public uint ValueTypeSize => BaseSize - 16;

        public IntPtr* VTable { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (IntPtr*)((byte*)Unsafe.AsPointer(ref this) + sizeof(MethodTable)); }

        public MethodTable** InterfaceMap { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => (MethodTable**)(VTable + NumVtableSlots); }

        /// <summary>Pointer following the interface map: where optional trailing fields start.</summary>
        public IntPtr* TrailingFields => (IntPtr*)(InterfaceMap + NumInterfaces);

        /// <summary>ilc replaces this with the address of T's MethodTable.</summary>
        [Intrinsic]
        public static MethodTable* Of<T>() => throw null;
    }
}
