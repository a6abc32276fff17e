using System.Runtime.CompilerServices;

namespace Internal.Runtime.Metadata
{
    /// <summary>
    /// The type metadata tables of every assembly in the executable: Dune.Guest's own (always first) and one per
    /// program assembly, registered by the module initializer that Dune.Guest.Generators emits into it. Tables live
    /// in read-only data; registering one stores a pointer. Lookups are by the name hash in the MethodTable.
    /// </summary>
    public static unsafe class TypeMetadataRegistry
    {
        private const int MaxTables = 16;

        // Non-GC statics: names must be readable before the heap or the module initializers exist.
        private struct Tables
        {
            public fixed ulong Data[MaxTables];
            public fixed int Length[MaxTables];
        }

        private static Tables s_tables;
        private static int s_count;

        /// <summary>Called by generated module initializers; <paramref name="data"/> must stay valid for the process.</summary>
        public static void Register(byte* data, int length)
        {
            if (s_count == MaxTables) return;
            s_tables.Data[s_count] = (ulong)data;
            s_tables.Length[s_count] = length;
            s_count++;
        }

        /// <summary>The record of the type declared with this name hash, searching Dune.Guest first.</summary>
        internal static bool TryFind(uint hash, out TypeMetadataRecord record)
        {
            if (Find(Own(), hash, out record)) return true;
            for (int i = 0; i < s_count; i++)
                if (Find(new TypeMetadataTable((byte*)s_tables.Data[i]), hash, out record)) return true;
            return false;
        }

        private static bool Find(TypeMetadataTable table, uint hash, out TypeMetadataRecord record)
        {
            record = table.Find(hash);
            return record.Exists;
        }

        private static TypeMetadataTable Own()
        {
            System.ReadOnlySpan<byte> own = Dune.Generated.TypeMetadata.Table;
            return new TypeMetadataTable((byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in own.GetPinnableReference())));
        }
    }
}
