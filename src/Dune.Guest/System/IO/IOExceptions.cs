namespace System.IO
{
    public class IOException : SystemException
    {
        public IOException() { }
        public IOException(string message) : base(message) { }
        public IOException(string message, Exception innerException) : base(message, innerException) { }
        internal override string DefaultMessage => "I/O error occurred.";
    }

    public class FileNotFoundException : IOException
    {
        public FileNotFoundException() { }
        public FileNotFoundException(string message) : base(message) { }
        public FileNotFoundException(string message, string fileName) : base(message) { FileName = fileName; }
        public string FileName { get; }
        internal override string DefaultMessage => "Unable to find the specified file.";
    }

    public class DirectoryNotFoundException : IOException
    {
        public DirectoryNotFoundException() { }
        public DirectoryNotFoundException(string message) : base(message) { }
        internal override string DefaultMessage => "Attempted to access a path that is not on the disk.";
    }

    public class PathTooLongException : IOException
    {
        public PathTooLongException() { }
        public PathTooLongException(string message) : base(message) { }
        internal override string DefaultMessage => "The specified file name or path is too long, or a component of the specified path is too long.";
    }

    public class EndOfStreamException : IOException
    {
        public EndOfStreamException() { }
        public EndOfStreamException(string message) : base(message) { }
        internal override string DefaultMessage => "Attempted to read past the end of the stream.";
    }
}

namespace System
{
    public class UnauthorizedAccessException : SystemException
    {
        public UnauthorizedAccessException() { }
        public UnauthorizedAccessException(string message) : base(message) { }
        internal override string DefaultMessage => "Attempted to perform an unauthorized operation.";
    }
}
