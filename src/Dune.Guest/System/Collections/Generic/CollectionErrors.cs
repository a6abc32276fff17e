namespace System.Collections.Generic
{
    /// <summary>The exceptions collections throw, with .NET's types and messages (built off the hot paths).</summary>
    internal static class CollectionErrors
    {
        public static Exception IndexOutOfRange() =>
            new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        public static Exception InsertIndexOutOfRange() =>
            new ArgumentOutOfRangeException("index", "Index must be within the bounds of the List.");
        public static Exception NeedNonNegative(string paramName) =>
            new ArgumentOutOfRangeException(paramName, "Non-negative number required.");
        public static Exception OutOfRange(string paramName) =>
            new ArgumentOutOfRangeException(paramName, "Specified argument was out of the range of valid values.");
        /// <summary>What .NET's ArgumentOutOfRangeException.ThrowIfNegative throws.</summary>
        public static Exception Negative(string paramName, int value) =>
            new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative value.");
        public static Exception IndexAtMostCount(string paramName) =>
            new ArgumentOutOfRangeException(paramName, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
        public static Exception CountOutOfRange() =>
            new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
        public static Exception InvalidOffsetLength() =>
            new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        public static Exception CapacityTooSmall() =>
            new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
        public static Exception ArrayTooSmall() =>
            new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        public static Exception Null(string paramName) => new ArgumentNullException(paramName);
        public static Exception VersionChanged() =>
            new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        public static Exception EnumerationNotRunning() =>
            new InvalidOperationException("Enumeration has either not started or has already finished.");
        public static Exception KeyNotFound(object key) =>
            new KeyNotFoundException("The given key '" + key?.ToString() + "' was not present in the dictionary.");
        public static Exception DuplicateKey(object key) =>
            new ArgumentException("An item with the same key has already been added. Key: " + key?.ToString());
        public static Exception ReadOnly() => new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
        public static Exception ValuesReadOnly() => new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
    }
}

namespace System.Collections.Generic
{
    /// <summary>Messages of the collections that .NET keeps in System.Collections.dll (Stack, LinkedList, the sorted ones).</summary>
    internal static class SystemCollectionsErrors
    {
        public static Exception VersionChanged() => new InvalidOperationException("Collection was modified after the enumerator was instantiated.");
    }
}
