using Internal.Runtime;

namespace System
{
    /// <summary>Minimal runtime type: identity (the MethodTable) and a name recovered from the symbol table.</summary>
    public abstract unsafe class Type
    {
        internal abstract MethodTable* MethodTable { get; }
        public string FullName => NameOf(MethodTable);
        public string Name
        {
            get
            {
                string full = FullName;
                int dot = -1;
                for (int i = 0; i < full.Length; i++) if (full[i] == '.') dot = i;
                return dot < 0 ? full : full.Substring(dot + 1);
            }
        }
        public override string ToString() => FullName;

        public static bool operator ==(Type a, Type b) => (object)a == b || (a is not null && b is not null && a.MethodTable == b.MethodTable);
        public static bool operator !=(Type a, Type b) => !(a == b);
        public override bool Equals(object o) => o is Type t && t == this;
        public override int GetHashCode() => (int)(nuint)MethodTable;

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => handle.Value == IntPtr.Zero ? null : new RuntimeType((MethodTable*)handle.Value);

        internal static string NameOf(MethodTable* mt) => Dune.Runtime.Symbols.TypeName(mt);
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
