using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The Dune process's own /proc directory (/proc/self, /proc/thread-self, /proc/PID) shows the monitor: its
    /// memory (mem, which writes anywhere), its mappings, its descriptors. Paths naming it are refused, and a
    /// descriptor the program opened is checked by what it is (its /proc/self/fd link), which catches symlinks,
    /// relative paths and directory descriptors the path check cannot see.
    /// </summary>
    internal static unsafe class ProcSelf
    {
        private const int LinkBytes = 256;

        /// <summary>Whether an absolute path (NUL-terminated, already checked readable) starts with the process's /proc directory.</summary>
        public static bool Names(byte* path)
        {
            if (path[0] != (byte)'/') return false;
            int at = 0;
            if (!NextComponent(path, ref at, out int start, out int length) || !Is(path + start, length, "proc")) return false;
            if (!NextComponent(path, ref at, out start, out length)) return false;
            return Is(path + start, length, "self") || Is(path + start, length, "thread-self") || IsOwnPid(path + start, length);
        }

        /// <summary>Whether <paramref name="fd"/> is the process's /proc directory or something in it.</summary>
        public static bool IsMonitorsFd(int fd)
        {
            byte* name = stackalloc byte[32];
            int n = Append(name, 0, "/proc/self/fd/");
            n = AppendNumber(name, n, (ulong)fd);
            name[n] = 0;
            byte* link = stackalloc byte[LinkBytes];
            long length = Syscall.Invoke(SyscallNumber.Readlink, (long)name, (long)link, LinkBytes - 1);
            if (length <= 0) return false;
            link[length] = 0;
            return Names(link);
        }

        /// <summary>The next path component after <paramref name="at"/>, skipping slashes and "." components.</summary>
        private static bool NextComponent(byte* path, ref int at, out int start, out int length)
        {
            while (true)
            {
                while (path[at] == (byte)'/') at++;
                start = at;
                while (path[at] != 0 && path[at] != (byte)'/') at++;
                length = at - start;
                if (length == 0) return false;
                if (length != 1 || path[start] != (byte)'.') return true;
            }
        }

        private static bool Is(byte* s, int length, string literal)
        {
            if (length != literal.Length) return false;
            for (int i = 0; i < length; i++) if (s[i] != (byte)literal[i]) return false;
            return true;
        }

        private static bool IsOwnPid(byte* s, int length)
        {
            if (length == 0 || length > 10) return false;
            long value = 0;
            for (int i = 0; i < length; i++)
            {
                if (s[i] < (byte)'0' || s[i] > (byte)'9') return false;
                value = value * 10 + (s[i] - (byte)'0');
            }
            return value == Syscall.Invoke(SyscallNumber.Getpid);
        }

        private static int Append(byte* to, int at, string s)
        {
            for (int i = 0; i < s.Length; i++) to[at++] = (byte)s[i];
            return at;
        }

        private static int AppendNumber(byte* to, int at, ulong value)
        {
            byte* digits = stackalloc byte[20];
            int n = 0;
            do { digits[n++] = (byte)('0' + value % 10); value /= 10; } while (value != 0);
            while (n > 0) to[at++] = digits[--n];
            return at;
        }
    }
}
