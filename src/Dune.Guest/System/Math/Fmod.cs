using System.Runtime;

namespace System
{
    /// <summary>
    /// The C remainder functions ilc calls for `%` on double and float. The result is always exactly
    /// representable, so it is computed exactly: integer long division of the significands.
    /// </summary>
    internal static class Fmod
    {
        [RuntimeExport("fmod")]
        internal static double Remainder(double x, double y)
        {
            ulong xBits = (ulong)BitConverter.DoubleToInt64Bits(x) & 0x7FFFFFFFFFFFFFFFUL;
            ulong yBits = (ulong)BitConverter.DoubleToInt64Bits(y) & 0x7FFFFFFFFFFFFFFFUL;
            if (yBits == 0 || xBits >= 0x7FF0000000000000UL || yBits > 0x7FF0000000000000UL) return (x * y) / (x * y);
            if (xBits < yBits) return x; // includes y infinite
            Split(xBits, out ulong mx, out int ex);
            Split(yBits, out ulong my, out int ey);
            // ex >= ey here, because |x| >= |y|.
            ulong r = mx % my;
            for (int diff = ex - ey; diff > 0 && r != 0;)
            {
                int step = diff < 11 ? diff : 11; // r < 2^53, so r << 11 fits in 64 bits
                r = (r << step) % my;
                diff -= step;
            }
            double magnitude = Math.ScaleB(r, ey); // exact: the remainder is representable
            return x < 0 ? -magnitude : magnitude;
        }

        [RuntimeExport("fmodf")]
        internal static float Remainder(float x, float y) => (float)Remainder((double)x, (double)y);

        /// <summary>value = significand * 2^exponent, with the significand's implicit bit for normals.</summary>
        private static void Split(ulong bits, out ulong significand, out int exponent)
        {
            int biased = (int)(bits >> 52);
            significand = bits & 0xFFFFFFFFFFFFFUL;
            if (biased == 0) exponent = -1074;
            else { significand |= 1UL << 52; exponent = biased - 1075; }
        }
    }
}
