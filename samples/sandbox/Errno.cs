/// <summary>Linux errno names and numbers, for policy files and the trace.</summary>
static class Errno
{
    static readonly string[] Names =
    {
        null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM",
        "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE",
        "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK",
        "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP",
    };

    public const int EPERM = 1, EACCES = 13, EROFS = 30, ENOSYS = 38;

    /// <summary>"ENOENT" for 2; the number itself for errnos without a name here.</summary>
    public static string Name(long errno) =>
        errno > 0 && errno < Names.Length ? Names[errno] : errno.ToString();

    /// <summary>An errno given by name (EPERM) or number (1..4095); 0 if neither.</summary>
    public static int Parse(string text)
    {
        for (int i = 1; i < Names.Length; i++) if (Names[i] == text) return i;
        return int.TryParse(text, out int n) && n >= 1 && n <= 4095 ? n : 0;
    }
}
