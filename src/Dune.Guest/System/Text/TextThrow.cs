namespace System.Text
{
    /// <summary>
    /// The argument exceptions of the text APIs, with .NET's messages. The messages are built here in full because
    /// the runtime's exception types take only a message; keeping them in one place keeps the wording in one place.
    /// </summary>
    internal static class TextThrow
    {
        public static void IndexMustBeLess(string param) =>
            throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size of the collection." + Param(param));

        public static void IndexMustBeLessOrEqual(string param) =>
            throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than or equal to the size of the collection." + Param(param));

        public static void Negative(string param, int value) =>
            throw new ArgumentOutOfRangeException(param + " ('" + value.ToString() + "') must be a non-negative value." + Param(param) + "\nActual value was " + value.ToString() + ".");

        public static void OutOfRange(string message, string param) =>
            throw new ArgumentOutOfRangeException(message + Param(param));

        public static void Null(string param) => throw new ArgumentNullException(param);

        public static void EmptyString(string param) => throw new ArgumentException("The value cannot be an empty string." + Param(param));

        public static void Argument(string message, string param) => throw new ArgumentException(message + Param(param));

        private static string Param(string name) => " (Parameter '" + name + "')";
    }
}
