namespace System.Runtime
{
    /// <summary>Entry points ilc binds to by name in this class.</summary>
    internal static class InternalCalls
    {
        /// <summary>Called by compiled code when a stack cookie check fails or another unrecoverable state is hit.</summary>
        [RuntimeExport("RhpFallbackFailFast")]
        internal static void RhpFallbackFailFast() => ThrowHelpers.FailFast("stack buffer overrun or fail-fast requested by compiled code");
    }
}
