using Dune.Platform;
using Dune.UserMode;

/// <summary>
/// An absolute path with its symlinks followed, component by component, as the kernel would follow them when the
/// call runs (the last component too; a component that does not exist ends the resolution and the rest is kept
/// as written). Path rules are applied to this path as well as to the one written, so a symlink inside a
/// read-write tree gives no more than the rules give its target. The monitor resolves before the host acts: a
/// program that swaps a link between the check and the call can race it (README, "Path rules").
/// </summary>
static unsafe class ResolvedPath
{
    /// <summary>Linux's limit on symlinks followed in one lookup (MAXSYMLINKS): beyond it the kernel answers ELOOP.</summary>
    const int MaxLinks = 40;

    public static string Of(string absolutePath)
    {
        string resolved = "", remaining = absolutePath;
        int links = 0;
        byte[] target = new byte[UserStrings.PathMax];
        while (remaining.Length > 0)
        {
            int start = 0;
            while (start < remaining.Length && remaining[start] == '/') start++;
            int end = remaining.IndexOf('/', start);
            if (end < 0) end = remaining.Length;
            string part = remaining.Substring(start, end - start);
            remaining = remaining.Substring(end);
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                int slash = resolved.LastIndexOf('/');
                resolved = slash <= 0 ? "" : resolved.Substring(0, slash);
                continue;
            }
            string candidate = resolved + "/" + part;
            string link = ReadLink(candidate, target);
            if (link == null)
            {
                resolved = candidate;
                continue;
            }
            if (++links > MaxLinks) return candidate + remaining;
            if (link.Length > 0 && link[0] == '/') resolved = "";
            remaining = link + remaining;
        }
        return resolved.Length == 0 ? "/" : resolved;
    }

    /// <summary>The target of the symlink at <paramref name="path"/>, or null when it is not one (or does not exist).</summary>
    static string ReadLink(string path, byte[] buffer)
    {
        byte* name = stackalloc byte[path.Length + 1];
        for (int i = 0; i < path.Length; i++) name[i] = (byte)path[i];
        name[path.Length] = 0;
        long n;
        fixed (byte* to = buffer) n = Syscall.Invoke(SyscallNumber.Readlink, (long)name, (long)to, buffer.Length);
        if (n <= 0) return null;
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)buffer[i];
        return new string(chars, 0, (int)n);
    }
}
