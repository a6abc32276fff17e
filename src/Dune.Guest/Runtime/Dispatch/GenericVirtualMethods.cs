using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Entry point ilc calls for a generic virtual method call (a virtual or interface method with its own type
    /// parameters, called through a base or interface reference): GVMLookupForSlot(obj, handle) returns the code
    /// to call. The call site tests bit 1 of the answer: clear means a plain code pointer; set means (answer - 2)
    /// points to {shared code, generic dictionary} and the dictionary goes in the hidden argument after 'this'.
    /// Answers are cached per (receiver type, method handle).
    /// </summary>
    internal static unsafe class TypeLoaderExports
    {
        public static IntPtr GVMLookupForSlot(object obj, RuntimeMethodHandle slot)
        {
            MethodTable* type = obj.MethodTable;
            GvmMethodHandle* method = (GvmMethodHandle*)slot.Value;
            IntPtr target = GvmCache.Find(type, method);
            if (target == IntPtr.Zero)
            {
                DispatchLock.Enter();
                target = GvmCache.Find(type, method);
                if (target == IntPtr.Zero)
                {
                    target = Dune.Runtime.Dispatch.GvmResolver.Resolve(type, method);
                    GvmCache.Add(type, method, target);
                }
                DispatchLock.Exit();
            }
            return target;
        }
    }

    /// <summary>
    /// What ilc 10 emits for the RuntimeMethodHandle of an instantiated method: the declaring type, a metadata
    /// method handle (always 0 here: ilc emits no reflection metadata with a custom system module), the number of
    /// method type arguments, then the argument MethodTables.
    /// </summary>
    internal unsafe struct GvmMethodHandle
    {
        public MethodTable* DeclaringType;
        public int MetadataHandle;
        public int ArgumentCount;

        public MethodTable* Argument(int i) => ((MethodTable**)((GvmMethodHandle*)Unsafe.AsPointer(ref this) + 1))[i];
    }
}
