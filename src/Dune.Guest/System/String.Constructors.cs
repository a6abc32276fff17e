using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    // `new string(...)` compiles to newobj on these extern constructors; ilc calls the static Ctor with the same
    // parameters instead (strings are the one variable-size object made by a constructor).
    public sealed unsafe partial class String
    {
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char c, int count);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value, int startIndex, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(ReadOnlySpan<char> value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value, int startIndex, int length);

        private static string Ctor(char c, int count)
        {
            if (count <= 0)
            {
                if (count < 0) TextThrow.Negative("count", count);
                return Empty;
            }
            string s = FastAllocate(count);
            new Span<char>(ref s._firstChar, count).Fill(c);
            return s;
        }

        private static string Ctor(char[] value) => value == null ? Empty : FromSpan(value);

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) TextThrow.Null("value");
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex > value.Length - length) TextThrow.Greater("startIndex", startIndex, value.Length - length);
            return FromSpan(new ReadOnlySpan<char>(value).Slice(startIndex, length));
        }

        private static string Ctor(ReadOnlySpan<char> value) => FromSpan(value);

        private static string Ctor(char* value)
        {
            if (value == null) return Empty;
            int n = 0;
            while (value[n] != '\0') n++;
            return FromSpan(new ReadOnlySpan<char>(value, n));
        }

        private static string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (value == null && length != 0) throw new ArgumentOutOfRangeException("ptr", "Pointer startIndex and length do not refer to a valid string.");
            return FromSpan(new ReadOnlySpan<char>(value + startIndex, length));
        }
    }
}
