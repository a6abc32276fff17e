namespace System.IO
{
    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    /// <summary>A sequence of bytes. Subclasses implement the span Read/Write; the array forms check arguments and forward.</summary>
    public abstract class Stream : IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanWrite { get; }
        public abstract bool CanSeek { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }

        public abstract int Read(Span<byte> buffer);
        public abstract void Write(ReadOnlySpan<byte> buffer);
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract void Flush();

        public int Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            return Read(new Span<byte>(buffer).Slice(offset, count));
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            Write(new ReadOnlySpan<byte>(buffer).Slice(offset, count));
        }

        public int ReadByte()
        {
            byte b = 0;
            return Read(new Span<byte>(ref b, 1)) == 0 ? -1 : b;
        }

        public void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(ref value, 1));

        public void ReadExactly(Span<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                int n = Read(buffer);
                if (n == 0) throw new EndOfStreamException();
                buffer = buffer.Slice(n);
            }
        }

        public void CopyTo(Stream destination)
        {
            if (destination == null) System.Text.TextThrow.Null("destination");
            byte[] buffer = new byte[81920];
            int n;
            while ((n = Read(buffer)) > 0) destination.Write(new ReadOnlySpan<byte>(buffer).Slice(0, n));
        }

        public void Close() => Dispose();

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing) { }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null) System.Text.TextThrow.Null("buffer");
            if (offset < 0) System.Text.TextThrow.Negative("offset", offset);
            if (count < 0) System.Text.TextThrow.Negative("count", count);
            if (count > buffer.Length - offset)
                System.Text.TextThrow.Argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.", null);
        }

        internal static void ThrowClosed() => throw new ObjectDisposedException(null, "Cannot access a closed file.");
    }
}
