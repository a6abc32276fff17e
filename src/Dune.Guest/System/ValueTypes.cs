namespace System
{
    public abstract partial class ValueType { }
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

    public struct RuntimeTypeHandle
    {
        private readonly IntPtr _value;
        internal RuntimeTypeHandle(IntPtr value) { _value = value; }
        public IntPtr Value => _value;
    }
    public struct RuntimeMethodHandle { internal IntPtr Value; }
    public struct RuntimeFieldHandle { internal IntPtr Value; }
}
