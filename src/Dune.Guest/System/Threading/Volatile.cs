using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// Volatile reads (acquire) and writes (release): each goes through a C# volatile field of the same size laid
    /// over the location, so the JIT neither caches nor reorders it; x86-64's ordering does the rest.
    /// </summary>
    public static unsafe class Volatile
    {
        private struct Byte1 { public volatile byte Value; }
        private struct Int16Box { public volatile short Value; }
        private struct Int32Box { public volatile int Value; }
        private struct WordBox { public volatile IntPtr Value; }
        private struct ObjectBox { public volatile object Value; }

        public static bool Read(ref readonly bool location) => Unsafe.As<bool, Byte1>(ref Unsafe.AsRef(in location)).Value != 0;
        public static byte Read(ref readonly byte location) => Unsafe.As<byte, Byte1>(ref Unsafe.AsRef(in location)).Value;
        public static sbyte Read(ref readonly sbyte location) => (sbyte)Unsafe.As<sbyte, Byte1>(ref Unsafe.AsRef(in location)).Value;
        public static short Read(ref readonly short location) => Unsafe.As<short, Int16Box>(ref Unsafe.AsRef(in location)).Value;
        public static ushort Read(ref readonly ushort location) => (ushort)Unsafe.As<ushort, Int16Box>(ref Unsafe.AsRef(in location)).Value;
        public static int Read(ref readonly int location) => Unsafe.As<int, Int32Box>(ref Unsafe.AsRef(in location)).Value;
        public static uint Read(ref readonly uint location) => (uint)Unsafe.As<uint, Int32Box>(ref Unsafe.AsRef(in location)).Value;
        public static long Read(ref readonly long location) => (long)Unsafe.As<long, WordBox>(ref Unsafe.AsRef(in location)).Value;
        public static ulong Read(ref readonly ulong location) => (ulong)(long)Unsafe.As<ulong, WordBox>(ref Unsafe.AsRef(in location)).Value;
        public static IntPtr Read(ref readonly IntPtr location) => Unsafe.As<IntPtr, WordBox>(ref Unsafe.AsRef(in location)).Value;
        public static UIntPtr Read(ref readonly UIntPtr location) => (UIntPtr)(ulong)(long)Unsafe.As<UIntPtr, WordBox>(ref Unsafe.AsRef(in location)).Value;
        public static float Read(ref readonly float location)
        {
            int bits = Read(in Unsafe.As<float, int>(ref Unsafe.AsRef(in location)));
            return *(float*)&bits;
        }
        public static double Read(ref readonly double location)
        {
            long bits = Read(in Unsafe.As<double, long>(ref Unsafe.AsRef(in location)));
            return *(double*)&bits;
        }
        public static T Read<T>(ref readonly T location) where T : class =>
            Unsafe.As<T>(Unsafe.As<T, ObjectBox>(ref Unsafe.AsRef(in location)).Value);

        public static void Write(ref bool location, bool value) => Unsafe.As<bool, Byte1>(ref location).Value = value ? (byte)1 : (byte)0;
        public static void Write(ref byte location, byte value) => Unsafe.As<byte, Byte1>(ref location).Value = value;
        public static void Write(ref sbyte location, sbyte value) => Unsafe.As<sbyte, Byte1>(ref location).Value = (byte)value;
        public static void Write(ref short location, short value) => Unsafe.As<short, Int16Box>(ref location).Value = value;
        public static void Write(ref ushort location, ushort value) => Unsafe.As<ushort, Int16Box>(ref location).Value = (short)value;
        public static void Write(ref int location, int value) => Unsafe.As<int, Int32Box>(ref location).Value = value;
        public static void Write(ref uint location, uint value) => Unsafe.As<uint, Int32Box>(ref location).Value = (int)value;
        public static void Write(ref long location, long value) => Unsafe.As<long, WordBox>(ref location).Value = (IntPtr)value;
        public static void Write(ref ulong location, ulong value) => Unsafe.As<ulong, WordBox>(ref location).Value = (IntPtr)(long)value;
        public static void Write(ref IntPtr location, IntPtr value) => Unsafe.As<IntPtr, WordBox>(ref location).Value = value;
        public static void Write(ref UIntPtr location, UIntPtr value) => Unsafe.As<UIntPtr, WordBox>(ref location).Value = (IntPtr)(long)(ulong)value;
        public static void Write(ref float location, float value) => Write(ref Unsafe.As<float, int>(ref location), *(int*)&value);
        public static void Write(ref double location, double value) => Write(ref Unsafe.As<double, long>(ref location), *(long*)&value);
        public static void Write<T>(ref T location, T value) where T : class => Unsafe.As<T, ObjectBox>(ref location).Value = value;
    }
}
