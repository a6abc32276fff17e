using System;

namespace Dune.Runtime.Diagnostics
{
    /// <summary>
    /// Readable names from ilc's symbol names (pure: unit-tested against normal .NET). Methods are
    /// "Assembly_Namespace_Type__Method[_N]" with '.' and '-' written as '_'; MethodTables are "_ZTV" +
    /// length + the same type name. The runtime's ("Dune_Guest_") or the program's assembly prefix is
    /// dropped, the type part's '_' become '.', an overload suffix "_N" is dropped. Underscores in real
    /// identifiers also become dots: the cheap, usually right, reading.
    /// </summary>
    public static class SymbolNames
    {
        private const string RuntimePrefix = "Dune_Guest_";
        private const string MethodTablePrefix = "_ZTV";

        public static string Demangle(ReadOnlySpan<byte> name, ReadOnlySpan<byte> programPrefix)
        {
            if (StartsWith(name, MethodTablePrefix))
            {
                name = name.Slice(MethodTablePrefix.Length);
                while (name.Length > 0 && name[0] >= (byte)'0' && name[0] <= (byte)'9') name = name.Slice(1);
            }
            if (StartsWith(name, RuntimePrefix)) name = name.Slice(RuntimePrefix.Length);
            else if (programPrefix.Length > 0 && StartsWith(name, programPrefix)) name = name.Slice(programPrefix.Length);

            char[] text = new char[name.Length + 1];
            int n = 0;
            if (name.Length == 0 || name[0] == (byte)'_')
            {
                for (int i = 0; i < name.Length; i++) text[n++] = (char)name[i];
                return Create(text, n);
            }
            int split = -1;
            for (int i = 1; i + 1 < name.Length; i++)
                if (name[i] == (byte)'_' && name[i + 1] == (byte)'_') { split = i; break; }
            int typeEnd = split < 0 ? name.Length : split;
            for (int i = 0; i < typeEnd; i++) text[n++] = name[i] == (byte)'_' ? '.' : (char)name[i];
            if (split >= 0)
            {
                int methodStart = split + 2, methodEnd = name.Length, d = name.Length;
                while (d > methodStart && name[d - 1] >= (byte)'0' && name[d - 1] <= (byte)'9') d--;
                if (d < name.Length && d > methodStart + 1 && name[d - 1] == (byte)'_') methodEnd = d - 1;
                text[n++] = '.';
                for (int i = methodStart; i < methodEnd; i++) text[n++] = (char)name[i];
            }
            return Create(text, n);
        }

        private static string Create(char[] text, int length)
        {
            if (length == 0) return "";
#if DUNE_HOSTED_TESTS
            return new string(text, 0, length);
#else
            return string.FromSpan(new ReadOnlySpan<char>(ref text[0], length));
#endif
        }

        private static bool StartsWith(ReadOnlySpan<byte> s, string prefix)
        {
            if (s.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != (byte)prefix[i]) return false;
            return true;
        }

        private static bool StartsWith(ReadOnlySpan<byte> s, ReadOnlySpan<byte> prefix)
        {
            if (s.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != prefix[i]) return false;
            return true;
        }
    }
}
