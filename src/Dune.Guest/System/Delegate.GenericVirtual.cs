using System.Runtime;

namespace System
{
    public abstract unsafe partial class Delegate
    {
        /// <summary>ilc's thunk that calls _extraFunctionPointerOrData, possibly a fat pointer, on _helperObject.</summary>
        private const int ClosedInstanceThunkOverGenericMethod = 3;

        /// <summary>
        /// A delegate to a generic virtual method (<c>Func&lt;int, string&gt; f = shape.Describe&lt;int&gt;</c>): the
        /// target is resolved like a call. Shared code comes back as a fat pointer {code, dictionary}, which only
        /// ilc's thunk for this delegate type knows how to call.
        /// </summary>
        private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod)
        {
            if (firstParameter is null) throw new NullReferenceException();
            IntPtr target = TypeLoaderExports.GVMLookupForSlot(firstParameter, tokenOfGenericVirtualMethod);
            if (((nint)target & 2) == 0)
            {
                _functionPointer = target;
                _firstParameter = firstParameter;
                return;
            }
            IntPtr thunk = GetThunk(ClosedInstanceThunkOverGenericMethod);
            if (thunk == IntPtr.Zero) throw new NotSupportedException("Delegate to shared generic virtual method code: ilc emitted no thunk for this delegate type.");
            _functionPointer = thunk;
            _extraFunctionPointerOrData = (nint)target;
            _helperObject = firstParameter;
            _firstParameter = this;
        }
    }
}
