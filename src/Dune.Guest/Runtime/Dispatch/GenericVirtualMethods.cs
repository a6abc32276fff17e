using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Generic virtual methods (virtual or interface methods with their own type parameters, called through
    /// a base or interface reference). ilc calls GVMLookupForSlot(obj, handle) where handle points to
    /// {declaring MethodTable*, name-and-signature offset, argument count, argument list}. Resolving it needs
    /// the NativeFormat GVM hashtables (sections 318/319), the native-layout names and signatures, the exact
    /// instantiation table and generic dictionaries for shared code; none of that is implemented, so the
    /// call throws a NotSupportedException naming the method's type and the receiver's type. GVM calls that
    /// ilc devirtualizes (sealed or single-implementation receivers) never come here and work.
    /// </summary>
    internal static unsafe class TypeLoaderExports
    {
        public static IntPtr GVMLookupForSlot(object obj, RuntimeMethodHandle slot)
        {
            MethodTable* declaring = *(MethodTable**)slot.Value;
            throw new NotSupportedException("Generic virtual method calls are not supported: a generic method of '" +
                Type.NameOf(declaring) + "' called on '" + Type.NameOf(obj.MethodTable) + "'.");
        }
    }
}
