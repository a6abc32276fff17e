using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>Section ids in ilc's ReadyToRun header that the runtime reads.</summary>
    internal enum ModuleSection
    {
        GCStaticRegion = 201,
        ThreadStaticRegion = 202,
        TypeManagerIndirection = 204,
        EagerCctor = 205,
        FrozenObjectRegion = 206,
        ModuleInitializerList = 213,
        GenericVirtualMethodTable = 318,
        InterfaceGenericVirtualMethodTable = 319,
    }

    /// <summary>
    /// The ReadyToRun header ilc emits for the module (found through the __modules section):
    /// 'RTR\0', version, flags, section count, entry size, then entries of (id, flags, start, end).
    /// </summary>
    internal static unsafe class Modules
    {
        private const uint Signature = 0x00525452;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneModuleHeaders")]
        private static extern byte** Headers(out int count);

        /// <summary>Finds a section of the (single) module; false if ilc did not emit it.</summary>
        public static bool TryGetSection(ModuleSection id, out byte* start, out byte* end)
        {
            byte** headers = Headers(out int count);
            for (int m = 0; m < count; m++)
            {
                byte* header = headers[m];
                if (header == null || *(uint*)header != Signature) continue;
                ushort sections = *(ushort*)(header + 12);
                byte entrySize = header[14];
                for (int i = 0; i < sections; i++)
                {
                    byte* entry = header + 16 + i * entrySize;
                    if (*(int*)entry == (int)id)
                    {
                        start = *(byte**)(entry + 8);
                        end = *(byte**)(entry + 16);
                        return true;
                    }
                }
            }
            start = end = null;
            return false;
        }
    }
}
