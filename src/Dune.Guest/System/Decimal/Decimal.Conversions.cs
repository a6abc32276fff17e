namespace System
{
    public readonly partial struct Decimal
    {
        public static implicit operator decimal(byte value) => new decimal((uint)value);
        public static implicit operator decimal(sbyte value) => new decimal((int)value);
        public static implicit operator decimal(short value) => new decimal((int)value);
        public static implicit operator decimal(ushort value) => new decimal((uint)value);
        public static implicit operator decimal(char value) => new decimal((uint)value);
        public static implicit operator decimal(int value) => new decimal(value);
        public static implicit operator decimal(uint value) => new decimal(value);
        public static implicit operator decimal(long value) => new decimal(value);
        public static implicit operator decimal(ulong value) => new decimal(value);
        public static explicit operator decimal(float value) => new decimal(value);
        public static explicit operator decimal(double value) => new decimal(value);

        public static explicit operator byte(decimal value) => ToByte(value);
        public static explicit operator sbyte(decimal value) => ToSByte(value);
        public static explicit operator short(decimal value) => ToInt16(value);
        public static explicit operator ushort(decimal value) => ToUInt16(value);
        public static explicit operator char(decimal value) => (char)DecimalConversion.ToUInt64(value, 0xFFFF, "a character");
        public static explicit operator int(decimal value) => ToInt32(value);
        public static explicit operator uint(decimal value) => ToUInt32(value);
        public static explicit operator long(decimal value) => ToInt64(value);
        public static explicit operator ulong(decimal value) => ToUInt64(value);
        public static explicit operator float(decimal value) => ToSingle(value);
        public static explicit operator double(decimal value) => ToDouble(value);

        public static byte ToByte(decimal value) => (byte)DecimalConversion.ToUInt64(value, 0xFF, "an unsigned byte");
        public static sbyte ToSByte(decimal value) => (sbyte)DecimalConversion.ToInt64(value, -128, 127, "a signed byte");
        public static short ToInt16(decimal d) => (short)DecimalConversion.ToInt64(d, -32768, 32767, "an Int16");
        public static ushort ToUInt16(decimal d) => (ushort)DecimalConversion.ToUInt64(d, 0xFFFF, "a UInt16");
        public static int ToInt32(decimal d) => (int)DecimalConversion.ToInt64(d, int.MinValue, int.MaxValue, "an Int32");
        public static uint ToUInt32(decimal d) => (uint)DecimalConversion.ToUInt64(d, uint.MaxValue, "a UInt32");
        public static long ToInt64(decimal d) => DecimalConversion.ToInt64(d, long.MinValue, long.MaxValue, "an Int64");
        public static ulong ToUInt64(decimal d) => DecimalConversion.ToUInt64(d, ulong.MaxValue, "a UInt64");
        public static double ToDouble(decimal d) => DecimalConversion.ToDouble(d);
        public static float ToSingle(decimal d) => (float)DecimalConversion.ToDouble(d);
    }
}
