using Dune.Platform;

namespace System.IO
{
    /// <summary>
    /// Standard input, output or error as an unbuffered stream, as .NET's console streams behave on Unix: a write
    /// is retried until complete, a closed pipe (EPIPE) is ignored, any other error is an IOException.
    /// </summary>
    internal sealed unsafe class ConsoleStream : Stream
    {
        private readonly int _fd;
        private readonly bool _write;

        public ConsoleStream(int fd, bool write) { _fd = fd; _write = write; }

        public override bool CanRead => !_write;
        public override bool CanWrite => _write;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException("Stream does not support seeking.");
        public override long Position { get => throw new NotSupportedException("Stream does not support seeking."); set => throw new NotSupportedException("Stream does not support seeking."); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Stream does not support seeking.");
        public override void SetLength(long value) => throw new NotSupportedException("Stream does not support seeking.");
        public override void Flush() { }

        public override int Read(Span<byte> buffer)
        {
            if (!_write)
            {
                fixed (byte* p = buffer)
                {
                    while (true)
                    {
                        long n = Linux.Read(_fd, p, (nuint)buffer.Length);
                        if (n >= 0) return (int)n;
                        if (n != -Linux.EINTR) IOErrors.Throw(n, null);
                    }
                }
            }
            throw new NotSupportedException("Stream does not support reading.");
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!_write) throw new NotSupportedException("Stream does not support writing.");
            WriteAll(_fd, buffer);
        }

        internal static void WriteAll(int fd, ReadOnlySpan<byte> buffer)
        {
            fixed (byte* start = buffer)
            {
                byte* p = start;
                nuint left = (nuint)buffer.Length;
                while (left > 0)
                {
                    long n = Linux.Write(fd, p, left);
                    if (n < 0)
                    {
                        if (n == -Linux.EINTR || n == -Linux.EAGAIN) continue;
                        if (n == -Linux.EPIPE) return;
                        IOErrors.Throw(n, null);
                    }
                    p += n;
                    left -= (nuint)n;
                }
            }
        }
    }
}
