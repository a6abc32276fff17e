using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>
    /// Finds the MethodTables ilc compiled into the executable for a constructed type: generic instantiations from
    /// the GenericsHashtable (entries index NativeReferences) and single-dimensional arrays from the ArrayMap
    /// (entries index CommonFixups). The runtime builds no types, so a type ilc did not emit is not found.
    /// </summary>
    internal static unsafe class CompiledTypes
    {
        private const int ArrayMap = 302, CommonFixups = 308, NativeReferences = 331, GenericsHashtable = 332;

        public static MethodTable* FindInstantiation(MethodTable* definition, MethodTable** arguments, int count)
        {
            byte* table = Section(GenericsHashtable), references = Section(NativeReferences);
            if (table == null || references == null) return null;
            var entries = new NativeHashtable(table);
            while (entries.MoveNext(out byte* e))
            {
                MethodTable* type = NativeLayoutSignature.ExternalType(references, NativeReader.NativeUnsigned(ref e));
                if (!type->IsGeneric || TypeLayout.GenericDefinition(type) != definition || TypeLayout.GenericArity(type) != count) continue;
                bool same = true;
                for (int i = 0; i < count && same; i++) same = TypeLayout.GenericArgument(type, i) == arguments[i];
                if (same) return type;
            }
            return null;
        }

        public static MethodTable* FindSzArray(MethodTable* element)
        {
            byte* table = Section(ArrayMap), fixups = Section(CommonFixups);
            if (table == null || fixups == null) return null;
            var entries = new NativeHashtable(table);
            while (entries.MoveNext(out byte* e))
            {
                MethodTable* type = NativeLayoutSignature.ExternalType(fixups, NativeReader.NativeUnsigned(ref e));
                if (type->IsSzArray && type->ElementTypeOfArray == element) return type;
            }
            return null;
        }

        public static byte* Section(int id) =>
            Modules.TryGetSection((ModuleSection)id, out byte* start, out byte* end) && end > start ? start : null;
    }
}
