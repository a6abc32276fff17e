using System.Runtime;
using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// Atomic operations, each one locked instruction (Intrinsics/atomics.S; the reference forms, which dirty the
    /// collector's card like a write barrier, in Intrinsics/WriteBarrier.S). Every one is a full memory barrier.
    /// </summary>
    public static unsafe class Interlocked
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicCompareExchange32")]
        public static extern int CompareExchange(ref int location1, int value, int comparand);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicCompareExchange64")]
        public static extern long CompareExchange(ref long location1, long value, long comparand);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicCompareExchangeRef")]
        public static extern object CompareExchange(ref object location1, object value, object comparand);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicExchange32")]
        public static extern int Exchange(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicExchange64")]
        public static extern long Exchange(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicExchangeRef")]
        public static extern object Exchange(ref object location1, object value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicAdd32")]
        private static extern int ExchangeAdd(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicAdd64")]
        private static extern long ExchangeAdd(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicAnd32")]
        public static extern int And(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicAnd64")]
        public static extern long And(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicOr32")]
        public static extern int Or(ref int location1, int value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneAtomicOr64")]
        public static extern long Or(ref long location1, long value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneMemoryBarrier")]
        public static extern void MemoryBarrier();

        /// <summary>The CPU's spin-loop hint (pause), for runtime spin loops.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneSpinPause")]
        internal static extern void SpinPause();

        public static uint CompareExchange(ref uint location1, uint value, uint comparand) =>
            (uint)CompareExchange(ref Unsafe.As<uint, int>(ref location1), (int)value, (int)comparand);
        public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand) =>
            (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref location1), (long)value, (long)comparand);
        public static IntPtr CompareExchange(ref IntPtr location1, IntPtr value, IntPtr comparand) =>
            (IntPtr)CompareExchange(ref Unsafe.As<IntPtr, long>(ref location1), (long)value, (long)comparand);
        public static UIntPtr CompareExchange(ref UIntPtr location1, UIntPtr value, UIntPtr comparand) =>
            (UIntPtr)CompareExchange(ref Unsafe.As<UIntPtr, ulong>(ref location1), (ulong)value, (ulong)comparand);
        public static float CompareExchange(ref float location1, float value, float comparand)
        {
            int old = CompareExchange(ref Unsafe.As<float, int>(ref location1), *(int*)&value, *(int*)&comparand);
            return *(float*)&old;
        }
        public static double CompareExchange(ref double location1, double value, double comparand)
        {
            long old = CompareExchange(ref Unsafe.As<double, long>(ref location1), *(long*)&value, *(long*)&comparand);
            return *(double*)&old;
        }
        public static T CompareExchange<T>(ref T location1, T value, T comparand) where T : class =>
            Unsafe.As<T>(CompareExchange(ref Unsafe.As<T, object>(ref location1), value, comparand));

        public static uint Exchange(ref uint location1, uint value) => (uint)Exchange(ref Unsafe.As<uint, int>(ref location1), (int)value);
        public static ulong Exchange(ref ulong location1, ulong value) => (ulong)Exchange(ref Unsafe.As<ulong, long>(ref location1), (long)value);
        public static IntPtr Exchange(ref IntPtr location1, IntPtr value) => (IntPtr)Exchange(ref Unsafe.As<IntPtr, long>(ref location1), (long)value);
        public static float Exchange(ref float location1, float value)
        {
            int old = Exchange(ref Unsafe.As<float, int>(ref location1), *(int*)&value);
            return *(float*)&old;
        }
        public static double Exchange(ref double location1, double value)
        {
            long old = Exchange(ref Unsafe.As<double, long>(ref location1), *(long*)&value);
            return *(double*)&old;
        }
        public static T Exchange<T>(ref T location1, T value) where T : class =>
            Unsafe.As<T>(Exchange(ref Unsafe.As<T, object>(ref location1), value));

        public static int Increment(ref int location) => ExchangeAdd(ref location, 1) + 1;
        public static long Increment(ref long location) => ExchangeAdd(ref location, 1) + 1;
        public static uint Increment(ref uint location) => (uint)Increment(ref Unsafe.As<uint, int>(ref location));
        public static ulong Increment(ref ulong location) => (ulong)Increment(ref Unsafe.As<ulong, long>(ref location));
        public static int Decrement(ref int location) => ExchangeAdd(ref location, -1) - 1;
        public static long Decrement(ref long location) => ExchangeAdd(ref location, -1) - 1;
        public static uint Decrement(ref uint location) => (uint)Decrement(ref Unsafe.As<uint, int>(ref location));
        public static ulong Decrement(ref ulong location) => (ulong)Decrement(ref Unsafe.As<ulong, long>(ref location));
        public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;
        public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;
        public static uint Add(ref uint location1, uint value) => (uint)Add(ref Unsafe.As<uint, int>(ref location1), (int)value);
        public static ulong Add(ref ulong location1, ulong value) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location1), (long)value);
        public static uint And(ref uint location1, uint value) => (uint)And(ref Unsafe.As<uint, int>(ref location1), (int)value);
        public static ulong And(ref ulong location1, ulong value) => (ulong)And(ref Unsafe.As<ulong, long>(ref location1), (long)value);
        public static uint Or(ref uint location1, uint value) => (uint)Or(ref Unsafe.As<uint, int>(ref location1), (int)value);
        public static ulong Or(ref ulong location1, ulong value) => (ulong)Or(ref Unsafe.As<ulong, long>(ref location1), (long)value);

        /// <summary>A 64-bit read is atomic on x86-64.</summary>
        public static long Read(ref readonly long location) => Volatile.Read(in location);
        public static ulong Read(ref readonly ulong location) => Volatile.Read(in location);
    }
}
