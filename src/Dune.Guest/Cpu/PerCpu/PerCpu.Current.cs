#if !DUNE_HOSTED_TESTS
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Cpu
{
    public unsafe partial struct PerCpu
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_percpu")]
        private static extern PerCpu* ReadGsSelf();

        /// <summary>The CPU this code runs on. Ring 0 in Dune mode only: GS base is the host's (0) elsewhere.</summary>
        public static PerCpu* Current => ReadGsSelf();
    }
}
#endif
