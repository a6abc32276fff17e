using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Enums compare, equal and hash as their underlying integer does (boxed `this` holds the value).</summary>
    public abstract unsafe partial class Enum : IComparable
    {
        public override bool Equals(object obj)
        {
            if (obj == null || obj.MethodTable != MethodTable) return false;
            return EnumValues.Compare(MethodTable->ElementType, ref Unsafe.As<RawData>(this).Data, ref Unsafe.As<RawData>(obj).Data) == 0;
        }

        public override int GetHashCode() => EnumValues.HashCode(MethodTable->ElementType, ref Unsafe.As<RawData>(this).Data);

        public int CompareTo(object target)
        {
            if (target == null) return 1;
            if (target.MethodTable != MethodTable)
                throw new ArgumentException("Object must be the same type as the enum. The type passed in was '" +
                    target.GetType().ToString() + "'; the enum type was '" + GetType().ToString() + "'.");
            return EnumValues.Compare(MethodTable->ElementType, ref Unsafe.As<RawData>(this).Data, ref Unsafe.As<RawData>(target).Data);
        }
    }
}
