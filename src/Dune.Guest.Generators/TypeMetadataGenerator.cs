using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Dune.Guest.Generators
{
    /// <summary>
    /// Emits, for the assembly being compiled, a table of every type it declares: namespace, full name, name and,
    /// for enums, the members' names and values. The table is keyed by the hash code ilc writes into each
    /// MethodTable (a hash of the type's name), so it references no type and keeps nothing alive that ilc
    /// would otherwise drop. Programs register their table from a module initializer; Dune.Guest reads its own
    /// directly. Format: TypeMetadataTable.Write; reader: src/Dune.Guest/Runtime/Metadata.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TypeMetadataGenerator : IIncrementalGenerator
    {
        public const string SystemModuleName = "Dune.Guest";

        // The assembly that holds Dune.Guest's types on .NET, for assembly-qualified names.
        private const string CoreLibDisplayName = "System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var version = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
                options.GlobalOptions.TryGetValue("build_property.Version", out string v) ? v : null);
            context.RegisterSourceOutput(context.CompilationProvider.Combine(version), (output, input) =>
            {
                Compilation compilation = input.Left;
                bool isSystemModule = compilation.AssemblyName == SystemModuleName;
                var types = new List<TypeRecord>();
                Collect(compilation.Assembly.GlobalNamespace, types);
                string assembly = isSystemModule ? CoreLibDisplayName : DisplayName(compilation.Assembly.Identity, input.Right);
                byte[] table = TypeMetadataTable.Write(assembly, types);
                output.AddSource("DuneTypeMetadata.g.cs", Source(table, register: !isSystemModule));
            });
        }

        /// <summary>"name, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null": the SDK derives the assembly version
        /// from the project's Version (default 1.0.0) when it generates AssemblyInfo, as the .NET build of a program does.</summary>
        private static string DisplayName(AssemblyIdentity identity, string projectVersion)
        {
            string version = identity.Version.ToString();
            if (identity.Version == new System.Version(0, 0, 0, 0) && projectVersion != null)
            {
                int cut = projectVersion.IndexOfAny(new[] { '-', '+' });
                string[] parts = (cut < 0 ? projectVersion : projectVersion.Substring(0, cut)).Split('.');
                version = string.Join(".", Enumerable.Range(0, 4).Select(i => i < parts.Length ? parts[i] : "0"));
            }
            return identity.Name + ", Version=" + version + ", Culture=neutral, PublicKeyToken=null";
        }

        private static void Collect(INamespaceSymbol ns, List<TypeRecord> types)
        {
            foreach (INamespaceSymbol inner in ns.GetNamespaceMembers()) Collect(inner, types);
            foreach (INamedTypeSymbol type in ns.GetTypeMembers()) Collect(type, null, types);
        }

        private static void Collect(INamedTypeSymbol type, TypeRecord enclosing, List<TypeRecord> types)
        {
            var record = enclosing == null
                ? TypeRecord.TopLevel(type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(), type.MetadataName)
                : TypeRecord.Nested(enclosing, type.MetadataName);
            if (type.TypeKind == TypeKind.Enum)
            {
                record.IsEnum = true;
                record.IsFlags = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
                foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
                    if (field.HasConstantValue) record.Members.Add(new EnumMember(field.Name, ToBits(field.ConstantValue)));
            }
            types.Add(record);
            foreach (INamedTypeSymbol nested in type.GetTypeMembers()) Collect(nested, record, types);
        }

        /// <summary>The value's bits as the runtime reads them: signed underlying types sign-extend to 64 bits.</summary>
        private static ulong ToBits(object value)
        {
            switch (value)
            {
                case sbyte v: return (ulong)(long)v;
                case short v: return (ulong)(long)v;
                case int v: return (ulong)(long)v;
                case long v: return (ulong)v;
                case byte v: return v;
                case ushort v: return v;
                case uint v: return v;
                case ulong v: return v;
                case char v: return v;
                case bool v: return v ? 1UL : 0UL;
                default: return 0;
            }
        }

        private static string Source(byte[] table, bool register)
        {
            var sb = new StringBuilder();
            sb.AppendLine("// <auto-generated/> by Dune.Guest.Generators.TypeMetadataGenerator");
            sb.AppendLine("namespace Dune.Generated");
            sb.AppendLine("{");
            sb.AppendLine("    internal static unsafe class TypeMetadata");
            sb.AppendLine("    {");
            if (register)
            {
                sb.AppendLine("        [global::System.Runtime.CompilerServices.ModuleInitializer]");
                sb.AppendLine("        internal static void Register()");
                sb.AppendLine("        {");
                sb.AppendLine("            global::System.ReadOnlySpan<byte> table = Table;");
                sb.AppendLine("            fixed (byte* data = table) global::Internal.Runtime.Metadata.TypeMetadataRegistry.Register(data, table.Length);");
                sb.AppendLine("        }");
            }
            sb.Append("        internal static global::System.ReadOnlySpan<byte> Table => new byte[] {");
            for (int i = 0; i < table.Length; i++)
            {
                if (i % 32 == 0) sb.Append("\n            ");
                sb.Append(table[i]).Append(',');
            }
            sb.AppendLine("\n        };");
            sb.AppendLine("    }");
            sb.AppendLine("}");
            return sb.ToString();
        }
    }
}
