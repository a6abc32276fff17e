namespace System
{
    public abstract unsafe partial class Delegate
    {
        /// <summary>
        /// A delegate to an interface method made in shared generic code (<c>new Comparison&lt;T&gt;(comparer.Compare)</c>
        /// with T a reference type): ilc passes the call's dispatch cell, and the target is resolved on the object now.
        /// </summary>
        private void InitializeClosedInstanceToInterface(object firstParameter, IntPtr dispatchCell)
        {
            _functionPointer = (IntPtr)Internal.Runtime.InterfaceDispatch.ResolveMethod(firstParameter, (Internal.Runtime.DispatchCell*)dispatchCell);
            _firstParameter = firstParameter;
        }
    }
}
