using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Root of the type hierarchy. The first field is the MethodTable pointer that ilc lays out for every object.</summary>
    public unsafe partial class Object
    {
        internal MethodTable* m_pEEType; // ilc reads this field by name (unboxing stubs of shared generics)

        public Object() { }

        public virtual bool Equals(object obj) => ReferenceEquals(this, obj);
        public virtual int GetHashCode() => (int)(nuint)Unsafe.AsPointer(ref Unsafe.As<RawData>(this).Data);
        public virtual string ToString() => GetType().ToString();
        public static bool ReferenceEquals(object a, object b) => a == b;

        // Finalizers are not supported (the collector never runs them); the slot exists because ilc expects it.
        ~Object() { }

        internal MethodTable* MethodTable => m_pEEType;
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>View of an object's fields as raw bytes, after the MethodTable pointer (ilc looks it up by name).</summary>
    internal sealed class RawData
    {
        public byte Data;
    }
}
