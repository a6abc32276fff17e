using Dune.Platform;

namespace System.IO
{
    /// <summary>Turns a failed system call (-errno) into the exception .NET throws for it, with .NET's message.</summary>
    internal static class IOErrors
    {
        /// <summary>The exception for an error on <paramref name="path"/> (a full path, or null for a handle or the console).</summary>
        public static Exception For(long result, string path, bool isDirectory = false)
        {
            int errno = (int)-result;
            switch (errno)
            {
                case Linux.ENOENT:
                    if (path == null) return new IOException(Message(errno));
                    if (isDirectory || !ParentExists(path)) return new DirectoryNotFoundException("Could not find a part of the path '" + path + "'.");
                    return new FileNotFoundException("Could not find file '" + path + "'.", path);
                case Linux.ENOTDIR:
                    if (path == null) break;
                    return new DirectoryNotFoundException("Could not find a part of the path '" + path + "'.");
                case Linux.EACCES:
                case Linux.EISDIR:
                case Linux.EBADF:
                case 1: // EPERM
                    return path == null ? new UnauthorizedAccessException() : new UnauthorizedAccessException("Access to the path '" + path + "' is denied.");
                case Linux.ENAMETOOLONG:
                    return path == null ? new PathTooLongException() : new PathTooLongException("The path '" + path + "' is too long, or a component of the specified path is too long.");
                case Linux.EEXIST:
                    if (path != null) return new IOException("The file '" + path + "' already exists.");
                    break;
            }
            return new IOException(path == null ? Message(errno) : Message(errno) + " : '" + path + "'");
        }

        public static void Throw(long result, string path, bool isDirectory = false) => throw For(result, path, isDirectory);

        private static bool ParentExists(string path)
        {
            string parent = Path.GetDirectoryName(path);
            return parent == null || Directory.Exists(parent);
        }

        /// <summary>strerror(3) text of the errors file and console calls can give.</summary>
        public static string Message(int errno) => errno switch
        {
            1 => "Operation not permitted",
            2 => "No such file or directory",
            4 => "Interrupted system call",
            5 => "Input/output error",
            9 => "Bad file descriptor",
            11 => "Resource temporarily unavailable",
            12 => "Cannot allocate memory",
            13 => "Permission denied",
            16 => "Device or resource busy",
            17 => "File exists",
            18 => "Invalid cross-device link",
            20 => "Not a directory",
            21 => "Is a directory",
            22 => "Invalid argument",
            23 => "Too many open files in system",
            24 => "Too many open files",
            27 => "File too large",
            28 => "No space left on device",
            29 => "Illegal seek",
            30 => "Read-only file system",
            31 => "Too many links",
            32 => "Broken pipe",
            36 => "File name too long",
            39 => "Directory not empty",
            40 => "Too many levels of symbolic links",
            122 => "Disk quota exceeded",
            _ => "Unknown error " + errno.ToString(),
        };
    }
}
