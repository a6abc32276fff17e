using Dune.Platform;
using System.Text;

namespace System.IO
{
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }

    [Flags]
    public enum FileAccess { Read = 1, Write = 2, ReadWrite = 3 }

    [Flags]
    public enum FileShare { None = 0, Read = 1, Write = 2, ReadWrite = 3, Delete = 4, Inheritable = 16 }

    /// <summary>
    /// A file opened with open(2). Reads and writes go straight to the kernel (StreamReader/StreamWriter buffer
    /// above it), so the position is always the kernel's file offset.
    /// </summary>
    public sealed unsafe class FileStream : Stream
    {
        private int _fd = -1;
        private readonly FileAccess _access;
        private readonly string _path;
        private readonly long _appendStart;

        public FileStream(string path, FileMode mode) : this(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.Read) { }

        public FileStream(string path, FileMode mode, FileAccess access) : this(path, mode, access, FileShare.Read) { }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) : this(path, mode, access, share, 4096) { }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            if (path == null) TextThrow.Null("path");
            if (path.Length == 0) TextThrow.EmptyString("path");
            if (mode < FileMode.CreateNew || mode > FileMode.Append) TextThrow.OutOfRange("Enum value was out of legal range.", "mode");
            if (access < FileAccess.Read || access > FileAccess.ReadWrite) TextThrow.OutOfRange("Enum value was out of legal range.", "access");
            if ((access & FileAccess.Write) == 0 && (mode == FileMode.Truncate || mode == FileMode.CreateNew || mode == FileMode.Create || mode == FileMode.Append))
                TextThrow.Argument("Combining FileMode: " + ModeName(mode) + " with FileAccess: Read is invalid.", "access");
            if (mode == FileMode.Append && access != FileAccess.Write)
                TextThrow.Argument("Append access can be requested only in write-only mode.", "access");

            _path = Path.GetFullPath(path);
            _access = access;
            int flags = (access == FileAccess.Read ? Linux.ORdOnly : access == FileAccess.Write ? Linux.OWrOnly : Linux.ORdWr) | Linux.OCloExec;
            flags |= mode switch
            {
                FileMode.CreateNew => Linux.OCreat | Linux.OExcl,
                FileMode.Create => Linux.OCreat | Linux.OTrunc,
                FileMode.OpenOrCreate or FileMode.Append => Linux.OCreat,
                FileMode.Truncate => Linux.OTrunc,
                _ => 0,
            };
            long fd;
            fixed (byte* p = PathBytes.Of(_path)) fd = Linux.Open(p, flags, 0x1B6 /* 0666, less the umask */);
            if (fd < 0) IOErrors.Throw(fd, _path);
            _fd = (int)fd;
            if (Linux.Fstat(_fd, out uint type, out _) == 0 && (type & Linux.SIfMt) == Linux.SIfDir)
            {
                Linux.Close(_fd);
                _fd = -1;
                throw new UnauthorizedAccessException("Access to the path '" + _path + "' is denied.");
            }
            if (mode == FileMode.Append) _appendStart = Linux.Lseek(_fd, 0, Linux.SeekEnd);
        }

        private static string ModeName(FileMode mode) => mode switch
        {
            FileMode.CreateNew => "CreateNew",
            FileMode.Create => "Create",
            FileMode.Truncate => "Truncate",
            _ => "Append",
        };

        public string Name => _path;
        public override bool CanRead => _fd >= 0 && (_access & FileAccess.Read) != 0;
        public override bool CanWrite => _fd >= 0 && (_access & FileAccess.Write) != 0;
        public override bool CanSeek => _fd >= 0;

        public override long Length
        {
            get
            {
                CheckOpen();
                long r = Linux.Fstat(_fd, out _, out long size);
                if (r < 0) IOErrors.Throw(r, _path);
                return size;
            }
        }

        public override long Position
        {
            get
            {
                CheckOpen();
                return Linux.Lseek(_fd, 0, Linux.SeekCur);
            }
            set
            {
                if (value < 0) TextThrow.OutOfRange("Non-negative number required.", "value");
                Seek(value, SeekOrigin.Begin);
            }
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            CheckOpen();
            if (origin < SeekOrigin.Begin || origin > SeekOrigin.End) TextThrow.Argument("Invalid seek origin.", "origin");
            long r = Linux.Lseek(_fd, offset, (int)origin);
            if (r < 0) IOErrors.Throw(r, _path);
            if (r < _appendStart)
            {
                Linux.Lseek(_fd, _appendStart, Linux.SeekSet);
                throw new IOException("Unable seek backward to overwrite data that previously existed in a file opened in Append mode.");
            }
            return r;
        }

        public override void SetLength(long value)
        {
            CheckOpen();
            if (value < 0) TextThrow.OutOfRange("Non-negative number required.", "value");
            if (!CanWrite) throw new NotSupportedException("Stream does not support writing.");
            long r = Linux.Ftruncate(_fd, value);
            if (r < 0) IOErrors.Throw(r, _path);
            if (Position > value) Seek(value, SeekOrigin.Begin);
        }

        public override int Read(Span<byte> buffer)
        {
            CheckOpen();
            if (!CanRead) throw new NotSupportedException("Stream does not support reading.");
            fixed (byte* p = buffer)
            {
                while (true)
                {
                    long n = Linux.Read(_fd, p, (nuint)buffer.Length);
                    if (n >= 0) return (int)n;
                    if (n != -Linux.EINTR) IOErrors.Throw(n, _path);
                }
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            CheckOpen();
            if (!CanWrite) throw new NotSupportedException("Stream does not support writing.");
            fixed (byte* start = buffer)
            {
                byte* p = start;
                nuint left = (nuint)buffer.Length;
                while (left > 0)
                {
                    long n = Linux.Write(_fd, p, left);
                    if (n < 0)
                    {
                        if (n == -Linux.EINTR) continue;
                        IOErrors.Throw(n, _path);
                    }
                    p += n;
                    left -= (nuint)n;
                }
            }
        }

        public override void Flush() => CheckOpen();

        public void Flush(bool flushToDisk)
        {
            CheckOpen();
            if (flushToDisk) Linux.Fsync(_fd);
        }

        protected override void Dispose(bool disposing)
        {
            if (_fd < 0) return;
            Linux.Close(_fd);
            _fd = -1;
        }

        private void CheckOpen()
        {
            if (_fd < 0) ThrowClosed();
        }
    }
}
