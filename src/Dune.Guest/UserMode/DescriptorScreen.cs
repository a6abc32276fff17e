namespace Dune.UserMode
{
    /// <summary>
    /// Descriptors named inside poll's pollfd array rather than in its registers, screened as the register ones
    /// are: a number at or above the monitor's floor is one the program cannot have open (its descriptor limit is
    /// the floor), so its entry gets what Linux gives for a closed descriptor, POLLNVAL, and the monitor's own
    /// descriptors there stay invisible. Pure: it reads and writes the memory it is given.
    /// </summary>
    public static unsafe class DescriptorScreen
    {
        /// <summary>struct pollfd: int fd, short events, short revents; POLLNVAL.</summary>
        public const int PollfdBytes = 8, PollfdRevents = 6;
        public const short PollNval = 0x20;

        /// <summary>How many of the <paramref name="count"/> pollfds at <paramref name="fds"/> name a descriptor at or above <paramref name="floor"/>.</summary>
        public static int CountReaching(byte* fds, ulong count, int floor)
        {
            int n = 0;
            for (ulong i = 0; i < count; i++)
                if (*(int*)(fds + i * PollfdBytes) >= floor) n++;
            return n;
        }

        /// <summary>
        /// Takes those entries out of the host's poll: each descriptor becomes its complement (negative: poll skips
        /// it), marked in <paramref name="hidden"/> (a bit per entry) for <see cref="Restore"/>.
        /// </summary>
        public static void Hide(byte* fds, ulong count, int floor, ulong[] hidden)
        {
            for (ulong i = 0; i < count; i++)
            {
                int* fd = (int*)(fds + i * PollfdBytes);
                if (*fd < floor) continue;
                *fd = ~*fd;
                hidden[i / 64] |= 1UL << (int)(i % 64);
            }
        }

        /// <summary>The hidden entries get their descriptors back and POLLNVAL, as for a closed descriptor.</summary>
        public static void Restore(byte* fds, ulong count, ulong[] hidden)
        {
            for (ulong i = 0; i < count; i++)
            {
                if ((hidden[i / 64] >> (int)(i % 64) & 1) == 0) continue;
                int* fd = (int*)(fds + i * PollfdBytes);
                *fd = ~*fd;
                *(short*)(fds + i * PollfdBytes + PollfdRevents) = PollNval;
            }
        }
    }
}
