using Dune.Platform;

/// <summary>
/// The monitor's own output channel: a copy of its stderr moved among the monitor's descriptors
/// (<see cref="MonitorFds"/>), so the program closing or redirecting its fds 1 and 2 cannot silence the
/// monitor's trace and reports.
/// </summary>
static unsafe class Report
{
    static int s_fd = 2;

    public static void Open()
    {
        const long Dup = 32;
        long fd = Syscall.Invoke(Dup, 2);
        if (fd >= 0) s_fd = MonitorFds.Hide((int)fd);
    }

    public static void Line(string text)
    {
        int n = text.Length + 1;
        byte[] bytes = new byte[n];
        for (int i = 0; i < text.Length; i++) bytes[i] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        bytes[text.Length] = (byte)'\n';
        fixed (byte* p = bytes) Linux.WriteAll(s_fd, p, (nuint)n);
    }
}
