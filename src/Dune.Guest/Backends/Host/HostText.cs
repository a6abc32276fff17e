namespace Dune.Backends
{
    /// <summary>
    /// Builds a line of text in a caller-provided buffer and writes it with the host's own syscall. The host
    /// half must not allocate: the guest's heap may be in the middle of an operation when it exits.
    /// </summary>
    internal unsafe struct HostText
    {
        private readonly byte* _buf;
        private readonly int _cap;
        private int _len;

        public HostText(byte* buffer, int capacity)
        {
            _buf = buffer;
            _cap = capacity;
            _len = 0;
        }

        public void Add(string s)
        {
            for (int i = 0; i < s.Length && _len < _cap; i++) _buf[_len++] = (byte)s[i];
        }

        /// <summary>0x-prefixed, 16 hex digits.</summary>
        public void Hex(ulong v)
        {
            Add("0x");
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int d = (int)((v >> shift) & 0xF);
                if (_len < _cap) _buf[_len++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
            }
        }

        public void Dec(long v)
        {
            if (v < 0) { Add("-"); v = -v; }
            byte* tmp = stackalloc byte[20];
            int n = 0;
            do { tmp[n++] = (byte)('0' + (int)(v % 10)); v /= 10; } while (v != 0);
            while (n > 0 && _len < _cap) _buf[_len++] = tmp[--n];
        }

        /// <summary>Writes the text so far plus a newline to <paramref name="fd"/> and starts over.</summary>
        public void Line(int fd)
        {
            if (_len < _cap) _buf[_len++] = (byte)'\n';
            HostSyscall.Write(fd, _buf, _len);
            _len = 0;
        }
    }
}
