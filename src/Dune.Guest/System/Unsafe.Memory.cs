namespace System.Runtime.CompilerServices
{
    /// <summary>The rest of Unsafe: RyuJIT expands each of these [Intrinsic] methods; the bodies never run.</summary>
    public static unsafe partial class Unsafe
    {
        [Intrinsic] public static T ReadUnaligned<T>(void* source) => throw null;
        [Intrinsic] public static T ReadUnaligned<T>(scoped ref readonly byte source) => throw null;
        [Intrinsic] public static void WriteUnaligned<T>(void* destination, T value) => throw null;
        [Intrinsic] public static void WriteUnaligned<T>(ref byte destination, T value) => throw null;
        [Intrinsic] public static ref T Subtract<T>(ref T source, int elementOffset) => throw null;
        [Intrinsic] public static ref T Subtract<T>(ref T source, nint elementOffset) => throw null;
        [Intrinsic] public static ref T SubtractByteOffset<T>(ref T source, nint byteOffset) => throw null;
        [Intrinsic] public static void* Add<T>(void* source, int elementOffset) => throw null;
        [Intrinsic] public static void* Subtract<T>(void* source, int elementOffset) => throw null;
        [Intrinsic] public static bool IsAddressGreaterThan<T>(ref readonly T left, ref readonly T right) => throw null;
        [Intrinsic] public static bool IsAddressLessThan<T>(ref readonly T left, ref readonly T right) => throw null;
        [Intrinsic] public static void Copy<T>(void* destination, ref readonly T source) => throw null;
        [Intrinsic] public static void Copy<T>(ref T destination, void* source) => throw null;
        [Intrinsic] public static void CopyBlock(void* destination, void* source, uint byteCount) => throw null;
        [Intrinsic] public static void CopyBlock(ref byte destination, ref readonly byte source, uint byteCount) => throw null;
        [Intrinsic] public static void CopyBlockUnaligned(void* destination, void* source, uint byteCount) => throw null;
        [Intrinsic] public static void CopyBlockUnaligned(ref byte destination, ref readonly byte source, uint byteCount) => throw null;
        [Intrinsic] public static void InitBlock(void* startAddress, byte value, uint byteCount) => throw null;
        [Intrinsic] public static void InitBlock(ref byte startAddress, byte value, uint byteCount) => throw null;
        [Intrinsic] public static void InitBlockUnaligned(void* startAddress, byte value, uint byteCount) => throw null;
        [Intrinsic] public static void InitBlockUnaligned(ref byte startAddress, byte value, uint byteCount) => throw null;
        [Intrinsic] public static void SkipInit<T>(out T value) => throw null;
        [Intrinsic] public static TTo BitCast<TFrom, TTo>(TFrom source) where TFrom : struct where TTo : struct => throw null;
        [Intrinsic] public static ref T Unbox<T>(object box) where T : struct => throw null;
    }
}
