using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>Start-up work of the type system, after the heap and GC statics exist and before Main.</summary>
    internal static class TypeSystemStartup
    {
        public static void Initialize()
        {
            // Eager cctors may touch thread statics, so FS must be set up first.
            ThreadStatics.Initialize();
            ClassConstructorRunner.RunEager();
        }
    }
}
