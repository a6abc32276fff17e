using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Field-wise Equals and GetHashCode of structs that do not override them. ilc generates an override of
    /// __GetFieldHelper in every value type whose bytes cannot simply be compared (reference, float or double
    /// fields, padding, overlapping fields, fields with their own Equals); the others keep the base version and
    /// compare and hash their raw bytes.
    /// </summary>
    public abstract unsafe partial class ValueType
    {
        private const int CompareRawBytes = -1;
        private const int GetFieldCount = -1;

        /// <summary>
        /// ilc's generated override: with index -1 returns the number of instance fields; with a field index returns
        /// the field's offset in the value and its type (Object for references, the underlying type for enums,
        /// IntPtr for pointers).
        /// </summary>
        internal virtual int __GetFieldHelper(int index, out MethodTable* fieldType)
        {
            fieldType = null;
            return CompareRawBytes;
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.MethodTable != MethodTable) return false;
            ref byte a = ref Unsafe.As<RawData>(this).Data, b = ref Unsafe.As<RawData>(obj).Data;
            int fields = __GetFieldHelper(GetFieldCount, out _);
            if (fields == CompareRawBytes) return BytesEqual(ref a, ref b, TypeLayout.ValueSize(MethodTable));
            for (int i = 0; i < fields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                if (!FieldEquals(fieldType, ref Unsafe.Add(ref a, offset), ref Unsafe.Add(ref b, offset))) return false;
            }
            return true;
        }

        public override int GetHashCode()
        {
            ref byte data = ref Unsafe.As<RawData>(this).Data;
            int fields = __GetFieldHelper(GetFieldCount, out _);
            if (fields == CompareRawBytes) return HashBytes(ref data, TypeLayout.ValueSize(MethodTable));
            uint hash = HashMix.Seed;
            for (int i = 0; i < fields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                hash = HashMix.Add(hash, (uint)FieldHash(fieldType, ref Unsafe.Add(ref data, offset)));
            }
            return (int)HashMix.Finish(hash);
        }

        /// <summary>Primitives compare in place (as their Equals would); other structs are boxed, as .NET does.</summary>
        private static bool FieldEquals(MethodTable* type, ref byte a, ref byte b)
        {
            switch (type->ElementType)
            {
                case ElementType.Single: return Unsafe.As<byte, float>(ref a).Equals(Unsafe.As<byte, float>(ref b));
                case ElementType.Double: return Unsafe.As<byte, double>(ref a).Equals(Unsafe.As<byte, double>(ref b));
                case ElementType.Boolean: case ElementType.SByte: case ElementType.Byte: return a == b;
                case ElementType.Char: case ElementType.Int16: case ElementType.UInt16:
                    return Unsafe.As<byte, ushort>(ref a) == Unsafe.As<byte, ushort>(ref b);
                case ElementType.Int32: case ElementType.UInt32: return Unsafe.As<byte, uint>(ref a) == Unsafe.As<byte, uint>(ref b);
                case ElementType.Int64: case ElementType.UInt64: case ElementType.IntPtr: case ElementType.UIntPtr:
                    return Unsafe.As<byte, ulong>(ref a) == Unsafe.As<byte, ulong>(ref b);
            }
            object x, y;
            if (type->IsValueType)
            {
                x = Runtime.RuntimeExports.RhBox(type, ref a);
                y = Runtime.RuntimeExports.RhBox(type, ref b);
            }
            else
            {
                x = Unsafe.As<byte, object>(ref a);
                y = Unsafe.As<byte, object>(ref b);
            }
            return x == null ? y == null : x.Equals(y);
        }

        private static int FieldHash(MethodTable* type, ref byte data)
        {
            switch (type->ElementType)
            {
                case ElementType.Single: return Unsafe.As<byte, float>(ref data).GetHashCode();
                case ElementType.Double: return Unsafe.As<byte, double>(ref data).GetHashCode();
                case ElementType.Boolean: case ElementType.Byte: return data;
                case ElementType.SByte: return (sbyte)data;
                case ElementType.Char: return Unsafe.As<byte, char>(ref data).GetHashCode();
                case ElementType.Int16: return Unsafe.As<byte, short>(ref data);
                case ElementType.UInt16: return Unsafe.As<byte, ushort>(ref data);
                case ElementType.Int32: case ElementType.UInt32: return Unsafe.As<byte, int>(ref data);
                case ElementType.Int64: case ElementType.UInt64: case ElementType.IntPtr: case ElementType.UIntPtr:
                    return Unsafe.As<byte, long>(ref data).GetHashCode();
            }
            object value = type->IsValueType ? Runtime.RuntimeExports.RhBox(type, ref data) : Unsafe.As<byte, object>(ref data);
            return value == null ? 0 : value.GetHashCode();
        }

        private static bool BytesEqual(ref byte a, ref byte b, uint length)
        {
            uint i = 0;
            for (; i + 8 <= length; i += 8)
                if (Unsafe.As<byte, ulong>(ref Unsafe.Add(ref a, (nint)i)) != Unsafe.As<byte, ulong>(ref Unsafe.Add(ref b, (nint)i))) return false;
            for (; i < length; i++)
                if (Unsafe.Add(ref a, (nint)i) != Unsafe.Add(ref b, (nint)i)) return false;
            return true;
        }

        private static int HashBytes(ref byte data, uint length)
        {
            uint hash = HashMix.Seed;
            uint i = 0;
            for (; i + 4 <= length; i += 4) hash = HashMix.Add(hash, Unsafe.As<byte, uint>(ref Unsafe.Add(ref data, (nint)i)));
            for (; i < length; i++) hash = HashMix.Add(hash, Unsafe.Add(ref data, (nint)i));
            return (int)HashMix.Finish(hash);
        }
    }

    /// <summary>xxHash32-style rounds: every input bit reaches every output bit, so nearby values spread over buckets.</summary>
    internal static class HashMix
    {
        public const uint Seed = 374761393;

        public static uint Add(uint hash, uint value)
        {
            hash += value * 3266489917;
            return ((hash << 17) | (hash >> 15)) * 668265263;
        }

        public static uint Finish(uint hash)
        {
            hash ^= hash >> 15;
            hash *= 2246822519;
            hash ^= hash >> 13;
            hash *= 3266489917;
            return hash ^ (hash >> 16);
        }
    }
}
