namespace System
{
    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(string message) : base(message) { }
        internal override string DefaultMessage => "One of the identified items was in an invalid format.";
    }
}
