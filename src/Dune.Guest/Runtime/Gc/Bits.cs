namespace Internal.Runtime.Gc
{
    /// <summary>Bit counting for the collector's bitmaps (branch-free, no instruction-set dependence).</summary>
    internal static class Bits
    {
        public static uint Count(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
            return (uint)((value * 0x0101010101010101UL) >> 56);
        }

        /// <summary>Index of the lowest set bit; 64 for zero.</summary>
        public static uint TrailingZeros(ulong value) => Count((value & (0UL - value)) - 1);
    }
}
