namespace System
{
    // The exceptions runtime and library code throw, with .NET's default messages.

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) : base(message) { }
        public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "Operation is not valid due to the current state of the object.";
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) : base(message) { }
        public NotSupportedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "Specified method is not supported.";
    }

    public class PlatformNotSupportedException : NotSupportedException
    {
        public PlatformNotSupportedException() { }
        public PlatformNotSupportedException(string message) : base(message) { }
        public PlatformNotSupportedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "Operation is not supported on this platform.";
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) : base(message) { }
        public NotImplementedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "The method or operation is not implemented.";
    }

    public sealed class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) : base(message) { }
        public OutOfMemoryException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "Insufficient memory to continue the execution of the program.";
    }

    /// <summary>A static constructor threw: the original exception is the InnerException.</summary>
    public sealed class TypeInitializationException : SystemException
    {
        private readonly string _typeName;

        public TypeInitializationException(string fullTypeName, Exception innerException)
            : base("The type initializer for '" + fullTypeName + "' threw an exception.", innerException)
        {
            _typeName = fullTypeName;
        }

        public string TypeName => _typeName ?? "";
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        private readonly string _objectName;

        public ObjectDisposedException(string objectName) : this(objectName, "Cannot access a disposed object.") { }
        public ObjectDisposedException(string objectName, string message) : base(message) { _objectName = objectName; }

        public string ObjectName => _objectName ?? "";

        public override string Message =>
            _objectName == null || _objectName.Length == 0 ? base.Message : base.Message + "\nObject name: '" + _objectName + "'.";
    }
}
