namespace System.Runtime.CompilerServices
{
    /// <summary>Marks a method that runs once at start-up, before Main (Runtime/Statics/ModuleInitializers.cs).</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class ModuleInitializerAttribute : Attribute { }
}
