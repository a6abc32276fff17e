using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    /// <summary>Reinterpreting spans and reading/writing unmanaged values in byte spans.</summary>
    public static unsafe class MemoryMarshal
    {
        public static ref T GetReference<T>(Span<T> span) => ref span.GetPinnableReference();
        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref Unsafe.AsRef(in span.GetPinnableReference());
        public static ref T GetArrayDataReference<T>(T[] array) => ref Unsafe.As<byte, T>(ref array.GetRawArrayData());

        public static Span<T> CreateSpan<T>(scoped ref T reference, int length) => new Span<T>(ref Unsafe.AsRef(in reference), length);
        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length) =>
            new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

        public static Span<byte> AsBytes<T>(Span<T> span) where T : struct =>
            new Span<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), checked(span.Length * Unsafe.SizeOf<T>()));

        public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : struct =>
            new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref GetReference(span)), checked(span.Length * Unsafe.SizeOf<T>()));

        public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : struct where TTo : struct =>
            new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref GetReference(span)), CastLength(span.Length, Unsafe.SizeOf<TFrom>(), Unsafe.SizeOf<TTo>()));

        public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : struct where TTo : struct =>
            new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref GetReference(span)), CastLength(span.Length, Unsafe.SizeOf<TFrom>(), Unsafe.SizeOf<TTo>()));

        public static T Read<T>(ReadOnlySpan<byte> source) where T : struct
        {
            if (Unsafe.SizeOf<T>() > source.Length) ThrowTooShort("length");
            return Unsafe.ReadUnaligned<T>(ref GetReference(source));
        }

        public static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : struct
        {
            if (Unsafe.SizeOf<T>() > source.Length) { value = default; return false; }
            value = Unsafe.ReadUnaligned<T>(ref GetReference(source));
            return true;
        }

        public static void Write<T>(Span<byte> destination, in T value) where T : struct
        {
            if (Unsafe.SizeOf<T>() > destination.Length) ThrowTooShort("length");
            Unsafe.WriteUnaligned(ref GetReference(destination), value);
        }

        public static bool TryWrite<T>(Span<byte> destination, in T value) where T : struct
        {
            if (Unsafe.SizeOf<T>() > destination.Length) return false;
            Unsafe.WriteUnaligned(ref GetReference(destination), value);
            return true;
        }

        public static ref T AsRef<T>(Span<byte> span) where T : struct
        {
            if (Unsafe.SizeOf<T>() > span.Length) ThrowTooShort("length");
            return ref Unsafe.As<byte, T>(ref GetReference(span));
        }

        private static int CastLength(int fromLength, int fromSize, int toSize) =>
            fromSize == toSize ? fromLength : checked((int)((long)fromLength * fromSize / toSize));

        private static void ThrowTooShort(string parameter) =>
            throw new ArgumentOutOfRangeException(parameter);
    }
}
