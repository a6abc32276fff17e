namespace Dune.Platform
{
    /// <summary>Thin typed wrappers over the system calls the runtime itself needs.</summary>
    public static unsafe partial class Linux
    {
        /// <summary>The mmap(2) protections: PROT_NONE, PROT_READ, PROT_WRITE, PROT_EXEC.</summary>
        public const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, ProtExec = 4;
        /// <summary>The mmap(2) flags: MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS, MAP_NORESERVE.</summary>
        public const int MapPrivate = 0x02, MapFixed = 0x10, MapAnonymous = 0x20, MapNoReserve = 0x4000;
        /// <summary>The errno values ENOMEM, EFAULT and EINVAL.</summary>
        public const int ENOMEM = 12, EFAULT = 14, EINVAL = 22;

        /// <summary>write(2): up to <paramref name="count"/> bytes from <paramref name="buffer"/>; the number written.</summary>
        public static long Write(int fd, byte* buffer, nuint count) => Syscall.Invoke(SyscallNumber.Write, fd, (long)buffer, (long)count);

        /// <summary>Writes the whole buffer, retrying short writes; gives up on the first error.</summary>
        public static void WriteAll(int fd, byte* buffer, nuint count)
        {
            while (count > 0)
            {
                long n = Write(fd, buffer, count);
                if (n <= 0) return;
                buffer += n;
                count -= (nuint)n;
            }
        }

        /// <summary>Without an address, the mapping goes into the Dune region (<see cref="RuntimeMappings"/>).</summary>
        public static void* Mmap(void* addr, nuint length, int prot, int flags, int fd = -1, long offset = 0)
        {
            long r = addr == null
                ? RuntimeMappings.Map(length, prot, flags, fd, offset, &RuntimeMappings.RuntimeSyscall)
                : Syscall.Invoke(SyscallNumber.Mmap, (long)addr, (long)length, prot, flags, fd, offset);
            return r < 0 && r > -4096 ? null : (void*)r;
        }

        /// <summary>munmap(2), telling <see cref="RuntimeMappings"/> the range is free again.</summary>
        public static long Munmap(void* addr, nuint length)
        {
            long r = Syscall.Invoke(SyscallNumber.Munmap, (long)addr, (long)length);
            if (r == 0) RuntimeMappings.Unmapped((ulong)addr, length);
            return r;
        }

        /// <summary>exit_group(2): ends the process; never returns.</summary>
        public static void ExitGroup(int code)
        {
            while (true) Syscall.Invoke(SyscallNumber.ExitGroup, code);
        }

        /// <summary>getpid(2).</summary>
        public static int GetPid() => (int)Syscall.Invoke(SyscallNumber.Getpid);
    }
}
