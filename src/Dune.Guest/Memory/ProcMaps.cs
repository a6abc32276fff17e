namespace Dune.Memory
{
    /// <summary>One line of /proc/self/maps: the range, its protections and whether it is special.</summary>
    public struct MapsEntry
    {
        /// <summary>The range [Start, End) of the mapping.</summary>
        public ulong Start, End;
        /// <summary>The r, w and x permissions of the mapping.</summary>
        public bool Read, Write, Execute;
        /// <summary>
        /// [vsyscall], [vvar], [vdso] (kernel-provided pages the guest never uses and KVM cannot mirror) and
        /// the KVM vCPU's own kvm_run mapping (host-half state the guest has no business touching).
        /// </summary>
        public bool KernelSpecial;
    }

    /// <summary>Parses the text of /proc/self/maps one line at a time, without allocating.</summary>
    public unsafe struct ProcMaps
    {
        private readonly byte* _text;
        private readonly int _length;
        private int _pos;

        /// <summary>A parser over the <paramref name="length"/> bytes of maps text at <paramref name="text"/>.</summary>
        public ProcMaps(byte* text, int length)
        {
            _text = text;
            _length = length;
            _pos = 0;
        }

        /// <summary>Reads the next complete line; false at the end of the text.</summary>
        public bool Next(out MapsEntry entry)
        {
            entry = default;
            if (_pos >= _length) return false;
            int lineEnd = _pos;
            while (lineEnd < _length && _text[lineEnd] != (byte)'\n') lineEnd++;
            int p = _pos;
            entry.Start = Hex(ref p, lineEnd);
            p++; // '-'
            entry.End = Hex(ref p, lineEnd);
            p++; // ' '
            entry.Read = p < lineEnd && _text[p] == (byte)'r';
            entry.Write = p + 1 < lineEnd && _text[p + 1] == (byte)'w';
            entry.Execute = p + 2 < lineEnd && _text[p + 2] == (byte)'x';
            entry.KernelSpecial = EndsWith(lineEnd, "[vsyscall]") || EndsWith(lineEnd, "[vvar]") || EndsWith(lineEnd, "[vdso]")
                || EndsWith(lineEnd, "[vvar_vclock]") || Contains(lineEnd, "anon_inode:kvm-vcpu");
            _pos = lineEnd + 1;
            return true;
        }

        private ulong Hex(ref int p, int end)
        {
            ulong v = 0;
            while (p < end)
            {
                int c = _text[p], d;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else break;
                v = (v << 4) | (uint)d;
                p++;
            }
            return v;
        }

        private bool Contains(int lineEnd, string part)
        {
            for (int start = _pos; start + part.Length <= lineEnd; start++)
            {
                int i = 0;
                while (i < part.Length && _text[start + i] == part[i]) i++;
                if (i == part.Length) return true;
            }
            return false;
        }

        private bool EndsWith(int lineEnd, string suffix)
        {
            int start = lineEnd - suffix.Length;
            if (start < _pos) return false;
            for (int i = 0; i < suffix.Length; i++)
                if (_text[start + i] != suffix[i]) return false;
            return true;
        }
    }
}
