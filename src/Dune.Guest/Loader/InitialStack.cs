using System;

namespace Dune.Loader
{
    /// <summary>Why the initial stack could not be built.</summary>
    public enum StackError
    {
        /// <summary>The stack was built.</summary>
        None,
        /// <summary>The strings, pointers and auxiliary vector do not fit in the stack.</summary>
        StackTooSmall,
        /// <summary>The stack top is not 16-byte aligned.</summary>
        StackTopMisaligned,
        /// <summary>The random bytes (AT_RANDOM) are not exactly 16.</summary>
        BadRandomSize,
        /// <summary>A string is null or contains a NUL byte.</summary>
        InvalidString,
    }

    /// <summary>
    /// Lays out the initial process stack the way Linux's execve does (fs/exec.c and
    /// create_elf_tables in fs/binfmt_elf.c), minus stack randomization and the vDSO. From the top down:
    /// an 8-byte zero word, the argument, environment and executable-path strings (contiguous, argv[0]
    /// lowest), alignment to 16, the platform string "x86_64", the 16 AT_RANDOM bytes, padding, and at the
    /// 16-byte aligned stack pointer: argc, argv[], NULL, envp[], NULL, the auxiliary vector ending in AT_NULL.
    /// </summary>
    public static class InitialStack
    {
        private const int RandomSize = 16;
        private const ulong PlatformSize = 7;

        /// <summary>
        /// Writes the stack into <paramref name="stack"/>, which stands for the memory [stackTop - stack.Length, stackTop).
        /// Strings are raw bytes without their terminating NUL. Returns the initial rsp in <paramref name="stackPointer"/>.
        /// </summary>
        public static StackError Build(Span<byte> stack, ulong stackTop, byte[][] argv, byte[][] envp, byte[] executablePath,
            ReadOnlySpan<byte> random, in InitialStackInfo info, out ulong stackPointer)
        {
            stackPointer = 0;
            if ((stackTop & 15) != 0) return StackError.StackTopMisaligned;
            if (random.Length != RandomSize) return StackError.BadRandomSize;
            if (!ValidStrings(argv) || !ValidStrings(envp) || !ValidString(executablePath)) return StackError.InvalidString;

            ulong bottom = stackTop - (ulong)stack.Length;
            if (bottom > stackTop) return StackError.StackTooSmall;
            ulong stringBytes = StringBytes(argv) + StringBytes(envp) + (ulong)executablePath.Length + 1;
            ulong auxWords = 2 * (ulong)AuxEntryCount(info);
            ulong pointerWords = 1 + (ulong)argv.Length + 1 + (ulong)envp.Length + 1;
            // An upper bound first, so the exact address computation below cannot wrap around zero.
            if (8 + stringBytes + 15 + PlatformSize + RandomSize + 8 * (auxWords + pointerWords) + 15 > stackTop) return StackError.StackTooSmall;

            ulong strings = stackTop - 8 - stringBytes;
            ulong platform = (strings & ~15UL) - PlatformSize;
            ulong randomBytes = platform - RandomSize;
            ulong sp = (randomBytes - 8 * (auxWords + pointerWords)) & ~15UL;
            if (sp < bottom) return StackError.StackTooSmall;

            stack.Slice((int)(sp - bottom)).Clear();
            WritePlatform(stack.Slice((int)(platform - bottom), (int)PlatformSize));
            Copy(stack, bottom, randomBytes, random);

            ulong cursor = strings;
            ulong word = sp;
            Put(stack, bottom, ref word, (ulong)argv.Length);
            for (int i = 0; i < argv.Length; i++) Put(stack, bottom, ref word, CopyString(stack, bottom, ref cursor, argv[i]));
            Put(stack, bottom, ref word, 0);
            for (int i = 0; i < envp.Length; i++) Put(stack, bottom, ref word, CopyString(stack, bottom, ref cursor, envp[i]));
            Put(stack, bottom, ref word, 0);
            ulong execfn = CopyString(stack, bottom, ref cursor, executablePath);

            if (info.MinSignalStackSize != 0) PutAux(stack, bottom, ref word, AuxVector.MinSigStackSize, info.MinSignalStackSize);
            PutAux(stack, bottom, ref word, AuxVector.Hwcap, info.HardwareCapabilities);
            PutAux(stack, bottom, ref word, AuxVector.Pagesz, info.PageSize);
            PutAux(stack, bottom, ref word, AuxVector.Clktck, 100);
            PutAux(stack, bottom, ref word, AuxVector.Phdr, info.ProgramHeaderAddress);
            PutAux(stack, bottom, ref word, AuxVector.Phent, Elf.ProgramHeaderSize);
            PutAux(stack, bottom, ref word, AuxVector.Phnum, info.ProgramHeaderCount);
            PutAux(stack, bottom, ref word, AuxVector.Base, info.InterpreterBase);
            PutAux(stack, bottom, ref word, AuxVector.Flags, 0);
            PutAux(stack, bottom, ref word, AuxVector.Entry, info.Entry);
            PutAux(stack, bottom, ref word, AuxVector.Uid, info.Uid);
            PutAux(stack, bottom, ref word, AuxVector.Euid, info.Euid);
            PutAux(stack, bottom, ref word, AuxVector.Gid, info.Gid);
            PutAux(stack, bottom, ref word, AuxVector.Egid, info.Egid);
            PutAux(stack, bottom, ref word, AuxVector.Secure, info.Secure ? 1UL : 0UL);
            PutAux(stack, bottom, ref word, AuxVector.Random, randomBytes);
            PutAux(stack, bottom, ref word, AuxVector.Hwcap2, info.HardwareCapabilities2);
            PutAux(stack, bottom, ref word, AuxVector.Execfn, execfn);
            PutAux(stack, bottom, ref word, AuxVector.Platform, platform);
            PutAux(stack, bottom, ref word, AuxVector.Null, 0);

            stackPointer = sp;
            return StackError.None;
        }

        /// <summary>AT_PLATFORM's string, "x86_64" and its NUL (written bytewise: the guest runtime has no static data spans).</summary>
        private static void WritePlatform(Span<byte> s)
        {
            s[0] = (byte)'x'; s[1] = (byte)'8'; s[2] = (byte)'6'; s[3] = (byte)'_'; s[4] = (byte)'6'; s[5] = (byte)'4'; s[6] = 0;
        }

        private static int AuxEntryCount(in InitialStackInfo info) => (info.MinSignalStackSize != 0 ? 1 : 0) + 19;

        private static bool ValidStrings(byte[][] strings)
        {
            if (strings == null) return false;
            for (int i = 0; i < strings.Length; i++) if (!ValidString(strings[i])) return false;
            return true;
        }

        /// <summary>C strings cannot hold NUL: an embedded one would silently cut the string short.</summary>
        private static bool ValidString(byte[] s)
        {
            if (s == null) return false;
            for (int i = 0; i < s.Length; i++) if (s[i] == 0) return false;
            return true;
        }

        private static ulong StringBytes(byte[][] strings)
        {
            ulong n = 0;
            for (int i = 0; i < strings.Length; i++) n += (ulong)strings[i].Length + 1;
            return n;
        }

        private static ulong CopyString(Span<byte> stack, ulong bottom, ref ulong cursor, byte[] s)
        {
            ulong at = cursor;
            Copy(stack, bottom, at, s);
            stack[(int)(at - bottom) + s.Length] = 0;
            cursor += (ulong)s.Length + 1;
            return at;
        }

        private static void Copy(Span<byte> stack, ulong bottom, ulong address, ReadOnlySpan<byte> bytes) =>
            bytes.CopyTo(stack.Slice((int)(address - bottom), bytes.Length));

        private static void Put(Span<byte> stack, ulong bottom, ref ulong address, ulong value)
        {
            LittleEndian.Write(stack, (int)(address - bottom), value);
            address += 8;
        }

        private static void PutAux(Span<byte> stack, ulong bottom, ref ulong address, ulong type, ulong value)
        {
            Put(stack, bottom, ref address, type);
            Put(stack, bottom, ref address, value);
        }
    }
}
