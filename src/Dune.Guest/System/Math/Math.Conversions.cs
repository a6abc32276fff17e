namespace System
{
    /// <summary>Checked double-to-integer conversions: ilc calls these by name for `checked((int)d)` and friends.</summary>
    public static partial class Math
    {
        // Bounds are the first doubles outside each range, so every in-range value (after truncation) passes.
        internal static int ConvertToInt32Checked(double value)
        {
            if (value > -2147483649.0 && value < 2147483648.0) return (int)value;
            throw new OverflowException();
        }

        internal static uint ConvertToUInt32Checked(double value)
        {
            if (value > -1.0 && value < 4294967296.0) return (uint)value;
            throw new OverflowException();
        }

        internal static long ConvertToInt64Checked(double value)
        {
            if (value > -9223372036854777856.0 && value < 9223372036854775808.0) return (long)value;
            throw new OverflowException();
        }

        internal static ulong ConvertToUInt64Checked(double value)
        {
            if (value > -1.0 && value < 18446744073709551616.0) return (ulong)value;
            throw new OverflowException();
        }
    }
}
