using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Reinterprets floating-point values as their bits and primitives as little-endian bytes (x86-64 is little-endian).</summary>
    public static unsafe class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        /// <summary>The bytes as hex pairs with dashes between them ("01-AB-FF").</summary>
        public static string ToString(byte[] value) =>
            value == null ? throw new ArgumentNullException(nameof(value)) : ToString(value, 0, value.Length);

        public static string ToString(byte[] value, int startIndex) =>
            value == null ? throw new ArgumentNullException(nameof(value)) : ToString(value, startIndex, value.Length - startIndex);

        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (startIndex < 0 || (startIndex >= value.Length && startIndex > 0))
                throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            if (startIndex > value.Length - length)
                throw new ArgumentException("The array starting from the specified index is not long enough to read a value of the specified type.", nameof(value));
            if (length == 0) return string.Empty;
            const string Digits = "0123456789ABCDEF";
            return string.Create(length * 3 - 1, (value, startIndex), (chars, source) =>
            {
                for (int i = 0; i < chars.Length / 3 + 1; i++)
                {
                    byte b = source.value[source.startIndex + i];
                    chars[i * 3] = Digits[b >> 4];
                    chars[i * 3 + 1] = Digits[b & 15];
                    if (i * 3 + 2 < chars.Length) chars[i * 3 + 2] = '-';
                }
            });
        }

        public static long DoubleToInt64Bits(double value) => *(long*)&value;
        public static double Int64BitsToDouble(long value) => *(double*)&value;
        public static ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;
        public static double UInt64BitsToDouble(ulong value) => *(double*)&value;
        public static int SingleToInt32Bits(float value) => *(int*)&value;
        public static float Int32BitsToSingle(int value) => *(float*)&value;
        public static uint SingleToUInt32Bits(float value) => *(uint*)&value;
        public static float UInt32BitsToSingle(uint value) => *(float*)&value;

        public static byte[] GetBytes(bool value) => new byte[] { value ? (byte)1 : (byte)0 };
        public static byte[] GetBytes(char value) => Bytes(&value, sizeof(char));
        public static byte[] GetBytes(short value) => Bytes(&value, sizeof(short));
        public static byte[] GetBytes(ushort value) => Bytes(&value, sizeof(ushort));
        public static byte[] GetBytes(int value) => Bytes(&value, sizeof(int));
        public static byte[] GetBytes(uint value) => Bytes(&value, sizeof(uint));
        public static byte[] GetBytes(long value) => Bytes(&value, sizeof(long));
        public static byte[] GetBytes(ulong value) => Bytes(&value, sizeof(ulong));
        public static byte[] GetBytes(float value) => Bytes(&value, sizeof(float));
        public static byte[] GetBytes(double value) => Bytes(&value, sizeof(double));

        public static bool ToBoolean(byte[] value, int startIndex) => Read<byte>(value, startIndex) != 0;
        public static char ToChar(byte[] value, int startIndex) => Read<char>(value, startIndex);
        public static short ToInt16(byte[] value, int startIndex) => Read<short>(value, startIndex);
        public static ushort ToUInt16(byte[] value, int startIndex) => Read<ushort>(value, startIndex);
        public static int ToInt32(byte[] value, int startIndex) => Read<int>(value, startIndex);
        public static uint ToUInt32(byte[] value, int startIndex) => Read<uint>(value, startIndex);
        public static long ToInt64(byte[] value, int startIndex) => Read<long>(value, startIndex);
        public static ulong ToUInt64(byte[] value, int startIndex) => Read<ulong>(value, startIndex);
        public static float ToSingle(byte[] value, int startIndex) => Read<float>(value, startIndex);
        public static double ToDouble(byte[] value, int startIndex) => Read<double>(value, startIndex);

        public static short ToInt16(ReadOnlySpan<byte> value) => ReadSpan<short>(value);
        public static ushort ToUInt16(ReadOnlySpan<byte> value) => ReadSpan<ushort>(value);
        public static int ToInt32(ReadOnlySpan<byte> value) => ReadSpan<int>(value);
        public static uint ToUInt32(ReadOnlySpan<byte> value) => ReadSpan<uint>(value);
        public static long ToInt64(ReadOnlySpan<byte> value) => ReadSpan<long>(value);
        public static ulong ToUInt64(ReadOnlySpan<byte> value) => ReadSpan<ulong>(value);
        public static double ToDouble(ReadOnlySpan<byte> value) => ReadSpan<double>(value);
        public static float ToSingle(ReadOnlySpan<byte> value) => ReadSpan<float>(value);

        public static bool TryWriteBytes(Span<byte> destination, int value) => Runtime.InteropServices.MemoryMarshal.TryWrite(destination, in value);
        public static bool TryWriteBytes(Span<byte> destination, long value) => Runtime.InteropServices.MemoryMarshal.TryWrite(destination, in value);
        public static bool TryWriteBytes(Span<byte> destination, double value) => Runtime.InteropServices.MemoryMarshal.TryWrite(destination, in value);

        private static byte[] Bytes(void* value, int size)
        {
            var bytes = new byte[size];
            fixed (byte* p = bytes) Internal.Runtime.Memory.Move(p, value, (nuint)size);
            return bytes;
        }

        private static T Read<T>(byte[] value, int startIndex) where T : struct
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex >= (uint)value.Length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - Unsafe.SizeOf<T>())
                throw new ArgumentException("The array starting from the specified index is not long enough to read a value of the specified type.", "value");
            fixed (byte* p = &value[startIndex]) return Runtime.CompilerServices.Unsafe.ReadUnaligned<T>(p);
        }

        private static T ReadSpan<T>(ReadOnlySpan<byte> value) where T : struct
        {
            if (value.Length < Unsafe.SizeOf<T>()) throw new ArgumentOutOfRangeException("value");
            return Runtime.InteropServices.MemoryMarshal.Read<T>(value);
        }
    }
}
