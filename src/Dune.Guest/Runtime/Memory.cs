using System.Runtime.CompilerServices;
using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>Byte copies and fills, implemented by the rep-movsb/stosb stubs in the intrinsics.</summary>
    internal static unsafe class Memory
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "memmove")]
        public static extern void* Move(void* dst, void* src, nuint count);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "memset")]
        public static extern void* Set(void* dst, int value, nuint count);

        public static void Zero(void* dst, nuint count) => Set(dst, 0, count);
    }
}

namespace System
{
    /// <summary>Helpers ilc calls by name for struct copies that contain object references (public part: System/Buffer.cs).</summary>
    public static unsafe partial class Buffer
    {
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
        {
            void* dst = Runtime.CompilerServices.Unsafe.AsPointer(ref destination);
            Internal.Runtime.Memory.Move(dst, Runtime.CompilerServices.Unsafe.AsPointer(ref source), byteCount);
            Internal.Runtime.WriteBarrier.RecordRange(dst, byteCount);
        }
    }

    internal static unsafe class SpanHelpers
    {
        internal static void Memmove(ref byte destination, ref byte source, nuint len) =>
            Internal.Runtime.Memory.Move(Runtime.CompilerServices.Unsafe.AsPointer(ref destination), Runtime.CompilerServices.Unsafe.AsPointer(ref source), len);

        internal static void Fill(ref byte destination, byte value, nuint len) =>
            Internal.Runtime.Memory.Set(Runtime.CompilerServices.Unsafe.AsPointer(ref destination), value, len);

        internal static void ClearWithoutReferences(ref byte destination, nuint len) =>
            Internal.Runtime.Memory.Zero(Runtime.CompilerServices.Unsafe.AsPointer(ref destination), len);

        internal static void ClearWithReferences(ref IntPtr destination, nuint pointerSizeLength) =>
            Internal.Runtime.Memory.Zero(Runtime.CompilerServices.Unsafe.AsPointer(ref destination), pointerSizeLength * (nuint)sizeof(IntPtr));
    }
}
