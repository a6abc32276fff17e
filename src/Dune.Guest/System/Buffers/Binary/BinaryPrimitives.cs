using System.Runtime.InteropServices;

namespace System.Buffers.Binary
{
    /// <summary>Fixed-endianness integer reads and writes on byte spans; the host (x86-64) is little-endian.</summary>
    public static class BinaryPrimitives
    {
        public static sbyte ReverseEndianness(sbyte value) => value;
        public static byte ReverseEndianness(byte value) => value;
        public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);
        public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) | (value << 8));
        public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);
        public static uint ReverseEndianness(uint value) =>
            (value >> 24) | ((value >> 8) & 0xFF00) | ((value << 8) & 0xFF0000) | (value << 24);
        public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);
        public static ulong ReverseEndianness(ulong value) => ((ulong)ReverseEndianness((uint)value) << 32) | ReverseEndianness((uint)(value >> 32));
        public static nint ReverseEndianness(nint value) => (nint)ReverseEndianness((long)value);
        public static nuint ReverseEndianness(nuint value) => (nuint)ReverseEndianness((ulong)value);

        public static float ReadSingleLittleEndian(ReadOnlySpan<byte> source) => MemoryMarshal.Read<float>(source);
        public static float ReadSingleBigEndian(ReadOnlySpan<byte> source) => BitConverter.Int32BitsToSingle(ReadInt32BigEndian(source));
        public static double ReadDoubleLittleEndian(ReadOnlySpan<byte> source) => MemoryMarshal.Read<double>(source);
        public static double ReadDoubleBigEndian(ReadOnlySpan<byte> source) => BitConverter.Int64BitsToDouble(ReadInt64BigEndian(source));
        public static void WriteSingleLittleEndian(Span<byte> destination, float value) => MemoryMarshal.Write(destination, in value);
        public static void WriteSingleBigEndian(Span<byte> destination, float value) => WriteInt32BigEndian(destination, BitConverter.SingleToInt32Bits(value));
        public static void WriteDoubleLittleEndian(Span<byte> destination, double value) => MemoryMarshal.Write(destination, in value);
        public static void WriteDoubleBigEndian(Span<byte> destination, double value) => WriteInt64BigEndian(destination, BitConverter.DoubleToInt64Bits(value));

        public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source) { short v = MemoryMarshal.Read<short>(source); return v; }
        public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value) { bool ok = MemoryMarshal.TryRead(source, out short v); value = v; return ok; }
        public static void WriteInt16LittleEndian(Span<byte> destination, short value) { short v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value) { short v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) { short v = MemoryMarshal.Read<short>(source); return ReverseEndianness(v); }
        public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value) { bool ok = MemoryMarshal.TryRead(source, out short v); value = ReverseEndianness(v); return ok; }
        public static void WriteInt16BigEndian(Span<byte> destination, short value) { short v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt16BigEndian(Span<byte> destination, short value) { short v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) { ushort v = MemoryMarshal.Read<ushort>(source); return v; }
        public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value) { bool ok = MemoryMarshal.TryRead(source, out ushort v); value = v; return ok; }
        public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value) { ushort v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value) { ushort v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) { ushort v = MemoryMarshal.Read<ushort>(source); return ReverseEndianness(v); }
        public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value) { bool ok = MemoryMarshal.TryRead(source, out ushort v); value = ReverseEndianness(v); return ok; }
        public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) { ushort v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value) { ushort v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) { int v = MemoryMarshal.Read<int>(source); return v; }
        public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value) { bool ok = MemoryMarshal.TryRead(source, out int v); value = v; return ok; }
        public static void WriteInt32LittleEndian(Span<byte> destination, int value) { int v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value) { int v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) { int v = MemoryMarshal.Read<int>(source); return ReverseEndianness(v); }
        public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value) { bool ok = MemoryMarshal.TryRead(source, out int v); value = ReverseEndianness(v); return ok; }
        public static void WriteInt32BigEndian(Span<byte> destination, int value) { int v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt32BigEndian(Span<byte> destination, int value) { int v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) { uint v = MemoryMarshal.Read<uint>(source); return v; }
        public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value) { bool ok = MemoryMarshal.TryRead(source, out uint v); value = v; return ok; }
        public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) { uint v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value) { uint v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) { uint v = MemoryMarshal.Read<uint>(source); return ReverseEndianness(v); }
        public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value) { bool ok = MemoryMarshal.TryRead(source, out uint v); value = ReverseEndianness(v); return ok; }
        public static void WriteUInt32BigEndian(Span<byte> destination, uint value) { uint v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value) { uint v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source) { long v = MemoryMarshal.Read<long>(source); return v; }
        public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value) { bool ok = MemoryMarshal.TryRead(source, out long v); value = v; return ok; }
        public static void WriteInt64LittleEndian(Span<byte> destination, long value) { long v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value) { long v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) { long v = MemoryMarshal.Read<long>(source); return ReverseEndianness(v); }
        public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value) { bool ok = MemoryMarshal.TryRead(source, out long v); value = ReverseEndianness(v); return ok; }
        public static void WriteInt64BigEndian(Span<byte> destination, long value) { long v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteInt64BigEndian(Span<byte> destination, long value) { long v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) { ulong v = MemoryMarshal.Read<ulong>(source); return v; }
        public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value) { bool ok = MemoryMarshal.TryRead(source, out ulong v); value = v; return ok; }
        public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) { ulong v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value) { ulong v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) { ulong v = MemoryMarshal.Read<ulong>(source); return ReverseEndianness(v); }
        public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value) { bool ok = MemoryMarshal.TryRead(source, out ulong v); value = ReverseEndianness(v); return ok; }
        public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) { ulong v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value) { ulong v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static nint ReadIntPtrLittleEndian(ReadOnlySpan<byte> source) { nint v = MemoryMarshal.Read<nint>(source); return v; }
        public static bool TryReadIntPtrLittleEndian(ReadOnlySpan<byte> source, out nint value) { bool ok = MemoryMarshal.TryRead(source, out nint v); value = v; return ok; }
        public static void WriteIntPtrLittleEndian(Span<byte> destination, nint value) { nint v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteIntPtrLittleEndian(Span<byte> destination, nint value) { nint v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static nint ReadIntPtrBigEndian(ReadOnlySpan<byte> source) { nint v = MemoryMarshal.Read<nint>(source); return ReverseEndianness(v); }
        public static bool TryReadIntPtrBigEndian(ReadOnlySpan<byte> source, out nint value) { bool ok = MemoryMarshal.TryRead(source, out nint v); value = ReverseEndianness(v); return ok; }
        public static void WriteIntPtrBigEndian(Span<byte> destination, nint value) { nint v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteIntPtrBigEndian(Span<byte> destination, nint value) { nint v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
        public static nuint ReadUIntPtrLittleEndian(ReadOnlySpan<byte> source) { nuint v = MemoryMarshal.Read<nuint>(source); return v; }
        public static bool TryReadUIntPtrLittleEndian(ReadOnlySpan<byte> source, out nuint value) { bool ok = MemoryMarshal.TryRead(source, out nuint v); value = v; return ok; }
        public static void WriteUIntPtrLittleEndian(Span<byte> destination, nuint value) { nuint v = value; MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUIntPtrLittleEndian(Span<byte> destination, nuint value) { nuint v = value; return MemoryMarshal.TryWrite(destination, in v); }
        public static nuint ReadUIntPtrBigEndian(ReadOnlySpan<byte> source) { nuint v = MemoryMarshal.Read<nuint>(source); return ReverseEndianness(v); }
        public static bool TryReadUIntPtrBigEndian(ReadOnlySpan<byte> source, out nuint value) { bool ok = MemoryMarshal.TryRead(source, out nuint v); value = ReverseEndianness(v); return ok; }
        public static void WriteUIntPtrBigEndian(Span<byte> destination, nuint value) { nuint v = ReverseEndianness(value); MemoryMarshal.Write(destination, in v); }
        public static bool TryWriteUIntPtrBigEndian(Span<byte> destination, nuint value) { nuint v = ReverseEndianness(value); return MemoryMarshal.TryWrite(destination, in v); }
    }
}
