using System.Collections.Generic;
using Dune.Platform;
using System.Text;

namespace System.IO
{
    /// <summary>Whole-file helpers. Text is UTF-8: written without a byte-order mark, read skipping one if present.</summary>
    public static unsafe class File
    {
        public static bool Exists(string path)
        {
            if (path == null || path.Length == 0 || path.IndexOf('\0') >= 0) return false;
            fixed (byte* p = PathBytes.Of(Path.GetFullPath(path)))
                return Linux.Stat(p, out uint mode, out _) == 0 && (mode & Linux.SIfMt) != Linux.SIfDir;
        }

        public static FileStream Open(string path, FileMode mode) => new FileStream(path, mode);
        public static FileStream Open(string path, FileMode mode, FileAccess access) => new FileStream(path, mode, access);
        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) => new FileStream(path, mode, access, share);
        public static FileStream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        public static FileStream OpenWrite(string path) => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        public static FileStream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        public static StreamReader OpenText(string path) => new StreamReader(path);
        public static StreamWriter CreateText(string path) => new StreamWriter(path, false);
        public static StreamWriter AppendText(string path) => new StreamWriter(path, true);

        public static byte[] ReadAllBytes(string path)
        {
            using var file = OpenRead(path);
            long length = file.Length;
            if (length > int.MaxValue) throw new IOException("The file is too long. This operation is currently limited to supporting files less than 2 gigabytes in size.");
            byte[] bytes = new byte[length];
            int at = 0;
            while (at < bytes.Length)
            {
                int n = file.Read(new Span<byte>(bytes).Slice(at));
                if (n == 0) break;
                at += n;
            }
            if (at == bytes.Length) return bytes;
            byte[] shorter = new byte[at];
            new ReadOnlySpan<byte>(bytes).Slice(0, at).CopyTo(shorter);
            return shorter;
        }

        public static string ReadAllText(string path)
        {
            CheckPath(path);
            using var reader = new StreamReader(path);
            return reader.ReadToEnd();
        }

        public static string[] ReadAllLines(string path)
        {
            CheckPath(path);
            var lines = new List<string>();
            using (var reader = new StreamReader(path))
            {
                string line;
                while ((line = reader.ReadLine()) != null) lines.Add(line);
            }
            return lines.ToArray();
        }

        public static IEnumerable<string> ReadLines(string path)
        {
            CheckPath(path);
            return ReadLinesOf(new StreamReader(path));
        }

        private static IEnumerable<string> ReadLinesOf(StreamReader reader)
        {
            using (reader)
            {
                string line;
                while ((line = reader.ReadLine()) != null) yield return line;
            }
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            CheckPath(path);
            if (bytes == null) TextThrow.Null("bytes");
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            file.Write(bytes);
        }

        public static void WriteAllText(string path, string contents) => WriteText(path, contents, FileMode.Create);

        public static void AppendAllText(string path, string contents) => WriteText(path, contents, FileMode.Append);

        private static void WriteText(string path, string contents, FileMode mode)
        {
            CheckPath(path);
            using var file = new FileStream(path, mode, FileAccess.Write, FileShare.Read);
            if (string.IsNullOrEmpty(contents)) return;
            byte[] bytes = new byte[Utf8.ByteCount(contents)];
            Utf8.Encode(contents, new Span<byte>(bytes));
            file.Write(bytes);
        }

        public static void WriteAllLines(string path, string[] contents) => WriteAllLines(path, (IEnumerable<string>)contents);

        public static void WriteAllLines(string path, IEnumerable<string> contents) => WriteLines(path, contents, append: false);

        public static void AppendAllLines(string path, IEnumerable<string> contents) => WriteLines(path, contents, append: true);

        private static void WriteLines(string path, IEnumerable<string> contents, bool append)
        {
            CheckPath(path);
            if (contents == null) TextThrow.Null("contents");
            using var writer = new StreamWriter(path, append);
            foreach (string line in contents) writer.WriteLine(line);
        }

        public static void Delete(string path)
        {
            CheckPath(path);
            string full = Path.GetFullPath(path);
            long r;
            fixed (byte* p = PathBytes.Of(full)) r = Linux.Unlink(p, 0);
            if (r == 0) return;
            // A missing file is not an error; a missing directory on the way to it is.
            if (r == -Linux.ENOENT && IOErrors.For(r, full) is FileNotFoundException) return;
            IOErrors.Throw(r, full);
        }

        public static void Copy(string sourceFileName, string destFileName) => Copy(sourceFileName, destFileName, false);

        public static void Copy(string sourceFileName, string destFileName, bool overwrite)
        {
            CheckPath(sourceFileName, "sourceFileName");
            CheckPath(destFileName, "destFileName");
            using var source = new FileStream(sourceFileName, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var destination = new FileStream(destFileName, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
            source.CopyTo(destination);
        }

        public static void Move(string sourceFileName, string destFileName) => Move(sourceFileName, destFileName, false);

        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            CheckPath(sourceFileName, "sourceFileName");
            CheckPath(destFileName, "destFileName");
            string from = Path.GetFullPath(sourceFileName), to = Path.GetFullPath(destFileName);
            if (!Exists(from)) IOErrors.Throw(-Linux.ENOENT, from);
            long r;
            fixed (byte* f = PathBytes.Of(from))
            fixed (byte* t = PathBytes.Of(to))
                r = Linux.Rename(f, t, overwrite ? 0 : 1 /* RENAME_NOREPLACE */);
            if (r == -Linux.EISDIR || (r == -Linux.EEXIST)) IOErrors.Throw(-Linux.EEXIST, to);
            if (r < 0) IOErrors.Throw(r, to);
        }

        private static void CheckPath(string path, string name = "path")
        {
            if (path == null) TextThrow.Null(name);
            if (path.Length == 0) TextThrow.EmptyString(name);
        }
    }
}
