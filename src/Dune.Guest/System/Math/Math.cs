using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Integer and sign helpers of System.Math; the floating-point functions live in the other Math.*.cs files.</summary>
    public static partial class Math
    {
        public const double E = 2.7182818284590452354;
        public const double PI = 3.14159265358979323846;
        public const double Tau = 6.283185307179586476925;

        public static sbyte Abs(sbyte value) { if (value < 0) { value = (sbyte)-value; if (value < 0) ThrowNegateTwosCompOverflow(); } return value; }
        public static short Abs(short value) { if (value < 0) { value = (short)-value; if (value < 0) ThrowNegateTwosCompOverflow(); } return value; }
        public static int Abs(int value) { if (value < 0) { value = -value; if (value < 0) ThrowNegateTwosCompOverflow(); } return value; }
        public static long Abs(long value) { if (value < 0) { value = -value; if (value < 0) ThrowNegateTwosCompOverflow(); } return value; }
        public static nint Abs(nint value) { if (value < 0) { value = -value; if (value < 0) ThrowNegateTwosCompOverflow(); } return value; }
        [Intrinsic] public static double Abs(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & long.MaxValue);
        [Intrinsic] public static float Abs(float value) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & int.MaxValue);

        public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;
        public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;
        public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;
        public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;
        public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;
        public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;
        public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;
        public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;
        public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;
        public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;

        public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;
        public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;
        public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;
        public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;
        public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;
        public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;
        public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;
        public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;
        public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;
        public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;

        // IEEE 754:2019 maximum/minimum: NaN propagates, and +0 is larger than -0.
        public static double Max(double val1, double val2)
        {
            if (val1 != val2) return double.IsNaN(val1) ? val1 : (val2 < val1 ? val1 : val2);
            return double.IsNegative(val2) ? val1 : val2;
        }

        public static float Max(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : (val2 < val1 ? val1 : val2);
            return float.IsNegative(val2) ? val1 : val2;
        }

        public static double Min(double val1, double val2)
        {
            if (val1 != val2 && !double.IsNaN(val1)) return val1 < val2 ? val1 : val2;
            return double.IsNegative(val1) ? val1 : val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 != val2 && !float.IsNaN(val1)) return val1 < val2 ? val1 : val2;
            return float.IsNegative(val1) ? val1 : val2;
        }

        public static int Sign(sbyte value) => value > 0 ? 1 : value < 0 ? -1 : 0;
        public static int Sign(short value) => value > 0 ? 1 : value < 0 ? -1 : 0;
        public static int Sign(int value) => (value >> 31) | (int)((uint)-value >> 31);
        public static int Sign(long value) => (int)((value >> 63) | (long)((ulong)-value >> 63));
        public static int Sign(nint value) => Sign((long)value);
        public static int Sign(double value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static int Sign(float value) => Sign((double)value);

        public static byte Clamp(byte value, byte min, byte max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static sbyte Clamp(sbyte value, sbyte min, sbyte max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static short Clamp(short value, short min, short max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static ushort Clamp(ushort value, ushort min, ushort max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static int Clamp(int value, int min, int max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static uint Clamp(uint value, uint min, uint max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static long Clamp(long value, long min, long max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static ulong Clamp(ulong value, ulong min, ulong max) { if (min > max) ThrowMinMaxException(min.ToString(), max.ToString()); return value < min ? min : value > max ? max : value; }
        public static nint Clamp(nint value, nint min, nint max) { if (min > max) ThrowMinMaxException(min, max); return value < min ? min : value > max ? max : value; }
        public static nuint Clamp(nuint value, nuint min, nuint max) { if (min > max) ThrowMinMaxException(min.ToString(), max.ToString()); return value < min ? min : value > max ? max : value; }

        // NaN bounds are allowed (they compare false); only an ordered min > max is an error.
        public static double Clamp(double value, double min, double max)
        {
            if (min > max) ThrowMinMaxException(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static float Clamp(float value, float min, float max)
        {
            if (min > max) ThrowMinMaxException(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static int DivRem(int a, int b, out int result) { int q = a / b; result = a - q * b; return q; }
        public static long DivRem(long a, long b, out long result) { long q = a / b; result = a - q * b; return q; }

        public static long BigMul(int a, int b) => (long)a * b;
        public static ulong BigMul(uint a, uint b) => (ulong)a * b;

        /// <summary>High 64 bits of the 128-bit product; <paramref name="low"/> gets the low 64 bits.</summary>
        public static ulong BigMul(ulong a, ulong b, out ulong low)
        {
            ulong al = (uint)a, ah = a >> 32, bl = (uint)b, bh = b >> 32;
            ulong ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
            ulong mid = (ll >> 32) + (uint)lh + (uint)hl;
            low = (mid << 32) | (uint)ll;
            return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        }

        public static long BigMul(long a, long b, out long low)
        {
            ulong high = BigMul((ulong)a, (ulong)b, out ulong ulow);
            low = (long)ulow;
            // Signed correction: subtract the other operand from the high half for each negative operand.
            return (long)high - ((a >> 63) & b) - ((b >> 63) & a);
        }

        private static void ThrowNegateTwosCompOverflow() =>
            throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");

        private static void ThrowMinMaxException(long min, long max) => ThrowMinMaxException(min.ToString(), max.ToString());

        private static void ThrowMinMaxException(string min, string max) =>
            throw new ArgumentException("'" + min + "' cannot be greater than " + max + ".");
    }
}
