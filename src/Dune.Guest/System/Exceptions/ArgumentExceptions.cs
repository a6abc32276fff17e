namespace System
{
    /// <summary>An invalid argument; Message ends with " (Parameter 'name')" when the parameter is known, as on .NET.</summary>
    public class ArgumentException : SystemException
    {
        private readonly string _paramName;

        public ArgumentException() { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentException(string message, string paramName) : base(message) { _paramName = paramName; }
        public ArgumentException(string message, string paramName, Exception innerException) : base(message, innerException) { _paramName = paramName; }

        public virtual string ParamName => _paramName;

        public override string Message
        {
            get
            {
                string message = base.Message;
                return _paramName == null || _paramName.Length == 0 ? message : message + " (Parameter '" + _paramName + "')";
            }
        }

        internal override string DefaultMessage => "Value does not fall within the expected range.";

        public static void ThrowIfNullOrEmpty(string argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument is null) throw new ArgumentNullException(paramName);
            if (argument.Length == 0) throw new ArgumentException("The value cannot be an empty string.", paramName);
        }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string paramName) : base(null, paramName) { }
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }
        public ArgumentNullException(string message, Exception innerException) : base(message, innerException) { }

        internal override string DefaultMessage => "Value cannot be null.";

        public static void ThrowIfNull(object argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument is null) throw new ArgumentNullException(paramName);
        }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        private readonly object _actualValue;

        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) : base(null, paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        public ArgumentOutOfRangeException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentOutOfRangeException(string paramName, object actualValue, string message) : base(message, paramName) { _actualValue = actualValue; }

        public virtual object ActualValue => _actualValue;

        public override string Message
        {
            get
            {
                string message = base.Message;
                return _actualValue == null ? message : message + "\nActual value was " + _actualValue.ToString() + ".";
            }
        }

        internal override string DefaultMessage => "Specified argument was out of the range of valid values.";

        public static void ThrowIfNegative(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative value.");
        }

        public static void ThrowIfNegativeOrZero(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative and non-zero value.");
        }
    }
}
