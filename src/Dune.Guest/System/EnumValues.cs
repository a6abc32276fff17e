using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// An enum's value read as its underlying integer (the element type says which), for Enum's own members and
    /// the enum comparers. Results are the underlying type's: sign matters for the hash of 8- and 16-bit enums,
    /// and their CompareTo is a difference where wider types give -1/0/1.
    /// </summary>
    internal static unsafe class EnumValues
    {
        public static bool Equal<T>(T x, T y) where T : struct
        {
            if (Unsafe.SizeOf<T>() == 1) return Unsafe.As<T, byte>(ref x) == Unsafe.As<T, byte>(ref y);
            if (Unsafe.SizeOf<T>() == 2) return Unsafe.As<T, ushort>(ref x) == Unsafe.As<T, ushort>(ref y);
            if (Unsafe.SizeOf<T>() == 4) return Unsafe.As<T, uint>(ref x) == Unsafe.As<T, uint>(ref y);
            return Unsafe.As<T, ulong>(ref x) == Unsafe.As<T, ulong>(ref y);
        }

        public static int HashCode<T>(T value) where T : struct => HashCode(Internal.Runtime.MethodTable.Of<T>()->ElementType, ref Unsafe.As<T, byte>(ref value));

        public static int Compare<T>(T x, T y) where T : struct =>
            Compare(Internal.Runtime.MethodTable.Of<T>()->ElementType, ref Unsafe.As<T, byte>(ref x), ref Unsafe.As<T, byte>(ref y));

        public static int HashCode(ElementType type, ref byte value)
        {
            switch (type)
            {
                case ElementType.SByte: return Unsafe.As<byte, sbyte>(ref value);
                case ElementType.Byte: case ElementType.Boolean: return value;
                case ElementType.Int16: return Unsafe.As<byte, short>(ref value);
                case ElementType.UInt16: return Unsafe.As<byte, ushort>(ref value);
                case ElementType.Char: return Unsafe.As<byte, char>(ref value).GetHashCode();
                case ElementType.Int32: case ElementType.UInt32: return Unsafe.As<byte, int>(ref value);
                default: return Unsafe.As<byte, long>(ref value).GetHashCode();
            }
        }

        public static int Compare(ElementType type, ref byte x, ref byte y)
        {
            switch (type)
            {
                case ElementType.SByte: return Unsafe.As<byte, sbyte>(ref x) - Unsafe.As<byte, sbyte>(ref y);
                case ElementType.Byte: return x - y;
                case ElementType.Boolean: return Unsafe.As<byte, bool>(ref x).CompareTo(Unsafe.As<byte, bool>(ref y));
                case ElementType.Int16: return Unsafe.As<byte, short>(ref x) - Unsafe.As<byte, short>(ref y);
                case ElementType.UInt16: case ElementType.Char: return Unsafe.As<byte, ushort>(ref x) - Unsafe.As<byte, ushort>(ref y);
                case ElementType.Int32: return Unsafe.As<byte, int>(ref x).CompareTo(Unsafe.As<byte, int>(ref y));
                case ElementType.UInt32: return Unsafe.As<byte, uint>(ref x).CompareTo(Unsafe.As<byte, uint>(ref y));
                case ElementType.Int64: case ElementType.IntPtr: return Unsafe.As<byte, long>(ref x).CompareTo(Unsafe.As<byte, long>(ref y));
                default: return Unsafe.As<byte, ulong>(ref x).CompareTo(Unsafe.As<byte, ulong>(ref y));
            }
        }
    }
}
