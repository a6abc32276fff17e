using System;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.Metadata
{
    /// <summary>
    /// An enum's members as Enum's methods need them: values (sign-extended to 64 bits for signed underlying
    /// types) sorted by unsigned value, names in the same order, and whether it carries [Flags]. Read once per
    /// enum type from the generated tables and cached.
    /// </summary>
    internal sealed unsafe class EnumInfo
    {
        private static EnumInfo[] s_cache;
        private static int s_cacheCount;

        public readonly MethodTable* Type;
        public readonly ulong[] Values;
        public readonly string[] Names;
        public readonly bool IsFlags;

        private EnumInfo(MethodTable* type, ulong[] values, string[] names, bool isFlags)
        {
            Type = type;
            Values = values;
            Names = names;
            IsFlags = isFlags;
        }

        public static EnumInfo Of(MethodTable* type)
        {
            for (int i = 0; i < s_cacheCount; i++)
                if (s_cache[i].Type == type) return s_cache[i];
            EnumInfo info;
            if (TypeMetadataRegistry.TryFind(type->HashCode, out TypeMetadataRecord record) && record.IsEnum)
            {
                record.ReadEnumMembers(out ulong[] values, out string[] names);
                info = new EnumInfo(type, values, names, record.HasFlagsAttribute);
            }
            else
            {
                info = new EnumInfo(type, new ulong[0], new string[0], false);
            }
            if (s_cache == null || s_cacheCount == s_cache.Length)
            {
                EnumInfo[] grown = new EnumInfo[s_cache == null ? 8 : s_cache.Length * 2];
                for (int i = 0; i < s_cacheCount; i++) grown[i] = s_cache[i];
                s_cache = grown;
            }
            s_cache[s_cacheCount++] = info;
            return info;
        }

        /// <summary>Index of the first member with this value, or -1 (binary search over the sorted values).</summary>
        public int IndexOf(ulong value)
        {
            int lo = 0, hi = Values.Length - 1;
            while (lo <= hi)
            {
                int mid = (int)((uint)(lo + hi) >> 1);
                if (Values[mid] < value) lo = mid + 1; else hi = mid - 1;
            }
            return lo < Values.Length && Values[lo] == value ? lo : -1;
        }

        /// <summary>The value's bits, sign-extended for signed underlying types.</summary>
        public static ulong ReadBits(ref byte data, ElementType underlying)
        {
            switch (underlying)
            {
                case ElementType.SByte: return (ulong)(long)Unsafe.As<byte, sbyte>(ref data);
                case ElementType.Int16: return (ulong)(long)Unsafe.As<byte, short>(ref data);
                case ElementType.UInt16: case ElementType.Char: return Unsafe.As<byte, ushort>(ref data);
                case ElementType.Int32: return (ulong)(long)Unsafe.As<byte, int>(ref data);
                case ElementType.UInt32: return Unsafe.As<byte, uint>(ref data);
                case ElementType.Int64: case ElementType.IntPtr: return (ulong)Unsafe.As<byte, long>(ref data);
                case ElementType.UInt64: case ElementType.UIntPtr: return Unsafe.As<byte, ulong>(ref data);
                default: return data;
            }
        }

        public static bool IsSigned(ElementType underlying) =>
            underlying == ElementType.SByte || underlying == ElementType.Int16 || underlying == ElementType.Int32 ||
            underlying == ElementType.Int64 || underlying == ElementType.IntPtr;

        /// <summary>Size in bytes of the underlying type.</summary>
        public static int SizeOf(ElementType underlying)
        {
            switch (underlying)
            {
                case ElementType.SByte: case ElementType.Byte: case ElementType.Boolean: return 1;
                case ElementType.Int16: case ElementType.UInt16: case ElementType.Char: return 2;
                case ElementType.Int32: case ElementType.UInt32: return 4;
                default: return 8;
            }
        }
    }
}
