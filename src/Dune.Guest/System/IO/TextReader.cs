using System.Text;

namespace System.IO
{
    /// <summary>Reads characters. Subclasses override Read() and Peek(); lines end at "\n", "\r" or "\r\n".</summary>
    public abstract class TextReader : IDisposable
    {
        public static readonly TextReader Null = new NullTextReader();

        public virtual int Peek() => -1;

        public virtual int Read() => -1;

        public virtual int Read(Span<char> buffer)
        {
            int n = 0;
            while (n < buffer.Length)
            {
                int c = Read();
                if (c < 0) break;
                buffer[n++] = (char)c;
            }
            return n;
        }

        public virtual int Read(char[] buffer, int index, int count)
        {
            if (buffer == null) TextThrow.Null("buffer");
            if (index < 0) TextThrow.Negative("index", index);
            if (count < 0) TextThrow.Negative("count", count);
            if (buffer.Length - index < count) TextThrow.Argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.", null);
            return Read(new Span<char>(buffer).Slice(index, count));
        }

        public virtual int ReadBlock(char[] buffer, int index, int count) => Read(buffer, index, count);

        public virtual string ReadLine()
        {
            var sb = new StringBuilder();
            while (true)
            {
                int c = Read();
                if (c < 0) return sb.Length > 0 ? sb.ToString() : null;
                if (c == '\n') return sb.ToString();
                if (c == '\r')
                {
                    if (Peek() == '\n') Read();
                    return sb.ToString();
                }
                sb.Append((char)c);
            }
        }

        public virtual string ReadToEnd()
        {
            var sb = new StringBuilder();
            Span<char> chunk = stackalloc char[512];
            int n;
            while ((n = Read(chunk)) > 0) sb.Append(chunk.Slice(0, n));
            return sb.ToString();
        }

        public virtual void Close() => Dispose();

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing) { }

        private sealed class NullTextReader : TextReader
        {
            public override string ReadLine() => null;
        }
    }
}
