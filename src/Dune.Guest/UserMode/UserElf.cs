using System;
using Dune.Loader;
using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Loads a static executable into a <see cref="UserSpace"/> the way execve would: the loader's plan
    /// (Loader/ElfLoader) gives the segments, each becomes fresh host memory at its own address filled from
    /// the file and mapped as user pages with the segment's permissions; the break starts after the last one;
    /// a stack with argv, envp and the auxiliary vector (Loader/InitialStack) goes below <see cref="StackTop"/>.
    /// The image must not overlap the Dune process's own memory: the Dune executable itself sits at 0x400000,
    /// so link test programs elsewhere (e.g. -Wl,-Ttext-segment=0x10000000) or build them static-pie.
    /// </summary>
    public static unsafe class UserElf
    {
        public const ulong StackTop = 0x0000_5000_0000_0000, StackBytes = 1UL << 20;
        private const int MaxMappings = 16;
        private const int InitialStackBytes = 64 * 1024;
        private const long GetRandom = 318;

        /// <summary>Null on success with the registers to start in <paramref name="start"/>, otherwise why not.</summary>
        public static string Load(UserSpace space, byte[] image, string path, string[] argv, string[] envp, out UserFrame start)
        {
            start = default;
            LoadMapping* mappings = stackalloc LoadMapping[MaxMappings];
            ElfResult r = ElfLoader.Plan(image, LoaderOptions.Default, new Span<LoadMapping>(ref *mappings, MaxMappings), out LoadPlan plan);
            if (!r.Ok) return r.Message;
            ulong end = 0;
            for (int i = 0; i < plan.MappingCount; i++)
            {
                LoadMapping m = mappings[i];
                if (!space.Allocate(m.VirtualAddress, m.MemorySize, FromSegment(m.Permissions)))
                    return "cannot map segment at 0x" + m.VirtualAddress.ToString("x");
                byte* to = (byte*)m.VirtualAddress;
                for (ulong b = 0; b < m.CopySize; b++) to[b] = image[(int)(m.FileOffset + b)];
                if (m.End > end) end = m.End;
            }
            space.SetBreakStart(end);

            if (!space.Allocate(StackTop - StackBytes, StackBytes, Permissions.ReadWrite)) return "cannot map the stack";
            byte* random = stackalloc byte[16];
            if (Syscall.Invoke(GetRandom, (long)random, 16, 0) != 16) return "getrandom failed";
            byte* stackBase = (byte*)(StackTop - InitialStackBytes);
            StackError e = InitialStack.Build(new Span<byte>(ref *stackBase, InitialStackBytes), StackTop, Bytes(argv), Bytes(envp),
                Bytes(path), new ReadOnlySpan<byte>(ref *random, 16), InitialStackInfo.For(plan), out ulong sp);
            if (e != StackError.None) return "cannot build the initial stack";
            start = UserFrame.Start(plan.Entry, sp);
            return null;
        }

        /// <summary>Reads a whole file (null if it cannot).</summary>
        public static byte[] ReadFile(string path)
        {
            byte* name = stackalloc byte[path.Length + 1];
            for (int i = 0; i < path.Length; i++) name[i] = (byte)path[i];
            name[path.Length] = 0;
            const long AtFdcwd = -100, SeekEnd = 2, SeekSet = 0;
            long fd = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)name, 0);
            if (fd < 0) return null;
            long size = Syscall.Invoke(SyscallNumber.Lseek, fd, 0, SeekEnd);
            byte[] data = size >= 0 && size < int.MaxValue ? new byte[(int)size] : null;
            if (data != null && Syscall.Invoke(SyscallNumber.Lseek, fd, 0, SeekSet) == 0)
            {
                fixed (byte* p = data)
                {
                    long done = 0;
                    while (done < size)
                    {
                        long n = Syscall.Invoke(SyscallNumber.Read, fd, (long)(p + done), size - done);
                        if (n <= 0) { data = null; break; }
                        done += n;
                    }
                }
            }
            Syscall.Invoke(SyscallNumber.Close, fd);
            return data;
        }

        private static Permissions FromSegment(MappingPermissions p)
        {
            Permissions result = Permissions.Read;
            if ((p & MappingPermissions.Write) != 0) result |= Permissions.Write;
            if ((p & MappingPermissions.Execute) != 0) result |= Permissions.Execute;
            return result;
        }

        private static byte[] Bytes(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }

        private static byte[][] Bytes(string[] strings)
        {
            byte[][] b = new byte[strings.Length][];
            for (int i = 0; i < strings.Length; i++) b[i] = Bytes(strings[i]);
            return b;
        }
    }
}
