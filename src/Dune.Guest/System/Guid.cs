namespace System
{
    /// <summary>
    /// A 128-bit identifier, laid out as .NET's (a 32-bit, two 16-bit fields and eight bytes; a byte array holds the first
    /// three little-endian). <see cref="NewGuid"/> is version 4 from getrandom(2). Text forms: "D" (the default,
    /// 8-4-4-4-12 hex digits), "N" (32 digits), "B" and "P" (D in braces or parentheses).
    /// </summary>
    public readonly struct Guid : IEquatable<Guid>, IComparable<Guid>, IComparable
    {
        private readonly int _a;
        private readonly short _b, _c;
        private readonly byte _d, _e, _f, _g, _h, _i, _j, _k;

        public static readonly Guid Empty;

        /// <summary>The eight bytes after the three fields, the first the highest: how both the text and the order read them.</summary>
        private ulong Tail =>
            (ulong)_d << 56 | (ulong)_e << 48 | (ulong)_f << 40 | (ulong)_g << 32 | (ulong)_h << 24 | (ulong)_i << 16 | (ulong)_j << 8 | _k;

        public Guid(byte[] b) : this(new ReadOnlySpan<byte>(b ?? throw new ArgumentNullException(nameof(b))))
        {
        }

        public Guid(ReadOnlySpan<byte> b)
        {
            if (b.Length != 16) throw new ArgumentException("Byte array for Guid must be exactly 16 bytes long.", nameof(b));
            _a = b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24;
            _b = (short)(b[4] | b[5] << 8);
            _c = (short)(b[6] | b[7] << 8);
            _d = b[8]; _e = b[9]; _f = b[10]; _g = b[11]; _h = b[12]; _i = b[13]; _j = b[14]; _k = b[15];
        }

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k)
        {
            _a = a; _b = b; _c = c;
            _d = d; _e = e; _f = f; _g = g; _h = h; _i = i; _j = j; _k = k;
        }

        public Guid(string g) => this = Parse(g);

        /// <summary>A random (version 4, RFC 4122 variant) identifier.</summary>
        public static unsafe Guid NewGuid()
        {
            byte* bytes = stackalloc byte[16];
            if (Dune.Platform.Linux.GetRandom(bytes, 16) != 16) throw new InvalidOperationException("getrandom failed");
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(new ReadOnlySpan<byte>(bytes, 16));
        }

        public byte[] ToByteArray()
        {
            return new byte[]
            {
                (byte)_a, (byte)(_a >> 8), (byte)(_a >> 16), (byte)(_a >> 24), (byte)_b, (byte)(_b >> 8), (byte)_c, (byte)(_c >> 8),
                _d, _e, _f, _g, _h, _i, _j, _k,
            };
        }

        public override string ToString() => ToString("D");

        public string ToString(string format)
        {
            char kind = string.IsNullOrEmpty(format) ? 'D' : format.Length == 1 ? char.ToUpperInvariant(format[0]) : '?';
            if (kind != 'D' && kind != 'N' && kind != 'B' && kind != 'P')
                throw new FormatException("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            bool dashes = kind != 'N';
            var chars = new char[kind == 'N' ? 32 : kind == 'D' ? 36 : 38];
            int at = 0;
            if (kind == 'B') chars[at++] = '{';
            if (kind == 'P') chars[at++] = '(';
            at = Hex(chars, at, (uint)_a, 8);
            if (dashes) chars[at++] = '-';
            at = Hex(chars, at, (ushort)_b, 4);
            if (dashes) chars[at++] = '-';
            at = Hex(chars, at, (ushort)_c, 4);
            if (dashes) chars[at++] = '-';
            ulong tail = Tail;
            at = Hex(chars, at, tail >> 48, 4);
            if (dashes) chars[at++] = '-';
            at = Hex(chars, at, tail, 12);
            if (kind == 'B') chars[at++] = '}';
            if (kind == 'P') chars[at++] = ')';
            return new string(chars);
        }

        private static int Hex(char[] to, int at, ulong value, int digits)
        {
            for (int i = digits - 1; i >= 0; i--) to[at++] = "0123456789abcdef"[(int)(value >> (i * 4)) & 15];
            return at;
        }

        public static Guid Parse(string input)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (!TryParse(input, out Guid result))
                throw new FormatException("Unrecognized Guid format.");
            return result;
        }

        /// <summary>The "D", "N", "B" and "P" forms, digits of either case, white space around them allowed.</summary>
        public static bool TryParse(string input, out Guid result)
        {
            result = default;
            if (input == null) return false;
            string s = input.Trim();
            if (s.Length == 38 && ((s[0] == '{' && s[37] == '}') || (s[0] == '(' && s[37] == ')'))) s = s.Substring(1, 36);
            byte[] digits = new byte[32];
            int n = 0;
            if (s.Length == 36)
            {
                for (int i = 0; i < 36; i++)
                {
                    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
                    if (dash != (s[i] == '-')) return false;
                    if (!dash && !HexDigit(s[i], ref digits[n++])) return false;
                }
            }
            else if (s.Length == 32)
            {
                for (int i = 0; i < 32; i++)
                    if (!HexDigit(s[i], ref digits[n++])) return false;
            }
            else return false;
            uint Take(int from, int count)
            {
                uint v = 0;
                for (int i = from; i < from + count; i++) v = v << 4 | digits[i];
                return v;
            }
            result = new Guid((int)Take(0, 8), (short)Take(8, 4), (short)Take(12, 4),
                (byte)Take(16, 2), (byte)Take(18, 2), (byte)Take(20, 2), (byte)Take(22, 2), (byte)Take(24, 2), (byte)Take(26, 2), (byte)Take(28, 2), (byte)Take(30, 2));
            return true;
        }

        private static bool HexDigit(char c, ref byte value)
        {
            if (c >= '0' && c <= '9') value = (byte)(c - '0');
            else if (c >= 'a' && c <= 'f') value = (byte)(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value = (byte)(c - 'A' + 10);
            else return false;
            return true;
        }

        public bool Equals(Guid g) =>
            _a == g._a && _b == g._b && _c == g._c && _d == g._d && _e == g._e && _f == g._f && _g == g._g && _h == g._h && _i == g._i && _j == g._j && _k == g._k;

        public override bool Equals(object o) => o is Guid g && Equals(g);

        public override int GetHashCode() => _a ^ ((_b << 16) | (ushort)_c) ^ ((_f << 24) | _k);

        /// <summary>Field by field, each unsigned, as .NET orders them.</summary>
        public int CompareTo(Guid value)
        {
            if (_a != value._a) return (uint)_a < (uint)value._a ? -1 : 1;
            if (_b != value._b) return (ushort)_b < (ushort)value._b ? -1 : 1;
            if (_c != value._c) return (ushort)_c < (ushort)value._c ? -1 : 1;
            ulong mine = Tail, theirs = value.Tail;
            return mine == theirs ? 0 : mine < theirs ? -1 : 1;
        }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not Guid g) throw new ArgumentException("Object must be of type GUID.", nameof(value));
            return CompareTo(g);
        }

        public static bool operator ==(Guid a, Guid b) => a.Equals(b);
        public static bool operator !=(Guid a, Guid b) => !a.Equals(b);
    }
}
