using Dune.Platform;

namespace System
{
    public static unsafe partial class Environment
    {
        /// <summary>The exit code of a program whose Main returns void (and what `int Main`'s result is latched into).</summary>
        public static int ExitCode { get; set; }

        public static string CurrentDirectory
        {
            get => System.IO.Directory.GetCurrentDirectory();
            set => System.IO.Directory.SetCurrentDirectory(value);
        }

        /// <summary>CPUs this process may run on (sched_getaffinity), as .NET counts them.</summary>
        public static int ProcessorCount
        {
            get
            {
                byte* mask = stackalloc byte[128];
                long size = Linux.SchedGetaffinity(mask, 128);
                if (size <= 0) return 1;
                int count = 0;
                for (int i = 0; i < size; i++)
                    for (int b = mask[i]; b != 0; b &= b - 1) count++;
                return count > 0 ? count : 1;
            }
        }

        /// <summary>Milliseconds since boot (CLOCK_MONOTONIC).</summary>
        public static long TickCount64
        {
            get
            {
                Linux.ClockGettime(Linux.ClockMonotonic, out long seconds, out long nanoseconds);
                return seconds * 1000 + nanoseconds / 1000000;
            }
        }

        public static int TickCount => (int)TickCount64;

        public static bool Is64BitProcess => true;
        public static bool Is64BitOperatingSystem => true;
        public static int CurrentManagedThreadId => System.Threading.Thread.CurrentThread.ManagedThreadId;
    }
}
