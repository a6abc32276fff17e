using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.Metadata;

namespace System
{
    /// <summary>
    /// Enum names, formatting and parsing over the members recorded in the generated type metadata
    /// (Runtime/Metadata). Values are handled as 64-bit patterns, sign-extended for signed underlying types, so
    /// that unsigned ordering and bit tests agree with .NET's at the enum's own width.
    /// </summary>
    public abstract unsafe partial class Enum : ValueType
    {
        private ulong Bits => EnumInfo.ReadBits(ref Unsafe.As<RawData>(this).Data, MethodTable->ElementType);

        public override string ToString() => Format(MethodTable, Bits, 'G');

        public string ToString(string format)
        {
            if (format == null || format.Length == 0) return ToString();
            if (format.Length == 1)
            {
                char f = format[0];
                switch (f)
                {
                    case 'G': case 'g': return Format(MethodTable, Bits, 'G');
                    case 'D': case 'd': return Format(MethodTable, Bits, 'D');
                    case 'X': case 'x': return Format(MethodTable, Bits, 'X');
                    case 'F': case 'f': return Format(MethodTable, Bits, 'F');
                }
            }
            throw new FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }

        public bool HasFlag(Enum flag)
        {
            if (flag is null) throw new ArgumentNullException(nameof(flag));
            if (flag.MethodTable != MethodTable)
                throw new ArgumentException("The argument type, '" + Type.NameOf(flag.MethodTable) + "', is not the same as the enum type '" + Type.NameOf(MethodTable) + "'.");
            ulong bits = flag.Bits;
            return (Bits & bits) == bits;
        }

        public static string GetName<TEnum>(TEnum value) where TEnum : struct, Enum
        {
            EnumInfo info = EnumInfo.Of(Internal.Runtime.MethodTable.Of<TEnum>());
            int index = info.IndexOf(BitsOf(ref value));
            return index < 0 ? null : info.Names[index];
        }

        public static string[] GetNames<TEnum>() where TEnum : struct, Enum
        {
            string[] names = EnumInfo.Of(Internal.Runtime.MethodTable.Of<TEnum>()).Names;
            string[] copy = new string[names.Length];
            for (int i = 0; i < names.Length; i++) copy[i] = names[i];
            return copy;
        }

        public static TEnum[] GetValues<TEnum>() where TEnum : struct, Enum
        {
            ulong[] values = EnumInfo.Of(Internal.Runtime.MethodTable.Of<TEnum>()).Values;
            TEnum[] result = new TEnum[values.Length];
            for (int i = 0; i < values.Length; i++) result[i] = FromBits<TEnum>(values[i]);
            return result;
        }

        public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum =>
            EnumInfo.Of(Internal.Runtime.MethodTable.Of<TEnum>()).IndexOf(BitsOf(ref value)) >= 0;

        public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => Parse<TEnum>(value, false);

        public static TEnum Parse<TEnum>(string value, bool ignoreCase) where TEnum : struct, Enum
        {
            EnumParser.Parse(Internal.Runtime.MethodTable.Of<TEnum>(), value, ignoreCase, throwOnFailure: true, out ulong bits);
            return FromBits<TEnum>(bits);
        }

        public static bool TryParse<TEnum>(string value, out TEnum result) where TEnum : struct, Enum => TryParse(value, false, out result);

        public static bool TryParse<TEnum>(string value, bool ignoreCase, out TEnum result) where TEnum : struct, Enum
        {
            bool parsed = EnumParser.Parse(Internal.Runtime.MethodTable.Of<TEnum>(), value, ignoreCase, throwOnFailure: false, out ulong bits);
            result = parsed ? FromBits<TEnum>(bits) : default;
            return parsed;
        }

        private static ulong BitsOf<TEnum>(ref TEnum value) => EnumInfo.ReadBits(ref Unsafe.As<TEnum, byte>(ref value), Internal.Runtime.MethodTable.Of<TEnum>()->ElementType);

        private static TEnum FromBits<TEnum>(ulong bits)
        {
            TEnum result = default;
            ref byte data = ref Unsafe.As<TEnum, byte>(ref result);
            switch (EnumInfo.SizeOf(Internal.Runtime.MethodTable.Of<TEnum>()->ElementType))
            {
                case 1: data = (byte)bits; break;
                case 2: Unsafe.As<byte, ushort>(ref data) = (ushort)bits; break;
                case 4: Unsafe.As<byte, uint>(ref data) = (uint)bits; break;
                default: Unsafe.As<byte, ulong>(ref data) = bits; break;
            }
            return result;
        }

        /// <summary>'G' (name, [Flags] combination or number), 'D' (number), 'X' (hex at the type's width), 'F' (combination).</summary>
        internal static string Format(MethodTable* type, ulong bits, char format)
        {
            ElementType underlying = type->ElementType;
            if (format == 'D') return Decimal(bits, underlying);
            if (format == 'X')
            {
                int size = EnumInfo.SizeOf(underlying);
                if (size < 8) bits &= (1UL << (size * 8)) - 1;
                return bits.ToString(size == 1 ? "X2" : size == 2 ? "X4" : size == 4 ? "X8" : "X16");
            }
            EnumInfo info = EnumInfo.Of(type);
            if (format == 'G' && !info.IsFlags)
            {
                int index = info.IndexOf(bits);
                return index >= 0 ? info.Names[index] : Decimal(bits, underlying);
            }
            return FlagNames(info, bits) ?? Decimal(bits, underlying);
        }

        private static string Decimal(ulong bits, ElementType underlying) =>
            EnumInfo.IsSigned(underlying) ? Number.Format((long)bits) : Number.Format(bits);

        /// <summary>"A, B" for a value made of named members (largest first, printed in ascending order); null if bits remain.</summary>
        private static string FlagNames(EnumInfo info, ulong value)
        {
            ulong[] values = info.Values;
            string[] names = info.Names;
            if (value == 0) return values.Length > 0 && values[0] == 0 ? names[0] : "0";
            int index = values.Length - 1;
            while (index >= 0)
            {
                if (values[index] == value) return names[index];
                if (values[index] < value) break;
                index--;
            }
            int* found = stackalloc int[64];
            int count = 0;
            for (; index >= 0; index--)
            {
                ulong current = values[index];
                if (index == 0 && current == 0) break;
                if ((value & current) == current)
                {
                    value &= ~current;
                    found[count++] = index;
                }
            }
            if (value != 0) return null;
            string[] parts = new string[count * 2 - 1];
            for (int i = 0; i < count; i++)
            {
                if (i > 0) parts[i * 2 - 1] = ", ";
                parts[i * 2] = names[found[count - 1 - i]];
            }
            return string.Concat(parts);
        }
    }
}
