namespace Internal.Runtime
{
    /// <summary>
    /// Runs the [ModuleInitializer] methods of every assembly in the order ilc lists them (dependencies first):
    /// region 213 of the ReadyToRun header holds a 32-bit pointer, relative to its own address, per method.
    /// </summary>
    internal static unsafe class ModuleInitializers
    {
        public static void Run()
        {
            if (!Modules.TryGetSection(ModuleSection.ModuleInitializerList, out byte* start, out byte* end)) return;
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                delegate*<void> initializer = (delegate*<void>)(entry + *(int*)entry);
                initializer();
            }
        }
    }
}
