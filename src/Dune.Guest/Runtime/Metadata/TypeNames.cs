namespace Internal.Runtime.Metadata
{
    /// <summary>
    /// Type names as .NET's Type reports them, built from a MethodTable: declared types from the generated tables,
    /// generic instantiations from their definition and arguments, arrays and pointers from their element type.
    /// Types no table declares (compiler-generated closures, iterators) fall back to the executable's symbols.
    /// </summary>
    internal static unsafe class TypeNames
    {
        private enum Form { Name, FullName, Display, AssemblyQualified }

        /// <summary>Type.Name: "List`1", "Int32[]", "Inner".</summary>
        public static string Name(MethodTable* mt) => Format(mt, Form.Name);

        /// <summary>Type.FullName: "System.Collections.Generic.List`1[[System.Int32, System.Private.CoreLib, ...]]".</summary>
        public static string FullName(MethodTable* mt) => Format(mt, Form.FullName);

        /// <summary>Type.ToString(): "System.Collections.Generic.List`1[System.Int32]".</summary>
        public static string Display(MethodTable* mt) => Format(mt, Form.Display);

        /// <summary>Type.AssemblyQualifiedName: the full name, then the assembly's display name.</summary>
        public static string AssemblyQualifiedName(MethodTable* mt) => Format(mt, Form.AssemblyQualified);

        /// <summary>Type.Namespace: the outermost declaring type's namespace, or null for the global namespace.</summary>
        public static string Namespace(MethodTable* mt)
        {
            while (mt->IsParameterized) mt = mt->RelatedType;
            if (mt->IsGeneric) mt = TypeLayout.GenericDefinition(mt);
            if (!TypeMetadataRegistry.TryFind(mt->HashCode, out TypeMetadataRecord record)) return null;
            string ns = record.Namespace;
            return ns.Length == 0 ? null : ns;
        }

        private static string Format(MethodTable* mt, Form form)
        {
            if (mt->IsParameterized)
            {
                string element = Format(mt->RelatedType, form == Form.AssemblyQualified ? Form.FullName : form) + Suffix(mt);
                return form == Form.AssemblyQualified ? element + ", " + AssemblyOf(mt) : element;
            }
            if (!mt->IsGeneric) return Declared(mt, form);

            MethodTable* definition = TypeLayout.GenericDefinition(mt);
            string head = Declared(definition, form == Form.Name ? Form.Name : Form.FullName);
            if (form == Form.Name) return head;
            int arity = TypeLayout.GenericArity(mt);
            string[] parts = new string[arity * 2 + 1];
            parts[0] = head;
            for (int i = 0; i < arity; i++)
            {
                MethodTable* argument = TypeLayout.GenericArgument(mt, i);
                parts[i * 2 + 1] = i == 0 ? "[" : ",";
                parts[i * 2 + 2] = form == Form.Display ? Format(argument, Form.Display) : "[" + Format(argument, Form.AssemblyQualified) + "]";
            }
            string name = string.Concat(parts) + "]";
            return form == Form.AssemblyQualified ? name + ", " + AssemblyOf(definition) : name;
        }

        private static string Declared(MethodTable* mt, Form form)
        {
            if (!TypeMetadataRegistry.TryFind(mt->HashCode, out TypeMetadataRecord record))
            {
                string symbol = Dune.Runtime.Symbols.TypeName(mt);
                if (form != Form.Name) return symbol;
                int start = symbol.Length;
                while (start > 0 && symbol[start - 1] != '.') start--;
                return symbol.Substring(start);
            }
            switch (form)
            {
                case Form.Name: return record.Name;
                case Form.AssemblyQualified: return record.FullName + ", " + record.AssemblyDisplayName;
                default: return record.FullName;
            }
        }

        private static string AssemblyOf(MethodTable* mt)
        {
            while (mt->IsParameterized) mt = mt->RelatedType;
            if (mt->IsGeneric) mt = TypeLayout.GenericDefinition(mt);
            return TypeMetadataRegistry.TryFind(mt->HashCode, out TypeMetadataRecord record) ? record.AssemblyDisplayName : "";
        }

        private static string Suffix(MethodTable* mt)
        {
            switch (mt->ElementType)
            {
                case ElementType.SzArray: return "[]";
                case ElementType.Array:
                    int rank = (int)((mt->BaseSize - Internal.Runtime.MethodTable.SzArrayBaseSize) / 8);
                    if (rank == 1) return "[*]";
                    string commas = "[";
                    for (int i = 1; i < rank; i++) commas += ",";
                    return commas + "]";
                case ElementType.ByRef: return "&";
                default: return "*";
            }
        }
    }
}
