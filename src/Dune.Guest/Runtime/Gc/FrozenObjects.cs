namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects ilc built at compile time (region 206: string literals, preinitialized arrays and objects), laid
    /// out back to back in the image's data as header, MethodTable pointer, fields, each rounded to 8 bytes.
    /// They are never freed. They are writable, so a preinitialized array can come to hold references to heap
    /// objects: the collector scans the fields of those that have references, as roots.
    /// </summary>
    internal static unsafe class FrozenObjects
    {
        public static void MarkRoots()
        {
            if (!Modules.TryGetSection(ModuleSection.FrozenObjectRegion, out byte* start, out byte* end)) return;
            byte* cell = start;
            while (cell + 2 * ObjectHeader.Size <= end)
            {
                nuint obj = (nuint)(cell + ObjectHeader.Size);
                var mt = *(MethodTable**)obj;
                if (mt == null)
                {
                    cell += sizeof(nuint);  // alignment padding
                    continue;
                }
                if (mt->ContainsGCPointers) Marker.ScanFields(obj, mt);
                cell += SizeOf(obj, mt);
            }
        }

        private static nuint SizeOf(nuint obj, MethodTable* mt)
        {
            nuint size = mt->BaseSize;
            if (mt->HasComponentSize) size += (nuint)(*(uint*)(obj + 8)) * mt->ComponentSize;
            return (size + 7) & ~(nuint)7;
        }
    }
}
