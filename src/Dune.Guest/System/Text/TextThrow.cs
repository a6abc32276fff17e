namespace System.Text
{
    /// <summary>The argument exceptions of the text and I/O APIs, with .NET's wording in one place.</summary>
    internal static class TextThrow
    {
        public static void IndexMustBeLess(string param) =>
            throw new ArgumentOutOfRangeException(param, "Index was out of range. Must be non-negative and less than the size of the collection.");

        public static void IndexMustBeLessOrEqual(string param) =>
            throw new ArgumentOutOfRangeException(param, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");

        /// <summary>ArgumentOutOfRangeException.ThrowIfNegative's message.</summary>
        public static void Negative(string param, long value) =>
            throw new ArgumentOutOfRangeException(param, value, param + " ('" + value.ToString() + "') must be a non-negative value.");

        /// <summary>ArgumentOutOfRangeException.ThrowIfGreaterThan's message.</summary>
        public static void Greater(string param, long value, long limit) =>
            throw new ArgumentOutOfRangeException(param, value, param + " ('" + value.ToString() + "') must be less than or equal to '" + limit.ToString() + "'.");

        public static void OutOfRange(string message, string param) => throw new ArgumentOutOfRangeException(param, message);

        public static void Null(string param) => throw new ArgumentNullException(param);

        public static void EmptyString(string param) => throw new ArgumentException("The value cannot be an empty string.", param);

        public static void Argument(string message, string param) => throw new ArgumentException(message, param);
    }
}
