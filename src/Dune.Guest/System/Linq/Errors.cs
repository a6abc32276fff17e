namespace System.Linq
{
    /// <summary>The exceptions LINQ operators throw, with .NET's messages.</summary>
    internal static class Errors
    {
        public static Exception ArgumentNull(string paramName) => new ArgumentNullException(paramName);
        public static Exception ArgumentOutOfRange(string paramName) => new ArgumentOutOfRangeException(paramName);
        public static Exception NoElements() => new InvalidOperationException("Sequence contains no elements");
        public static Exception NoMatch() => new InvalidOperationException("Sequence contains no matching element");
        public static Exception MoreThanOneElement() => new InvalidOperationException("Sequence contains more than one element");
        public static Exception MoreThanOneMatch() => new InvalidOperationException("Sequence contains more than one matching element");

        public static void ThrowIfNull(object argument, string paramName)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
        }
    }
}
