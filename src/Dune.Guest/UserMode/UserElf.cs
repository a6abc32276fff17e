using System;
using Dune.Loader;
using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Loads an executable into a <see cref="UserSpace"/> the way execve would: static (ET_EXEC at its own
    /// addresses), static-pie and PIE (ET_DYN at <see cref="LoaderOptions.PieLoadBias"/>) and dynamically linked
    /// programs, whose interpreter (PT_INTERP, e.g. ld-linux-x86-64.so.2) is loaded too, at an address the host
    /// chooses in its ordinary mmap area as Linux does, and started first with AT_BASE telling it where it is.
    /// Each segment becomes fresh host memory at its address, filled from the file in one copy and mapped as user
    /// pages with the segment's permissions; the break starts after the program's last segment; the stack (argv,
    /// envp, the auxiliary vector) ends at <see cref="StackTop"/>, just below the Dune region. Nothing may load
    /// into the Dune region (<see cref="DuneLayout"/>), where the monitor lives.
    /// </summary>
    public static unsafe class UserElf
    {
        /// <summary>The top of the program's stack (1 GiB below the Dune region) and its size in bytes (8 MiB).</summary>
        public const ulong StackTop = DuneLayout.Start - GuardBytes, StackBytes = 8UL << 20;
        private const ulong GuardBytes = 1UL << 30;
        private const int MaxMappings = 16;
        private const int InitialStackBytes = 64 * 1024;
        /// <summary>What of the stack is mapped at the start; the rest is mapped as the program first touches it (UserSpace.TryGrowStack).</summary>
        private const ulong InitialStackMapped = 128 * 1024;
        private const long GetRandom = 318;

        /// <summary>
        /// Whether the loader takes <paramref name="image"/>, and the ELF interpreter (PT_INTERP) it names, or null:
        /// what execve and a sandbox check against their path rules before loading.
        /// </summary>
        public static bool IsLoadable(byte[] image, out string interpreter)
        {
            interpreter = null;
            LoadMapping* mappings = stackalloc LoadMapping[MaxMappings];
            if (!ElfLoader.Plan(image, LoaderOptions.Default, new Span<LoadMapping>(ref *mappings, MaxMappings), out LoadPlan plan).Ok) return false;
            if (plan.HasInterpreter) interpreter = Ascii(image, plan.InterpreterOffset, plan.InterpreterLength);
            return true;
        }

        /// <summary>Null on success with the registers to start in <paramref name="start"/>, otherwise why not.</summary>
        public static string Load(UserSpace space, byte[] image, string path, string[] argv, string[] envp, out UserFrame start)
        {
            start = default;
            LoadMapping* mappings = stackalloc LoadMapping[MaxMappings];
            ElfResult r = ElfLoader.Plan(image, LoaderOptions.Default, new Span<LoadMapping>(ref *mappings, MaxMappings), out LoadPlan plan);
            if (!r.Ok) return r.Message;
            string error = MapSegments(space, image, mappings, plan.MappingCount);
            if (error != null) return error;
            space.SetBreakStart(plan.ImageEnd);

            InitialStackInfo info = InitialStackInfo.For(plan);
            info.HardwareCapabilities = HardwareCapabilities();
            info.MinSignalStackSize = UserXstate.MinimumSignalStack;
            ulong entry = plan.Entry;
            if (plan.HasInterpreter)
            {
                error = LoadInterpreter(space, Ascii(image, plan.InterpreterOffset, plan.InterpreterLength), mappings, out entry, out info.InterpreterBase);
                if (error != null) return error;
            }

            if (!space.SetStack(StackTop, StackBytes, InitialStackMapped)) return "cannot map the stack";
            byte* random = stackalloc byte[16];
            if (Syscall.Invoke(GetRandom, (long)random, 16, 0) != 16) return "getrandom failed";
            byte* stackBase = (byte*)(StackTop - InitialStackBytes);
            StackError e = InitialStack.Build(new Span<byte>(ref *stackBase, InitialStackBytes), StackTop, Bytes(argv), Bytes(envp),
                Bytes(path), new ReadOnlySpan<byte>(ref *random, 16), info, out ulong sp);
            if (e != StackError.None) return "cannot build the initial stack";
            start = UserFrame.Start(entry, sp);
            return null;
        }

        /// <summary>
        /// The dynamic linker: planned once to learn its size, then placed where the host's mmap would put a
        /// mapping of that size (so it lands in the ordinary mmap area, like Linux's) and planned again there.
        /// </summary>
        private static string LoadInterpreter(UserSpace space, string path, LoadMapping* mappings, out ulong entry, out ulong interpreterBase)
        {
            entry = interpreterBase = 0;
            byte[] image = ReadFile(path);
            if (image == null) return "cannot read the interpreter " + path;
            LoaderOptions options = LoaderOptions.Default;
            var span = new Span<LoadMapping>(ref *mappings, MaxMappings);
            ElfResult r = ElfLoader.Plan(image, options, span, out LoadPlan plan);
            if (!r.Ok) return "interpreter " + path + ": " + r.Message;
            if (plan.HasInterpreter) return "interpreter " + path + " asks for an interpreter itself";
            if (plan.PositionIndependent)
            {
                ulong size = plan.ImageEnd - plan.ImageStart;
                long at = Syscall.Invoke(SyscallNumber.Mmap, 0, (long)size, Linux.ProtNone,
                    Linux.MapPrivate | Linux.MapAnonymous | Linux.MapNoReserve, -1, 0);
                if (at < 0 && at > -4096) return "no room for the interpreter " + path;
                Syscall.Invoke(SyscallNumber.Munmap, at, (long)size);
                options.PieLoadBias = (ulong)at - (plan.ImageStart - options.PieLoadBias);
                r = ElfLoader.Plan(image, options, span, out plan);
                if (!r.Ok) return "interpreter " + path + ": " + r.Message;
            }
            string error = MapSegments(space, image, mappings, plan.MappingCount);
            if (error != null) return "interpreter " + path + ": " + error;
            entry = plan.Entry;
            interpreterBase = plan.LoadBias;
            return null;
        }

        private static string MapSegments(UserSpace space, byte[] image, LoadMapping* mappings, int count)
        {
            for (int i = 0; i < count; i++)
            {
                LoadMapping m = mappings[i];
                if (DuneLayout.Overlaps(m.VirtualAddress, m.MemorySize))
                    return "segment at 0x" + m.VirtualAddress.ToString("x") + " is inside the monitor's region";
                if (!space.Allocate(m.VirtualAddress, m.MemorySize, FromSegment(m.Permissions)))
                    return "cannot map segment at 0x" + m.VirtualAddress.ToString("x");
                new ReadOnlySpan<byte>(image, (int)m.FileOffset, (int)m.CopySize).CopyTo(new Span<byte>((byte*)m.VirtualAddress, (int)m.CopySize));
            }
            return null;
        }

        /// <summary>AT_HWCAP on x86-64: CPUID leaf 1's EDX, as the kernel reports it.</summary>
        private static ulong HardwareCapabilities()
        {
            uint* regs = stackalloc uint[4];
            Instructions.Cpuid(1, 0, regs);
            return regs[3];
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

        private static string Ascii(byte[] image, ulong offset, int length)
        {
            char* c = stackalloc char[length];
            for (int i = 0; i < length; i++) c[i] = (char)image[(int)offset + i];
            return new string(c, 0, length);
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
