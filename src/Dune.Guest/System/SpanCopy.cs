using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Bulk element moves for spans: memmove/memset for plain data, write-barriered copies when T holds references.</summary>
    internal static unsafe class SpanCopy
    {
        internal static void Move<T>(ref T destination, ref T source, nuint count)
        {
            if (count == 0 || Unsafe.AreSame(ref destination, ref source)) return;
            nuint bytes = count * (nuint)Unsafe.SizeOf<T>();
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                Buffer.BulkMoveWithWriteBarrier(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), bytes);
            else
                Memory.Move(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref source), bytes);
        }

        internal static void Clear<T>(ref T start, nuint count)
        {
            // Zeroing needs no write barrier: it creates no references.
            Memory.Zero(Unsafe.AsPointer(ref start), count * (nuint)Unsafe.SizeOf<T>());
        }

        internal static void Fill<T>(ref T start, nuint count, T value)
        {
            if (Unsafe.SizeOf<T>() == 1)
            {
                Memory.Set(Unsafe.AsPointer(ref start), Unsafe.As<T, byte>(ref value), count);
                return;
            }
            for (nuint i = 0; i < count; i++) Unsafe.Add(ref start, (nint)i) = value;
        }
    }
}
