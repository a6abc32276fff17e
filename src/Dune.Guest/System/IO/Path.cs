using System.Text;

namespace System.IO
{
    /// <summary>Unix path strings: '/' separates, a path starting with '/' is rooted. Pure string work except GetFullPath.</summary>
    public static class Path
    {
        public const char DirectorySeparatorChar = '/';
        public const char AltDirectorySeparatorChar = '/';
        public const char VolumeSeparatorChar = '/';
        public const char PathSeparator = ':';

        public static bool IsPathRooted(string path) => path != null && path.Length > 0 && path[0] == '/';

        public static string GetPathRoot(string path) => path == null ? null : IsPathRooted(path) ? "/" : string.Empty;

        public static bool EndsInDirectorySeparator(string path) => path != null && path.Length > 0 && path[path.Length - 1] == '/';

        public static string GetFileName(string path)
        {
            if (path == null) return null;
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        public static string GetFileNameWithoutExtension(string path)
        {
            string name = GetFileName(path);
            if (name == null) return null;
            int dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(0, dot);
        }

        public static string GetExtension(string path)
        {
            if (path == null) return null;
            int dot = ExtensionDot(path);
            return dot < 0 ? string.Empty : path.Substring(dot);
        }

        public static bool HasExtension(string path) => path != null && ExtensionDot(path) >= 0;

        /// <summary>The '.' that starts the extension, or -1 (none, or a name that ends in '.').</summary>
        private static int ExtensionDot(string path)
        {
            for (int i = path.Length - 1; i >= 0; i--)
            {
                char c = path[i];
                if (c == '/') return -1;
                if (c == '.') return i == path.Length - 1 ? -1 : i;
            }
            return -1;
        }

        public static string ChangeExtension(string path, string extension)
        {
            if (path == null) return null;
            int cut = path.Length;
            for (int i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
                if (path[i] == '.') { cut = i; break; }
            string stem = path.Substring(0, cut);
            if (extension == null) return stem;
            if (extension.Length == 0 || extension[0] != '.') stem += ".";
            return stem + extension;
        }

        /// <summary>The path without its last component, with repeated separators collapsed; null for a root or an empty path.</summary>
        public static string GetDirectoryName(string path)
        {
            if (path == null || path.Length == 0) return null;
            int rootLength = IsPathRooted(path) ? 1 : 0;
            int end = path.LastIndexOf('/');
            if (end < rootLength)
            {
                if (rootLength == 0) return string.Empty;
                return path.Length == 1 || OnlySeparators(path) ? null : "/";
            }
            while (end > rootLength && path[end - 1] == '/') end--;
            return CollapseSeparators(path.Substring(0, end));
        }

        private static bool OnlySeparators(string path)
        {
            for (int i = 0; i < path.Length; i++) if (path[i] != '/') return false;
            return true;
        }

        private static string CollapseSeparators(string path)
        {
            if (path.IndexOf("//") < 0) return path;
            var sb = new StringBuilder(path.Length);
            for (int i = 0; i < path.Length; i++)
                if (path[i] != '/' || i == 0 || path[i - 1] != '/') sb.Append(path[i]);
            return sb.ToString();
        }

        public static string Combine(string path1, string path2)
        {
            if (path1 == null) TextThrow.Null("path1");
            if (path2 == null) TextThrow.Null("path2");
            return JoinTwo(path1, path2, restartAtRoot: true);
        }

        public static string Combine(string path1, string path2, string path3)
        {
            if (path3 == null) TextThrow.Null("path3");
            return Combine(Combine(path1, path2), path3);
        }

        public static string Combine(string path1, string path2, string path3, string path4)
        {
            if (path4 == null) TextThrow.Null("path4");
            return Combine(Combine(path1, path2, path3), path4);
        }

        public static string Combine(params string[] paths)
        {
            if (paths == null) TextThrow.Null("paths");
            string result = string.Empty;
            foreach (string p in paths)
            {
                if (p == null) TextThrow.Null("paths");
                result = JoinTwo(result, p, restartAtRoot: true);
            }
            return result;
        }

        public static string Join(string path1, string path2) => JoinTwo(path1 ?? string.Empty, path2 ?? string.Empty, restartAtRoot: false);

        public static string Join(string path1, string path2, string path3) => Join(Join(path1, path2), path3);

        public static string Join(params string[] paths)
        {
            if (paths == null) TextThrow.Null("paths");
            string result = string.Empty;
            foreach (string p in paths) result = Join(result, p);
            return result;
        }

        private static string JoinTwo(string a, string b, bool restartAtRoot)
        {
            if (b.Length == 0) return a;
            if (a.Length == 0 || (restartAtRoot && IsPathRooted(b))) return b;
            bool separated = a[a.Length - 1] == '/' || b[0] == '/';
            return separated ? a + b : a + "/" + b;
        }

        public static string GetFullPath(string path)
        {
            if (path == null) TextThrow.Null("path");
            if (path.Length == 0) TextThrow.EmptyString("path");
            if (path.IndexOf('\0') >= 0) TextThrow.Argument("Null character in path.", "path");
            return Normalize(IsPathRooted(path) ? path : JoinTwo(Directory.GetCurrentDirectory(), path, restartAtRoot: true));
        }

        public static string GetFullPath(string path, string basePath)
        {
            if (path == null) TextThrow.Null("path");
            if (basePath == null) TextThrow.Null("basePath");
            if (!IsPathRooted(basePath)) TextThrow.Argument("Basepath argument is not fully qualified.", "basePath");
            return Normalize(IsPathRooted(path) ? path : JoinTwo(basePath, path, restartAtRoot: true));
        }

        /// <summary>Resolves "." and ".." and collapses separators in a rooted path; keeps a trailing separator.</summary>
        private static string Normalize(string path)
        {
            var parts = new string[path.Length / 2 + 1];
            int count = 0;
            int i = 0;
            while (i < path.Length)
            {
                while (i < path.Length && path[i] == '/') i++;
                int start = i;
                while (i < path.Length && path[i] != '/') i++;
                if (i == start) break;
                string part = path.Substring(start, i - start);
                if (part == ".") continue;
                if (part == "..") { if (count > 0) count--; continue; }
                parts[count++] = part;
            }
            var sb = new StringBuilder(path.Length);
            for (int k = 0; k < count; k++) sb.Append('/').Append(parts[k]);
            if (sb.Length == 0) return "/";
            if (path[path.Length - 1] == '/') sb.Append('/');
            return sb.ToString();
        }

        public static string GetTempPath()
        {
            string tmp = Environment.GetEnvironmentVariable("TMPDIR");
            if (tmp == null || tmp.Length == 0) return "/tmp/";
            return tmp[tmp.Length - 1] == '/' ? tmp : tmp + "/";
        }

        /// <summary>An 8.3 name of random base-32 characters, as .NET makes them.</summary>
        public static unsafe string GetRandomFileName()
        {
            byte* bytes = stackalloc byte[12];
            Dune.Platform.Linux.GetRandom(bytes, 12);
            const string Alphabet = "abcdefghijklmnopqrstuvwxyz012345";
            char* name = stackalloc char[12];
            for (int i = 0; i < 12; i++)
            {
                if (i == 8) { name[i] = '.'; continue; }
                name[i] = Alphabet[bytes[i] & 31];
            }
            return new string(name, 0, 12);
        }

        public static char[] GetInvalidFileNameChars() => new char[] { '\0', '/' };

        public static char[] GetInvalidPathChars() => new char[] { '\0' };
    }
}
