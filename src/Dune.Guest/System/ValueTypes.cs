namespace System
{
    public abstract partial class ValueType { }
    /// <summary>Enums box with their underlying primitive's element type; ToString gives the number.</summary>
    public abstract unsafe partial class Enum : ValueType
    {
        public override string ToString()
        {
            ref byte data = ref System.Runtime.CompilerServices.Unsafe.As<System.Runtime.CompilerServices.RawData>(this).Data;
            switch (MethodTable->ElementType)
            {
                case Internal.Runtime.ElementType.SByte: return Number.Format((long)System.Runtime.CompilerServices.Unsafe.As<byte, sbyte>(ref data));
                case Internal.Runtime.ElementType.Int16: return Number.Format((long)System.Runtime.CompilerServices.Unsafe.As<byte, short>(ref data));
                case Internal.Runtime.ElementType.UInt16: return Number.Format((ulong)System.Runtime.CompilerServices.Unsafe.As<byte, ushort>(ref data));
                case Internal.Runtime.ElementType.Int32: return Number.Format((long)System.Runtime.CompilerServices.Unsafe.As<byte, int>(ref data));
                case Internal.Runtime.ElementType.UInt32: return Number.Format((ulong)System.Runtime.CompilerServices.Unsafe.As<byte, uint>(ref data));
                case Internal.Runtime.ElementType.Int64: return Number.Format(System.Runtime.CompilerServices.Unsafe.As<byte, long>(ref data));
                case Internal.Runtime.ElementType.UInt64: return Number.Format(System.Runtime.CompilerServices.Unsafe.As<byte, ulong>(ref data));
                default: return Number.Format((ulong)data);
            }
        }
    }

    public partial struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;
        public Nullable(T value) { this.value = value; hasValue = true; }
        public readonly bool HasValue => hasValue;
        public readonly T Value { get { if (!hasValue) ThrowHelpers.ThrowInvalidOperation("Nullable object must have a value."); return value; } }
        public readonly T GetValueOrDefault() => value;
        public static implicit operator T?(T value) => new T?(value);
        public static explicit operator T(T? value) => value.Value;
    }

    public struct RuntimeTypeHandle { internal IntPtr Value; }
    public struct RuntimeMethodHandle { internal IntPtr Value; }
    public struct RuntimeFieldHandle { internal IntPtr Value; }
}
