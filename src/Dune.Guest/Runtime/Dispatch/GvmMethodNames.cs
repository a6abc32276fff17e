using System;
using System.Runtime;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>
    /// Tells apart generic virtual methods of one type that ilc's tables cannot (without reflection metadata every
    /// method identity there is 0), by the names ilc gives its symbols: the call's method handle is
    /// "__RuntimeMethodHandle_" + "Type__Method&lt;Args&gt;", an implementation is "Type__Method&lt;Args&gt;", an
    /// explicit one "Type__Interface_Method&lt;Args&gt;". Only consulted when several compiled implementations fit a
    /// call; with no symbol table the call stays ambiguous. Handles the runtime builds for shared code (which have no
    /// symbol) borrow the name of the static handles ilc emitted for the same method, when those all agree.
    /// </summary>
    internal static unsafe class GvmMethodNames
    {
        private const string HandlePrefix = "__RuntimeMethodHandle_";

        /// <summary>A runtime-built handle and the symbol of a static handle naming the same method.</summary>
        private struct Borrowed
        {
            public void* Handle;
            public byte* Symbol;
            public Borrowed* Next;
        }

        private static Borrowed* s_borrowed;

        /// <summary>
        /// Remembers which method a runtime-built handle stands for: the static handle with the same declaring type
        /// and arguments, else the static handles of that declaring type if they all name one method.
        /// </summary>
        public static void Describe(GvmMethodHandle* handle)
        {
            byte* sameArguments = null, sameType = null;
            bool typeAgrees = true;
            ulong cursor = 0;
            byte* symbol;
            while ((symbol = Symbols.NextWithPrefix(HandlePrefix, ref cursor, out ulong value)) != null)
            {
                var other = (GvmMethodHandle*)value;
                if (other->DeclaringType != handle->DeclaringType || other->ArgumentCount != handle->ArgumentCount) continue;
                bool same = true;
                for (int i = 0; i < handle->ArgumentCount && same; i++) same = other->Argument(i) == handle->Argument(i);
                if (same && sameArguments == null) sameArguments = symbol;
                if (sameType == null) sameType = symbol;
                else if (!SameMethod(sameType, symbol)) typeAgrees = false;
            }
            byte* chosen = sameArguments != null ? sameArguments : typeAgrees ? sameType : null;
            if (chosen == null) return;
            var b = (Borrowed*)GvmCache.Allocate((nuint)sizeof(Borrowed));
            b->Handle = handle;
            b->Symbol = chosen;
            b->Next = s_borrowed;
            s_borrowed = b;
        }

        private static bool SameMethod(byte* a, byte* b)
        {
            a += HandlePrefix.Length;
            b += HandlePrefix.Length;
            if (!MethodPart(a, out int aStart, out int aLength) || !MethodPart(b, out int bStart, out int bLength)) return false;
            return aLength == bLength && SameBytes(a + aStart, b + bStart, aLength);
        }

        /// <summary>
        /// Index of the first candidate whose code is named for the called method, or -1 (<paramref name="named"/>
        /// false when the handle's method name is unknown). Candidates come most derived first, so the first match
        /// is the override that wins.
        /// </summary>
        public static int Choose(void* methodHandle, IntPtr* codes, int count, out bool named)
        {
            named = false;
            byte* handle = null;
            for (Borrowed* b = s_borrowed; b != null && handle == null; b = b->Next)
                if (b->Handle == methodHandle) handle = b->Symbol;
            ulong cursor = 0;
            if (handle == null)
                while ((handle = Symbols.NextNameAt((ulong)methodHandle, ref cursor)) != null && !StartsWith(handle, HandlePrefix)) { }
            if (handle == null) return -1;
            handle += HandlePrefix.Length;
            if (!MethodPart(handle, out int nameStart, out int nameLength)) return -1;
            named = true;

            for (int i = 0; i < count; i++)
                if (Implements(codes[i], handle + nameStart, nameLength)) return i;
            return -1;
        }

        /// <summary>Whether a symbol at <paramref name="code"/> names a method called <paramref name="name"/> (or Interface_name).</summary>
        private static bool Implements(IntPtr code, byte* name, int length)
        {
            ulong cursor = 0;
            byte* symbol;
            while ((symbol = Symbols.NextNameAt((ulong)code, ref cursor)) != null)
            {
                if (!MethodPart(symbol, out int start, out int n) || n < length) continue;
                byte* tail = symbol + start + n - length;
                if (n > length && tail[-1] != (byte)'_') continue;
                if (SameBytes(tail, name, length)) return true;
            }
            return false;
        }

        /// <summary>
        /// The method name inside a mangled method symbol: after the last "__" outside angle brackets (type names
        /// may contain "__" themselves, e.g. closures), up to the method's own instantiation.
        /// </summary>
        private static bool MethodPart(byte* symbol, out int start, out int length)
        {
            int depth = 0, separator = -1, lastGroup = -1, i = 0;
            for (; symbol[i] != 0; i++)
            {
                byte c = symbol[i];
                if (c == (byte)'<') { if (depth++ == 0) lastGroup = i; }
                else if (c == (byte)'>') depth--;
                else if (depth == 0 && c == (byte)'_' && symbol[i + 1] == (byte)'_' && i > 0) separator = i;
            }
            start = separator + 2;
            int end = symbol[i - 1] == (byte)'>' && lastGroup > start ? lastGroup : i;
            length = end - start;
            return separator >= 0 && length > 0;
        }

        private static bool StartsWith(byte* s, string prefix)
        {
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != (byte)prefix[i]) return false;
            return true;
        }

        private static bool SameBytes(byte* a, byte* b, int length)
        {
            for (int i = 0; i < length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }
    }
}
