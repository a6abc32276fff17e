using System.Collections.Generic;
using Dune.Platform;
using System.Text;

namespace System.IO
{
    /// <summary>Directories by path: existence, creation (with parents), deletion, listing, the current directory.</summary>
    public static unsafe class Directory
    {
        public static bool Exists(string path)
        {
            if (path == null || path.Length == 0 || path.IndexOf('\0') >= 0) return false;
            fixed (byte* p = PathBytes.Of(Path.GetFullPath(path)))
                return Linux.Stat(p, out uint mode, out _) == 0 && (mode & Linux.SIfMt) == Linux.SIfDir;
        }

        public static DirectoryInfo CreateDirectory(string path)
        {
            CheckPath(path);
            string full = Path.GetFullPath(path);
            // Create each missing component, from the root down; an existing directory is fine.
            for (int i = 1; i <= full.Length; i++)
            {
                if (i < full.Length && full[i] != '/') continue;
                string prefix = full.Substring(0, i);
                long r;
                fixed (byte* p = PathBytes.Of(prefix)) r = Linux.Mkdir(p, 0x1FF /* 0777, less the umask */);
                if (r == 0) continue;
                // An existing component is fine unless it is the target itself and not a directory; a file on the
                // way makes the next mkdir fail with ENOTDIR (DirectoryNotFoundException for the whole path).
                if (r == -Linux.EEXIST && (i < full.Length || Exists(prefix))) continue;
                IOErrors.Throw(r, full, isDirectory: r == -Linux.ENOENT || r == -Linux.ENOTDIR);
            }
            return new DirectoryInfo(full);
        }

        public static void Delete(string path) => Delete(path, false);

        public static void Delete(string path, bool recursive)
        {
            CheckPath(path);
            string full = Path.GetFullPath(path);
            if (recursive)
            {
                if (!Exists(full)) IOErrors.Throw(-Linux.ENOENT, full, isDirectory: true);
                foreach (var entry in Entries(full))
                {
                    string child = Path.Combine(full, entry.Name);
                    if (entry.IsDirectory) Delete(child, true);
                    else Unlink(child, 0);
                }
            }
            Unlink(full, Linux.AtRemoveDir);
        }

        private static void Unlink(string path, int flags)
        {
            long r;
            fixed (byte* p = PathBytes.Of(path)) r = Linux.Unlink(p, flags);
            if (r < 0) IOErrors.Throw(r, path, isDirectory: flags != 0);
        }

        public static string[] GetFiles(string path) => GetFiles(path, "*");

        public static string[] GetFiles(string path, string searchPattern) => List(path, searchPattern, wantDirectories: false);

        public static string[] GetDirectories(string path) => GetDirectories(path, "*");

        public static string[] GetDirectories(string path, string searchPattern) => List(path, searchPattern, wantDirectories: true);

        public static IEnumerable<string> EnumerateFiles(string path) => GetFiles(path);

        public static IEnumerable<string> EnumerateFiles(string path, string searchPattern) => GetFiles(path, searchPattern);

        public static IEnumerable<string> EnumerateDirectories(string path) => GetDirectories(path);

        /// <summary>Entries in the kernel's order (as .NET returns them), each as path + "/" + name.</summary>
        private static string[] List(string path, string searchPattern, bool wantDirectories)
        {
            CheckPath(path);
            if (searchPattern == null) TextThrow.Null("searchPattern");
            string full = Path.GetFullPath(path);
            var found = new List<string>();
            foreach (var entry in Entries(full))
                if (entry.IsDirectory == wantDirectories && Wildcard.Matches(searchPattern, entry.Name))
                    found.Add(Path.Combine(path, entry.Name));
            var result = new string[found.Count];
            for (int i = 0; i < result.Length; i++) result[i] = found[i];
            return result;
        }

        internal struct Entry
        {
            public string Name;
            public bool IsDirectory;
        }

        /// <summary>The directory's entries except "." and "..", read with getdents64.</summary>
        private static List<Entry> Entries(string full)
        {
            long fd;
            fixed (byte* p = PathBytes.Of(full)) fd = Linux.Open(p, Linux.ORdOnly | Linux.ODirectory | Linux.OCloExec, 0);
            if (fd < 0) IOErrors.Throw(fd, full, isDirectory: true);
            var entries = new List<Entry>();
            byte* buffer = stackalloc byte[4096];
            try
            {
                while (true)
                {
                    long n = Linux.GetDents(fd, buffer, 4096);
                    if (n < 0) IOErrors.Throw(n, full, isDirectory: true);
                    if (n == 0) break;
                    // linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, char name[] (NUL-terminated)
                    for (long at = 0; at < n; at += *(ushort*)(buffer + at + 16))
                    {
                        byte* record = buffer + at;
                        string name = string.FromUtf8(record + 19);
                        if (name == "." || name == "..") continue;
                        byte type = record[18];
                        bool isDirectory = type == 4 /* DT_DIR */ || (type == 0 /* DT_UNKNOWN */ && Exists(Path.Combine(full, name)));
                        entries.Add(new Entry { Name = name, IsDirectory = isDirectory });
                    }
                }
            }
            finally
            {
                Linux.Close((int)fd);
            }
            return entries;
        }

        public static string GetCurrentDirectory()
        {
            byte* buffer = stackalloc byte[4096];
            long r = Linux.Getcwd(buffer, 4096);
            if (r < 0) IOErrors.Throw(r, null);
            return string.FromUtf8(buffer);
        }

        public static void SetCurrentDirectory(string path)
        {
            CheckPath(path);
            string full = Path.GetFullPath(path);
            long r;
            fixed (byte* p = PathBytes.Of(full)) r = Linux.Chdir(p);
            if (r < 0) IOErrors.Throw(r, full, isDirectory: true);
        }

        private static void CheckPath(string path)
        {
            if (path == null) TextThrow.Null("path");
            if (path.Length == 0) TextThrow.EmptyString("path");
        }
    }

    /// <summary>The little of .NET's DirectoryInfo that Directory.CreateDirectory's callers use.</summary>
    public sealed class DirectoryInfo
    {
        public DirectoryInfo(string path)
        {
            if (path == null) TextThrow.Null("path");
            FullName = Path.GetFullPath(path);
        }

        public string FullName { get; }

        public string Name => Path.GetFileName(FullName.Length > 1 && FullName[FullName.Length - 1] == '/' ? FullName.Substring(0, FullName.Length - 1) : FullName);

        public bool Exists => Directory.Exists(FullName);

        public override string ToString() => FullName;
    }

    /// <summary>Search patterns of GetFiles: '*' matches any run of characters, '?' any one character.</summary>
    internal static class Wildcard
    {
        public static bool Matches(string pattern, string name)
        {
            if (pattern == "*" || pattern == "*.*") return true;
            int p = 0, n = 0, starP = -1, starN = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n])) { p++; n++; }
                else if (p < pattern.Length && pattern[p] == '*') { starP = p++; starN = n; }
                else if (starP >= 0) { p = starP + 1; n = ++starN; }
                else return false;
            }
            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
