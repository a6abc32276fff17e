using Dune.UserMode;

/// <summary>Reading the program's strings from ring 0, only where ring 3 itself could read them.</summary>
static unsafe class UserStrings
{
    public const int PathMax = 4096;

    /// <summary>The NUL-terminated string at <paramref name="address"/>: 0 and the text, -EFAULT or -ENAMETOOLONG.</summary>
    public static long Read(ulong address, int limit, out string text)
    {
        text = null;
        UserSpace space = Ring3.Space;
        char[] buffer = new char[limit];
        for (int i = 0; i < limit; i++)
        {
            ulong at = address + (ulong)i;
            if ((i == 0 || (at & 4095) == 0) && !space.IsUserAccessible(at, 1, false)) return -14;
            byte b = *(byte*)at;
            if (b == 0)
            {
                text = new string(buffer, 0, i);
                return 0;
            }
            buffer[i] = (char)b;
        }
        return -36;
    }
}
