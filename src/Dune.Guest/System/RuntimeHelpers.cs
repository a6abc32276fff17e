namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a type whose static constructor ilc runs at start-up (region EagerCctor) instead of on first use.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
    public sealed class EagerStaticClassConstructionAttribute : Attribute { }
}

namespace System
{
    /// <summary>Each thread sees its own copy of the static field (stored in the TLS block).</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class ThreadStaticAttribute : Attribute { }
}
