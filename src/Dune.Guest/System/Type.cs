using Internal.Runtime;
using Internal.Runtime.Metadata;

namespace System
{
    /// <summary>
    /// Minimal runtime type: identity is the MethodTable; names come from the generated type metadata tables
    /// (Runtime/Metadata/README.md). No members, fields or attributes: there is no reflection.
    /// </summary>
    public abstract unsafe class Type
    {
        internal abstract new MethodTable* MethodTable { get; }

        public string Name => TypeNames.Name(MethodTable);
        public string FullName => TypeNames.FullName(MethodTable);
        public string Namespace => TypeNames.Namespace(MethodTable);
        public string AssemblyQualifiedName => TypeNames.AssemblyQualifiedName(MethodTable);
        public override string ToString() => TypeNames.Display(MethodTable);

        public RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle((IntPtr)MethodTable);

        public bool IsValueType => MethodTable->IsValueType && !MethodTable->IsParameterized;
        public bool IsEnum => MethodTable->BaseType == Internal.Runtime.MethodTable.Of<Enum>();
        public bool IsArray => MethodTable->IsArray;
        public bool IsInterface => MethodTable->IsInterface;
        public bool IsClass => !IsValueType && !IsInterface && !MethodTable->IsParameterized || IsArray;
        public bool IsGenericType => MethodTable->IsGeneric;
        public bool IsPrimitive => MethodTable->ElementType >= ElementType.Boolean && MethodTable->ElementType <= ElementType.Double && !IsEnum;

        public Type BaseType =>
            IsArray ? typeof(Array) : MethodTable->IsInterface || MethodTable->IsParameterized ? null : FromMethodTable(MethodTable->BaseType);
        public Type GetElementType() => MethodTable->IsParameterized ? FromMethodTable(MethodTable->RelatedType) : null;

        public Type[] GetGenericArguments()
        {
            if (!MethodTable->IsGeneric) return new Type[0];
            Type[] arguments = new Type[TypeLayout.GenericArity(MethodTable)];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = FromMethodTable(TypeLayout.GenericArgument(MethodTable, i));
            return arguments;
        }

        public static bool operator ==(Type a, Type b) => (object)a == b || (a is not null && b is not null && a.MethodTable == b.MethodTable);
        public static bool operator !=(Type a, Type b) => !(a == b);
        public override bool Equals(object o) => o is Type t && t == this;
        public override int GetHashCode() => (int)(nuint)MethodTable;

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => FromMethodTable((MethodTable*)handle.Value);

        /// <summary>Type.ToString() of a MethodTable, for runtime messages.</summary>
        internal static string NameOf(MethodTable* mt) => TypeNames.Display(mt);

        internal static Type FromMethodTable(MethodTable* mt) => mt == null ? null : new RuntimeType(mt);
    }

    internal sealed unsafe class RuntimeType : Type
    {
        private readonly MethodTable* _mt;
        internal RuntimeType(MethodTable* mt) { _mt = mt; }
        internal override MethodTable* MethodTable => _mt;
    }

    public unsafe partial class Object
    {
        public Type GetType() => new RuntimeType(m_pEEType);
    }
}
