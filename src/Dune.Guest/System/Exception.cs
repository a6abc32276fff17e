namespace System
{
    public partial class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;
        // Code addresses of the frames the exception propagated through (filled by the dispatcher's first pass).
        internal ulong[] _stackTrace;
        internal int _stackTraceCount;

        public Exception() { }
        public Exception(string message) { _message = message; }
        public Exception(string message, Exception innerException) { _message = message; _innerException = innerException; }

        public virtual string Message => _message ?? DefaultMessage;
        public Exception InnerException => _innerException;
        internal virtual string DefaultMessage => "Exception of type '" + GetType().FullName + "' was thrown.";

        public override string ToString()
        {
            string trace = StackTrace;
            return GetType().FullName + ": " + Message + (trace.Length == 0 ? "" : "\n" + trace);
        }

        /// <summary>One "   at Method" line per frame, innermost first; empty before the exception is thrown.</summary>
        public string StackTrace => Dune.Runtime.Diagnostics.StackTraceFormatter.Format(_stackTrace, _stackTraceCount);

        internal void AppendStackFrame(ulong pc)
        {
            if (_stackTrace == null || _stackTraceCount == _stackTrace.Length)
            {
                ulong[] grown = new ulong[_stackTrace == null ? 16 : _stackTrace.Length * 2];
                for (int i = 0; i < _stackTraceCount; i++) grown[i] = _stackTrace[i];
                _stackTrace = grown;
            }
            _stackTrace[_stackTraceCount++] = pc;
        }
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class ArithmeticException : SystemException { public ArithmeticException() { } public ArithmeticException(string m) : base(m) { } internal override string DefaultMessage => "Overflow or underflow in the arithmetic operation."; }
    public sealed class OverflowException : ArithmeticException { public OverflowException() { } public OverflowException(string m) : base(m) { } internal override string DefaultMessage => "Arithmetic operation resulted in an overflow."; }
    public sealed class DivideByZeroException : ArithmeticException { public DivideByZeroException() { } public DivideByZeroException(string m) : base(m) { } internal override string DefaultMessage => "Attempted to divide by zero."; }
    public sealed class IndexOutOfRangeException : SystemException { public IndexOutOfRangeException() { } public IndexOutOfRangeException(string m) : base(m) { } internal override string DefaultMessage => "Index was outside the bounds of the array."; }
    public sealed class NullReferenceException : SystemException { public NullReferenceException() { } public NullReferenceException(string m) : base(m) { } internal override string DefaultMessage => "Object reference not set to an instance of an object."; }
    public sealed class InvalidCastException : SystemException { public InvalidCastException() { } public InvalidCastException(string m) : base(m) { } internal override string DefaultMessage => "Specified cast is not valid."; }
    public class InvalidOperationException : SystemException { public InvalidOperationException() { } public InvalidOperationException(string m) : base(m) { } public InvalidOperationException(string m, Exception inner) : base(m, inner) { } }
    public class ArgumentException : SystemException { public ArgumentException() { } public ArgumentException(string m) : base(m) { } public ArgumentException(string m, string paramName) : base(m + " (Parameter '" + paramName + "')") { } internal override string DefaultMessage => "Value does not fall within the expected range."; }
    public class ArgumentNullException : ArgumentException { public ArgumentNullException() { } public ArgumentNullException(string paramName) : base("Value cannot be null. (Parameter '" + paramName + "')") { } }
    public class ArgumentOutOfRangeException : ArgumentException { public ArgumentOutOfRangeException() { } public ArgumentOutOfRangeException(string m) : base(m) { } public ArgumentOutOfRangeException(string paramName, string m) : base(m, paramName) { } public ArgumentOutOfRangeException(string paramName, object actualValue, string m) : base(m + " (Parameter '" + paramName + "')\nActual value was " + actualValue?.ToString() + ".") { } internal override string DefaultMessage => "Specified argument was out of the range of valid values."; }
    public class NotSupportedException : SystemException { public NotSupportedException() { } public NotSupportedException(string m) : base(m) { } }
    public class NotImplementedException : SystemException { public NotImplementedException() { } public NotImplementedException(string m) : base(m) { } }
    public class PlatformNotSupportedException : NotSupportedException { public PlatformNotSupportedException() { } public PlatformNotSupportedException(string m) : base(m) { } }
    public sealed class OutOfMemoryException : SystemException { public OutOfMemoryException() { } public OutOfMemoryException(string m) : base(m) { } }
    public sealed class StackOverflowException : SystemException { public StackOverflowException() { } }
    public class ArrayTypeMismatchException : SystemException { public ArrayTypeMismatchException() { } public ArrayTypeMismatchException(string m) : base(m) { } internal override string DefaultMessage => "Attempted to access an element as a type incompatible with the array."; }
    public class TypeInitializationException : SystemException { public TypeInitializationException(string m) : base(m) { } }
    public class AccessViolationException : SystemException { public AccessViolationException(string m) : base(m) { } }
}
