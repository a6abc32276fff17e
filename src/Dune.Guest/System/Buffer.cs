using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Raw byte copies between pointers and between arrays of primitives.</summary>
    public static unsafe partial class Buffer
    {
        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) ThrowOutOfRange("sourceBytesToCopy");
            Memory.Move(destination, source, checked((nuint)sourceBytesToCopy));
        }

        public static void MemoryCopy(void* source, void* destination, ulong destinationSizeInBytes, ulong sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) ThrowOutOfRange("sourceBytesToCopy");
            Memory.Move(destination, source, (nuint)sourceBytesToCopy);
        }

        /// <summary>Copies <paramref name="count"/> bytes; offsets are in bytes, whatever the element type.</summary>
        public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count)
        {
            if (src == null) throw new ArgumentNullException("src");
            if (dst == null) throw new ArgumentNullException("dst");
            nuint srcLength = PrimitiveByteLength(src, "src"), dstLength = PrimitiveByteLength(dst, "dst");
            if (srcOffset < 0) ThrowNegative("srcOffset", srcOffset);
            if (dstOffset < 0) ThrowNegative("dstOffset", dstOffset);
            if (count < 0) ThrowNegative("count", count);
            if ((nuint)count > srcLength - (nuint)srcOffset || srcLength < (nuint)srcOffset ||
                (nuint)count > dstLength - (nuint)dstOffset || dstLength < (nuint)dstOffset)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Memory.Move((byte*)Unsafe.AsPointer(ref dst.GetRawArrayData()) + dstOffset,
                (byte*)Unsafe.AsPointer(ref src.GetRawArrayData()) + srcOffset, (nuint)count);
        }

        public static int ByteLength(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            return checked((int)PrimitiveByteLength(array, "array"));
        }

        public static byte GetByte(Array array, int index)
        {
            if ((uint)index >= (uint)ByteLength(array)) ThrowOutOfRange("index");
            return Unsafe.Add(ref array.GetRawArrayData(), index);
        }

        public static void SetByte(Array array, int index, byte value)
        {
            if ((uint)index >= (uint)ByteLength(array)) ThrowOutOfRange("index");
            Unsafe.Add(ref array.GetRawArrayData(), index) = value;
        }

        private static nuint PrimitiveByteLength(Array array, string parameter)
        {
            MethodTable* mt = array.MethodTable;
            ElementType element = mt->ElementTypeOfArray->ElementType;
            if (!mt->IsSzArray || element < ElementType.Boolean || element > ElementType.Double)
                throw new ArgumentException("Object must be an array of primitives.", parameter);
            return (nuint)array.Length * mt->ComponentSize;
        }

        private static void ThrowOutOfRange(string parameter) =>
            throw new ArgumentOutOfRangeException(parameter);

        private static void ThrowNegative(string parameter, int value) =>
            throw new ArgumentOutOfRangeException(parameter, value, parameter + " ('" + value.ToString() + "') must be a non-negative value.");
    }
}
