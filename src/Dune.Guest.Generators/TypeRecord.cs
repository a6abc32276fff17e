using System.Collections.Generic;

namespace Dune.Guest.Generators
{
    /// <summary>What the runtime learns about one declared type: its names as .NET reports them and its hash key.</summary>
    public sealed class TypeRecord
    {
        /// <summary>Namespace of the outermost enclosing type ("" for the global namespace).</summary>
        public string Namespace { get; private set; }
        /// <summary>"Ns.Outer+Inner`1", as Type.FullName gives it for a non-generic or definition type.</summary>
        public string FullName { get; private set; }
        /// <summary>Metadata name: "Inner`1".</summary>
        public string Name { get; private set; }
        /// <summary>The hash ilc stores in the type's MethodTable.</summary>
        public int Hash { get; private set; }
        public bool IsEnum { get; set; }
        public bool IsFlags { get; set; }
        public List<EnumMember> Members { get; } = new List<EnumMember>();

        public static TypeRecord TopLevel(string ns, string name)
        {
            string full = ns.Length == 0 ? name : ns + "." + name;
            return new TypeRecord { Namespace = ns, FullName = full, Name = name, Hash = TypeNameHash.OfName(full) };
        }

        public static TypeRecord Nested(TypeRecord enclosing, string name) => new TypeRecord
        {
            Namespace = enclosing.Namespace,
            FullName = enclosing.FullName + "+" + name,
            Name = name,
            Hash = TypeNameHash.OfNested(enclosing.Hash, TypeNameHash.OfName(name)),
        };
    }

    public readonly struct EnumMember
    {
        public EnumMember(string name, ulong value) { Name = name; Value = value; }
        public string Name { get; }
        /// <summary>Sign-extended to 64 bits for signed underlying types.</summary>
        public ulong Value { get; }
    }
}
