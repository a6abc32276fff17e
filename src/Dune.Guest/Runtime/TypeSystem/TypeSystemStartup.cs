using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>Start-up work of the type system, after the thread's TLS block, the heap and GC statics exist and before Main.</summary>
    internal static class TypeSystemStartup
    {
        public static void Initialize()
        {
            ClassConstructorRunner.RunEager();
        }
    }
}
