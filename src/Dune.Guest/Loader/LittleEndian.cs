using System;

namespace Dune.Loader
{
    /// <summary>Little-endian reads and writes at offsets the caller has already bounds-checked.</summary>
    internal static class LittleEndian
    {
        public static ushort U16(ReadOnlySpan<byte> b, int at) => (ushort)(b[at] | b[at + 1] << 8);

        public static uint U32(ReadOnlySpan<byte> b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

        public static ulong U64(ReadOnlySpan<byte> b, int at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

        public static void Write(Span<byte> b, int at, ulong value)
        {
            for (int i = 0; i < 8; i++) b[at + i] = (byte)(value >> (8 * i));
        }
    }
}
