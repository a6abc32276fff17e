using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Immutable UTF-16 string. Layout (length, then characters) is fixed by ilc; literals are frozen objects.</summary>
    public sealed unsafe partial class String
    {
        // ilc and the JIT access these two fields by name.
        private readonly int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal ref char FirstChar => ref _firstChar;

        /// <summary>A new string of <paramref name="length"/> characters that <paramref name="action"/> fills in place.</summary>
        public static string Create<TState>(int length, TState state, System.Buffers.SpanAction<char, TState> action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            if (length <= 0)
            {
                if (length == 0) return Empty;
                throw new ArgumentOutOfRangeException(nameof(length));
            }
            string s = FastAllocate(length);
            action(new Span<char>(ref s._firstChar, length), state);
            return s;
        }

        internal static string FastAllocate(int length)
        {
            if (length == 0) return Empty;
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
            return Unsafe.As<string>(Internal.Runtime.Allocator.NewArrayLike(Internal.Runtime.MethodTable.Of<string>(), (uint)length));
        }

        public static string FromChar(char c)
        {
            string s = FastAllocate(1);
            s._firstChar = c;
            return s;
        }

        public static string FromSpan(ReadOnlySpan<char> chars)
        {
            string s = FastAllocate(chars.Length);
            System.Text.CharCopy.Move(ref s._firstChar, chars);
            return s;
        }

        /// <summary>Decodes a NUL-terminated UTF-8 (ASCII-compatible) C string, e.g. argv and environment entries.</summary>
        public static string FromUtf8(byte* p)
        {
            if (p == null) return null;
            int n = 0;
            while (p[n] != 0) n++;
            return FromUtf8(p, n);
        }

        public static string FromUtf8(byte* p, int byteCount)
        {
            string s = FastAllocate(Utf8.CharCount(p, byteCount));
            fixed (char* dst = &s._firstChar) Utf8.Decode(p, byteCount, dst);
            return s;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static implicit operator ReadOnlySpan<char>(string value) =>
            value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);


        public static string Concat(string a, string b)
        {
            a ??= Empty; b ??= Empty;
            string s = FastAllocate(a.Length + b.Length);
            Copy(a, s, 0); Copy(b, s, a.Length);
            return s;
        }

        public static string Concat(string a, string b, string c) => Concat(Concat(a, b), c);
        public static string Concat(string a, string b, string c, string d) => Concat(Concat(a, b), Concat(c, d));
        public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());
        public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());

        public static string Concat(params string[] values) => ConcatPrefix(values, values.Length);

        internal static string ConcatPrefix(string[] values, int count)
        {
            int total = 0;
            for (int i = 0; i < count; i++) if (values[i] != null) total += values[i].Length;
            string s = FastAllocate(total);
            int at = 0;
            for (int i = 0; i < count; i++) if (values[i] != null) { Copy(values[i], s, at); at += values[i].Length; }
            return s;
        }

        private static void Copy(string from, string to, int at)
        {
            for (int i = 0; i < from._stringLength; i++) Unsafe.Add(ref to._firstChar, at + i) = Unsafe.Add(ref from._firstChar, i);
        }

        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if (a is null || b is null || a._stringLength != b._stringLength) return false;
            for (int i = 0; i < a._stringLength; i++)
                if (Unsafe.Add(ref a._firstChar, i) != Unsafe.Add(ref b._firstChar, i)) return false;
            return true;
        }

        public override bool Equals(object obj) => obj is string s && Equals(this, s);

        /// <summary>Four characters per multiply (one 64-bit word), then the last one to three; not randomized per process.</summary>
        public override int GetHashCode()
        {
            const ulong Multiplier = 0x9E3779B97F4A7C15;
            int length = _stringLength;
            ulong h = (ulong)length * Multiplier;
            ref ulong words = ref Unsafe.As<char, ulong>(ref _firstChar);
            int i = 0;
            for (; i < length >> 2; i++)
            {
                h = (h ^ Unsafe.Add(ref words, i)) * Multiplier;
                h ^= h >> 29;
            }
            for (i <<= 2; i < length; i++) h = (h ^ Unsafe.Add(ref _firstChar, i)) * Multiplier;
            return (int)(h ^ (h >> 32));
        }

        public override string ToString() => this;
    }
}
