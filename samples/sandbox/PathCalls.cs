/// <summary>How a call that names files uses them: which arguments are paths, relative to which directory descriptor, read or write.</summary>
struct PathUse
{
    /// <summary>The argument holding the path; -1 for none.</summary>
    public int Path, Dirfd;
    /// <summary>A second path (rename, link: both must be writable).</summary>
    public int Path2, Dirfd2;
    public bool Write;
    /// <summary>For the open calls: the argument with the open flags (write access depends on them), or <see cref="PathCalls.OpenHowFlags"/>; -1 otherwise.</summary>
    public int OpenFlags;
}

/// <summary>The calls the path rules apply to, by number (x86-64).</summary>
static class PathCalls
{
    public const int Socket = 41;
    /// <summary><see cref="PathUse.OpenFlags"/> of openat2: read from its struct open_how (argument 2).</summary>
    public const int OpenHowFlags = -2;
    const int None = -1;

    public static bool Has(int number) => Of(number).Path != None;

    public static PathUse Of(int number)
    {
        switch (number)
        {
            case 2: return Open(0, None, 1);        // open
            case 257: return Open(1, 0, 2);         // openat
            case 437: return Open(1, 0, OpenHowFlags); // openat2: the flags are the first word of struct open_how
            case 85: return Use(0, None, true);     // creat
            case 21: case 4: case 6: case 89: case 80: case 137: // access, stat, lstat, readlink, chdir, statfs
            case 191: case 192: case 194: case 195: // getxattr, lgetxattr, listxattr, llistxattr
                return Use(0, None, false);
            case 269: case 439: case 262: case 332: case 267: // faccessat, faccessat2, newfstatat, statx, readlinkat
                return Use(1, 0, false);
            case 83: case 84: case 87: case 90: case 92: case 94: case 76: case 133: case 132: case 235: // mkdir rmdir unlink chmod chown lchown truncate mknod utime utimes
            case 188: case 189: case 197: case 198: // setxattr, lsetxattr, removexattr, lremovexattr
                return Use(0, None, true);
            case 258: case 263: case 268: case 260: case 259: case 280: case 261: // mkdirat unlinkat fchmodat fchownat mknodat utimensat futimesat
                return Use(1, 0, true);
            case 82: case 86: return Two(0, None, 1, None);  // rename, link
            case 88: return Use(1, None, true);               // symlink(target, linkpath): only the link is written
            case 264: case 316: case 265: return Two(1, 0, 3, 2); // renameat, renameat2, linkat
            case 266: return Use(2, 1, true);                 // symlinkat(target, newdirfd, linkpath)
            default: return Use(None, None, false);
        }
    }

    static PathUse Use(int path, int dirfd, bool write) =>
        new PathUse { Path = path, Dirfd = dirfd, Path2 = None, Dirfd2 = None, Write = write, OpenFlags = None };

    static PathUse Open(int path, int dirfd, int flags) =>
        new PathUse { Path = path, Dirfd = dirfd, Path2 = None, Dirfd2 = None, Write = false, OpenFlags = flags };

    static PathUse Two(int path, int dirfd, int path2, int dirfd2) =>
        new PathUse { Path = path, Dirfd = dirfd, Path2 = path2, Dirfd2 = dirfd2, Write = true, OpenFlags = None };
}
