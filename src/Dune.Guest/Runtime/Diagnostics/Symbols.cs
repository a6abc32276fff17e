using Dune.Platform;
using Internal.Runtime;

namespace Dune.Runtime
{
    /// <summary>
    /// Names for code and type addresses, read from the executable's own ELF symbol table (/proc/self/exe is
    /// mapped read-only once, on first use). Used by stack traces, Type names and fault reports; when the
    /// table cannot be read, callers fall back to hexadecimal addresses.
    /// </summary>
    public static unsafe class Symbols
    {
        private const uint SectionSymtab = 2;
        private const byte SymbolFunction = 2, SymbolNoType = 0;
        private const ulong SectionExecutable = 4;
        private const string MainWrapperSuffix = "_Module___MainMethodWrapper";

        private static bool s_tried;
        private static byte* s_image;
        private static byte* s_symbols;
        private static ulong s_symbolCount;
        private static byte* s_names;
        private static byte* s_sections;
        // Non-GC statics only: symbol lookups must work before (and without) the GC's static roots.
        private static byte* s_programPrefix;
        private static int s_programPrefixLength;

        internal static string TypeName(MethodTable* mt)
        {
            byte* name = FindExact((ulong)mt, "_ZTV");
            return name == null ? "type@0x" + ((ulong)mt).ToString("x") : Demangle(name);
        }

        /// <summary>Readable name of the function containing <paramref name="address"/>, or null when unknown.</summary>
        public static string FunctionName(ulong address)
        {
            byte* name = FindFunction(address);
            return name == null ? null : Demangle(name);
        }

        /// <summary>"Namespace.Type.Method" when the address is known, otherwise "0x..." .</summary>
        public static string Describe(ulong address) => FunctionName(address) ?? "0x" + address.ToString("x");

        /// <summary>
        /// The raw (NUL-terminated) names of the symbols at exactly <paramref name="address"/>, one per call:
        /// start with <paramref name="cursor"/> 0; null when there are no more (or no symbol table).
        /// </summary>
        internal static byte* NextNameAt(ulong address, ref ulong cursor)
        {
            if (!Load()) return null;
            for (; cursor < s_symbolCount; cursor++)
            {
                byte* sym = s_symbols + cursor * 24;
                if (*(ulong*)(sym + 8) != address) continue;
                cursor++;
                return s_names + *(uint*)sym;
            }
            return null;
        }

        /// <summary>
        /// The next symbol whose name starts with <paramref name="prefix"/>: its raw name and value; start with
        /// <paramref name="cursor"/> 0; null when there are no more (or no symbol table).
        /// </summary>
        internal static byte* NextWithPrefix(string prefix, ref ulong cursor, out ulong value)
        {
            value = 0;
            if (!Load()) return null;
            for (; cursor < s_symbolCount; cursor++)
            {
                byte* sym = s_symbols + cursor * 24;
                byte* name = s_names + *(uint*)sym;
                if (!StartsWith(name, prefix)) continue;
                cursor++;
                value = *(ulong*)(sym + 8);
                return name;
            }
            return null;
        }

        private static bool Load()
        {
            if (s_tried) return s_symbols != null;
            s_tried = true;
            byte* path = stackalloc byte[16];
            string exe = "/proc/self/exe";
            for (int i = 0; i < exe.Length; i++) path[i] = (byte)exe[i];
            path[exe.Length] = 0;
            long fd = Syscall.Invoke(SyscallNumber.Open, (long)path, 0);
            if (fd < 0) return false;
            byte* stat = stackalloc byte[144];
            long size = Syscall.Invoke(SyscallNumber.Fstat, fd, (long)stat) == 0 ? *(long*)(stat + 48) : 0;
            byte* image = size > 64 ? (byte*)Linux.Mmap(null, (nuint)size, Linux.ProtRead, Linux.MapPrivate, (int)fd) : null;
            Syscall.Invoke(SyscallNumber.Close, fd);
            if (image == null || *(uint*)image != 0x464c457f) return false;

            ulong sectionOffset = *(ulong*)(image + 0x28);
            int sectionSize = *(ushort*)(image + 0x3a), sectionCount = *(ushort*)(image + 0x3c);
            if (sectionOffset == 0 || sectionOffset + (ulong)(sectionSize * sectionCount) > (ulong)size) return false;
            byte* sections = image + sectionOffset;
            for (int i = 0; i < sectionCount; i++)
            {
                byte* sh = sections + i * sectionSize;
                if (*(uint*)(sh + 4) != SectionSymtab) continue;
                uint link = *(uint*)(sh + 40);
                if (link >= (uint)sectionCount) return false;
                s_image = image;
                s_sections = sections;
                s_symbols = image + *(ulong*)(sh + 24);
                s_symbolCount = *(ulong*)(sh + 32) / 24;
                s_names = image + *(ulong*)(sections + link * sectionSize + 24);
                FindProgramPrefix();
                return true;
            }
            return false;
        }

        /// <summary>The program's assembly prefix (e.g. "hello_"), recovered from ilc's Main wrapper symbol.</summary>
        private static void FindProgramPrefix()
        {
            for (ulong i = 0; i < s_symbolCount; i++)
            {
                byte* sym = s_symbols + i * 24;
                if ((sym[4] & 0xf) != SymbolFunction) continue;
                byte* name = s_names + *(uint*)sym;
                int length = Length(name);
                if (length > MainWrapperSuffix.Length && EndsWith(name, length, MainWrapperSuffix))
                {
                    s_programPrefix = name;
                    s_programPrefixLength = length - MainWrapperSuffix.Length;
                    return;
                }
            }
        }

        private static byte* FindExact(ulong value, string prefix)
        {
            if (!Load()) return null;
            for (ulong i = 0; i < s_symbolCount; i++)
            {
                byte* sym = s_symbols + i * 24;
                if (*(ulong*)(sym + 8) != value) continue;
                byte* name = s_names + *(uint*)sym;
                if (StartsWith(name, prefix)) return name;
            }
            return null;
        }

        private static byte* FindFunction(ulong address)
        {
            if (!Load()) return null;
            byte* best = null;
            ulong bestValue = 0;
            ushort bestSection = 0;
            for (ulong i = 0; i < s_symbolCount; i++)
            {
                byte* sym = s_symbols + i * 24;
                ulong value = *(ulong*)(sym + 8);
                if (value > address || value < bestValue || value == 0) continue;
                byte type = (byte)(sym[4] & 0xf);
                ushort section = *(ushort*)(sym + 6);
                if (type != SymbolFunction && (type != SymbolNoType || section == 0 || section >= 0xff00 || !IsExecutable(section))) continue;
                byte* name = s_names + *(uint*)sym;
                // Among aliases prefer ilc's qualified name over a [RuntimeExport] entry name.
                if (value == bestValue && best != null && Contains(best, "__")) continue;
                best = name;
                bestValue = value;
                bestSection = section;
            }
            // An address past the end of the symbol's section (mmapped code, a wild jump) has no name.
            return best != null && InSection(bestSection, address) ? best : null;
        }

        private static bool InSection(ushort section, ulong address)
        {
            if (section == 0 || section >= 0xff00) return true;
            byte* sh = s_sections + section * *(ushort*)(s_image + 0x3a);
            return address < *(ulong*)(sh + 16) + *(ulong*)(sh + 32);
        }

        private static bool IsExecutable(ushort section)
        {
            int sectionSize = *(ushort*)(s_image + 0x3a);
            return (*(ulong*)(s_sections + section * sectionSize + 8) & SectionExecutable) != 0;
        }

        private static string Demangle(byte* name) =>
            Diagnostics.SymbolNames.Demangle(new System.ReadOnlySpan<byte>(name, Length(name)), new System.ReadOnlySpan<byte>(s_programPrefix, s_programPrefixLength));

        private static int Length(byte* s)
        {
            int n = 0;
            while (s[n] != 0) n++;
            return n;
        }

        private static bool StartsWith(byte* s, string prefix)
        {
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != (byte)prefix[i]) return false;
            return true;
        }

        private static bool EndsWith(byte* s, int length, string suffix)
        {
            for (int i = 0; i < suffix.Length; i++)
                if (s[length - suffix.Length + i] != (byte)suffix[i]) return false;
            return true;
        }

        private static bool Contains(byte* s, string part)
        {
            for (; *s != 0; s++)
                if (StartsWith(s, part)) return true;
            return false;
        }
    }
}
