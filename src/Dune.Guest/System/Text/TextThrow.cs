namespace System.Text
{
    /// <summary>The argument exceptions of the text APIs, with .NET's messages, kept in one place.</summary>
    internal static class TextThrow
    {
        public static void IndexMustBeLess(string param) =>
            throw new ArgumentOutOfRangeException(param, "Index was out of range. Must be non-negative and less than the size of the collection.");

        public static void IndexMustBeLessOrEqual(string param) =>
            throw new ArgumentOutOfRangeException(param, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");

        public static void Negative(string param, int value) =>
            throw new ArgumentOutOfRangeException(param, value, param + " ('" + value.ToString() + "') must be a non-negative value.");

        public static void OutOfRange(string message, string param) => throw new ArgumentOutOfRangeException(param, message);

        public static void Null(string param) => throw new ArgumentNullException(param);

        public static void EmptyString(string param) => throw new ArgumentException("The value cannot be an empty string.", param);

        public static void Argument(string message, string param) => throw new ArgumentException(message, param);
    }
}
