namespace System.Runtime.CompilerServices
{
    /// <summary>The compiler passes the argument's source text (ArgumentNullException.ThrowIfNull's parameter name).</summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class CallerArgumentExpressionAttribute : Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) { ParameterName = parameterName; }
        public string ParameterName { get; }
    }
}
