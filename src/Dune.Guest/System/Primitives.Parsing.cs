using System.Globalization;

namespace System
{
    // Parse and TryParse of the numeric types: integers through Number.TryParseInteger, double and float through
    // Number.TryParseFloating (correctly rounded). Invariant culture only.
    public partial struct SByte
    {
        public static sbyte Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static sbyte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static sbyte Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 8, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "a signed byte");
            return (sbyte)bits;
        }
        public static bool TryParse(string s, out sbyte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out sbyte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out sbyte result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 8, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (sbyte)bits;
            return true;
        }
    }

    public partial struct Byte
    {
        public static byte Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static byte Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static byte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static byte Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 8, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "an unsigned byte");
            return (byte)bits;
        }
        public static bool TryParse(string s, out byte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out byte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out byte result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 8, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (byte)bits;
            return true;
        }
    }

    public partial struct Int16
    {
        public static short Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static short Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static short Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static short Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 16, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "an Int16");
            return (short)bits;
        }
        public static bool TryParse(string s, out short result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out short result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out short result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 16, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (short)bits;
            return true;
        }
    }

    public partial struct UInt16
    {
        public static ushort Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static ushort Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ushort Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static ushort Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 16, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "a UInt16");
            return (ushort)bits;
        }
        public static bool TryParse(string s, out ushort result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out ushort result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out ushort result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 16, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (ushort)bits;
            return true;
        }
    }

    public partial struct Int32
    {
        public static int Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static int Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static int Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static int Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 32, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "an Int32");
            return (int)bits;
        }
        public static bool TryParse(string s, out int result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out int result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out int result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 32, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (int)bits;
            return true;
        }
    }

    public partial struct UInt32
    {
        public static uint Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static uint Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static uint Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static uint Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 32, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "a UInt32");
            return (uint)bits;
        }
        public static bool TryParse(string s, out uint result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out uint result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out uint result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 32, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (uint)bits;
            return true;
        }
    }

    public partial struct Int64
    {
        public static long Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static long Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static long Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static long Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 64, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "an Int64");
            return (long)bits;
        }
        public static bool TryParse(string s, out long result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out long result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out long result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), true, 64, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (long)bits;
            return true;
        }
    }

    public partial struct UInt64
    {
        public static ulong Parse(string s) => Parse(s, NumberStyles.Integer, null);
        public static ulong Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static ulong Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static ulong Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ValidateIntegerStyle(style);
            Number.ParseStatus status = Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 64, out ulong bits);
            if (status != Number.ParseStatus.OK) Number.ThrowParseError(status, s, "a UInt64");
            return (ulong)bits;
        }
        public static bool TryParse(string s, out ulong result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out ulong result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out ulong result) => TryParse(s, NumberStyles.Integer, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            Number.ValidateIntegerStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result, bool isNull)
        {
            if (isNull || Number.TryParseInteger(s, style, NumberFormatInfo.GetInstance(provider), false, 64, out ulong bits) != Number.ParseStatus.OK) { result = 0; return false; }
            result = (ulong)bits;
            return true;
        }
    }

    public unsafe partial struct Double
    {
        public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static double Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static double Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static double Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static double Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static double Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
        {
            Number.ValidateFloatStyle(style);
            if (!Number.TryParseFloating(s, style, NumberFormatInfo.GetInstance(provider), 52, 11, out ulong bits)) throw Number.InputFormatException(s);
            return *(double*)&bits;
        }
        public static bool TryParse(string s, out double result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out double result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            Number.ValidateFloatStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result)
        {
            Number.ValidateFloatStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result, bool isNull)
        {
            if (isNull || !Number.TryParseFloating(s, style, NumberFormatInfo.GetInstance(provider), 52, 11, out ulong bits)) { result = 0; return false; }
            result = *(double*)&bits;
            return true;
        }
    }

    public unsafe partial struct Single
    {
        public static float Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static float Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static float Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static float Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException("s");
            return Parse((ReadOnlySpan<char>)s, style, provider);
        }
        public static float Parse(ReadOnlySpan<char> s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static float Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
        {
            Number.ValidateFloatStyle(style);
            if (!Number.TryParseFloating(s, style, NumberFormatInfo.GetInstance(provider), 23, 8, out ulong bits)) throw Number.InputFormatException(s);
            uint narrow = (uint)bits;
            return *(float*)&narrow;
        }
        public static bool TryParse(string s, out float result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result, false);
        public static bool TryParse(string s, IFormatProvider provider, out float result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result, s == null);
        public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider provider, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider, out result, false);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            Number.ValidateFloatStyle(style);
            return TryParse((ReadOnlySpan<char>)s, style, provider, out result, s == null);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out float result)
        {
            Number.ValidateFloatStyle(style);
            return TryParse(s, style, provider, out result, false);
        }

        private static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out float result, bool isNull)
        {
            if (isNull || !Number.TryParseFloating(s, style, NumberFormatInfo.GetInstance(provider), 23, 8, out ulong bits)) { result = 0; return false; }
            uint narrow = (uint)bits;
            result = *(float*)&narrow;
            return true;
        }
    }

    public partial struct Boolean
    {
        public static bool Parse(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return Parse((ReadOnlySpan<char>)value);
        }

        public static bool Parse(ReadOnlySpan<char> value)
        {
            if (!TryParse(value, out bool result)) throw new FormatException("String '" + string.FromSpan(value) + "' was not recognized as a valid Boolean.");
            return result;
        }

        public static bool TryParse(string value, out bool result)
        {
            if (value == null) { result = false; return false; }
            return TryParse((ReadOnlySpan<char>)value, out result);
        }

        /// <summary>"True" or "False" in any case, with surrounding whitespace and NULs ignored.</summary>
        public static bool TryParse(ReadOnlySpan<char> value, out bool result)
        {
            int start = 0, end = value.Length;
            while (start < end && (Number.IsWhite(value[start]) || value[start] == '\0')) start++;
            while (end > start && (Number.IsWhite(value[end - 1]) || value[end - 1] == '\0')) end--;
            ReadOnlySpan<char> t = value.Slice(start, end - start);
            result = t.Length == 4 && Is(t, "true");
            return result || (t.Length == 5 && Is(t, "false"));
        }

        private static bool Is(ReadOnlySpan<char> s, string lower)
        {
            for (int i = 0; i < s.Length; i++) if ((s[i] | 0x20) != lower[i]) return false;
            return true;
        }
    }

    public partial struct Char
    {
        public static char Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (s.Length != 1) throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            if (s == null || s.Length != 1) { result = '\0'; return false; }
            result = s[0];
            return true;
        }
    }
}
