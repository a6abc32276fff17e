namespace Dune.Runtime.NativeFormat
{
    /// <summary>Decoders for the variable-length integers of DWARF (LEB128) and of ilc's NativeFormat tables.</summary>
    internal static unsafe class NativeReader
    {
        public static ulong Uleb128(ref byte* p)
        {
            ulong result = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                result |= (ulong)(b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return result;
        }

        public static long Sleb128(ref byte* p)
        {
            long result = 0;
            int shift = 0;
            byte b;
            do
            {
                b = *p++;
                result |= (long)(b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
            return result;
        }

        /// <summary>NativeFormat unsigned: the count of low one-bits in the first byte says how many bytes follow.</summary>
        public static uint NativeUnsigned(ref byte* p)
        {
            uint b0 = p[0];
            if ((b0 & 1) == 0) { p += 1; return b0 >> 1; }
            if ((b0 & 2) == 0) { uint v = (b0 >> 2) | ((uint)p[1] << 6); p += 2; return v; }
            if ((b0 & 4) == 0) { uint v = (b0 >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13); p += 3; return v; }
            if ((b0 & 8) == 0) { uint v = (b0 >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20); p += 4; return v; }
            uint w = (uint)(p[1] | p[2] << 8 | p[3] << 16 | p[4] << 24);
            p += 5;
            return w;
        }

        /// <summary>NativeFormat signed integer: the unsigned encoding, sign-extended from the width it occupied.</summary>
        public static int NativeSigned(ref byte* p)
        {
            byte* start = p;
            uint v = NativeUnsigned(ref p);
            int bits = (int)(p - start) * 7;
            if (bits >= 32) return (int)v;
            return (int)(v << (32 - bits)) >> (32 - bits);
        }

        /// <summary>A 32-bit offset relative to its own location (unaligned).</summary>
        public static byte* RelativePointer(byte* p) => p + *(int*)p;
    }
}
