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
        internal virtual string DefaultMessage => "Exception of type '" + GetType().ToString() + "' was thrown.";

        public virtual Exception GetBaseException()
        {
            Exception inner = this;
            while (inner._innerException != null) inner = inner._innerException;
            return inner;
        }

        /// <summary>.NET's layout: "Type: Message", the inner exception after " ---> ", then the stack trace.</summary>
        public override string ToString()
        {
            string message = Message;
            string text = message == null || message.Length == 0 ? GetType().ToString() : GetType().ToString() + ": " + message;
            if (_innerException != null) text = text + "\n ---> " + _innerException.ToString() + "\n   --- End of inner exception stack trace ---";
            string trace = StackTrace;
            return trace.Length == 0 ? text : text + "\n" + trace;
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
        internal override string DefaultMessage => "System error.";
    }

    public class ArithmeticException : SystemException { public ArithmeticException() { } public ArithmeticException(string m) : base(m) { } internal override string DefaultMessage => "Overflow or underflow in the arithmetic operation."; }
    public sealed class OverflowException : ArithmeticException { public OverflowException() { } public OverflowException(string m) : base(m) { } internal override string DefaultMessage => "Arithmetic operation resulted in an overflow."; }
    public sealed class DivideByZeroException : ArithmeticException { public DivideByZeroException() { } public DivideByZeroException(string m) : base(m) { } internal override string DefaultMessage => "Attempted to divide by zero."; }
    public sealed class IndexOutOfRangeException : SystemException { public IndexOutOfRangeException() { } public IndexOutOfRangeException(string m) : base(m) { } internal override string DefaultMessage => "Index was outside the bounds of the array."; }
    public sealed class NullReferenceException : SystemException { public NullReferenceException() { } public NullReferenceException(string m) : base(m) { } internal override string DefaultMessage => "Object reference not set to an instance of an object."; }
    public sealed class InvalidCastException : SystemException { public InvalidCastException() { } public InvalidCastException(string m) : base(m) { } internal override string DefaultMessage => "Specified cast is not valid."; }
    public sealed class StackOverflowException : SystemException { public StackOverflowException() { } }
    public class ArrayTypeMismatchException : SystemException { public ArrayTypeMismatchException() { } public ArrayTypeMismatchException(string m) : base(m) { } internal override string DefaultMessage => "Attempted to access an element as a type incompatible with the array."; }
    public class AccessViolationException : SystemException { public AccessViolationException(string m) : base(m) { } }
}
