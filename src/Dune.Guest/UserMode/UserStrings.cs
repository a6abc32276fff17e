namespace Dune.UserMode
{
    /// <summary>Reading the program's strings from ring 0, only where ring 3 itself could read them.</summary>
    public static unsafe class UserStrings
    {
        /// <summary>PATH_MAX: the longest path with its NUL.</summary>
        public const int PathMax = 4096;
        private const long EFAULT = 14, ENAMETOOLONG = 36;

        /// <summary>The NUL-terminated string at <paramref name="address"/> in the run's space: 0 and the text (one char per byte), -EFAULT or -ENAMETOOLONG.</summary>
        public static long Read(ulong address, int limit, out string text) => Read(Ring3.Space, address, limit, out text);

        /// <summary>The NUL-terminated string at <paramref name="address"/> in <paramref name="space"/> (at most <paramref name="limit"/> bytes with the NUL).</summary>
        public static long Read(UserSpace space, ulong address, int limit, out string text)
        {
            text = null;
            int length = 0;
            while (true)
            {
                if (length == limit) return -ENAMETOOLONG;
                ulong at = address + (ulong)length;
                if ((length == 0 || (at & 4095) == 0) && !space.IsUserAccessible(at, 1, false)) return -EFAULT;
                if (*(byte*)at == 0) break;
                length++;
            }
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)*(byte*)(address + (ulong)i);
            text = new string(chars, 0, length);
            return 0;
        }

        /// <summary>
        /// A NULL-terminated array of string pointers (argv, envp; a null array is empty): 0 and the strings, -EFAULT,
        /// or -E2BIG when the strings with their NULs and pointers exceed <paramref name="maxBytes"/>.
        /// </summary>
        public static long ReadArray(UserSpace space, ulong array, ref long maxBytes, out string[] strings)
        {
            const long E2BIG = 7;
            strings = null;
            var list = new System.Collections.Generic.List<string>();
            for (ulong at = array; array != 0; at += 8)
            {
                if (!space.IsUserAccessible(at, 8, false)) return -EFAULT;
                ulong s = *(ulong*)at;
                if (s == 0) break;
                long r = Read(space, s, (int)(maxBytes < int.MaxValue ? maxBytes : int.MaxValue), out string text);
                if (r == -ENAMETOOLONG) return -E2BIG;
                if (r != 0) return r;
                maxBytes -= text.Length + 1 + 8;
                if (maxBytes < 0) return -E2BIG;
                list.Add(text);
            }
            strings = list.ToArray();
            return 0;
        }
    }
}
