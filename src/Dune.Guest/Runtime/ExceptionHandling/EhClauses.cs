using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.ExceptionHandling
{
    internal enum ClauseKind : byte { Typed = 0, Finally = 1, Filter = 2 }

    /// <summary>One protected region of a method; offsets are from the start of the main method body.</summary>
    internal unsafe struct EhClause
    {
        public int Index;
        public ClauseKind Kind;
        public uint TryStart;
        public uint TryEnd;
        public ulong Handler;
        public ulong Filter;
        public MethodTable* CatchType;

        public bool Contains(uint offset) => offset >= TryStart && offset < TryEnd;
        public bool SameTry(in EhClause other) => TryStart == other.TryStart && TryEnd == other.TryEnd;
    }

    /// <summary>
    /// ilc's LSDA in .dotnet_eh_table: a flags byte; for funclets, a relative pointer to the main body's LSDA
    /// and the funclet's distance from the main body; for main bodies, optional associated data and then a
    /// relative pointer to the NativeFormat clause table (count, then per clause: try start, try length &lt;&lt; 2 |
    /// kind, handler offset, and a relative MethodTable pointer for typed catches or the filter offset).
    /// </summary>
    internal unsafe struct EhClauses
    {
        private const byte KindMask = 0x03, KindRoot = 0, HasEhInfo = 0x04, HasAssociatedData = 0x10;

        /// <summary>Start of the main body: clause offsets are relative to it, also for funclets' clauses.</summary>
        public ulong MethodStart;
        private byte* _next;
        private int _index;
        private int _count;

        public static EhClauses For(in CodeRange range)
        {
            EhClauses c = default;
            c.MethodStart = range.Start;
            byte* lsda = range.Lsda;
            if (lsda == null) return c;
            byte* p = lsda;
            byte flags = *p++;
            if ((flags & KindMask) != KindRoot)
            {
                lsda = NativeReader.RelativePointer(p);
                c.MethodStart = range.Start - (ulong)*(int*)(p + 4);
                p = lsda;
                flags = *p++;
            }
            if ((flags & HasAssociatedData) != 0) p += 4;
            if ((flags & HasEhInfo) == 0) return c;
            c._next = NativeReader.RelativePointer(p);
            c._count = (int)NativeReader.NativeUnsigned(ref c._next);
            return c;
        }

        public bool Next(out EhClause clause)
        {
            clause = default;
            if (_index >= _count) return false;
            clause.Index = _index++;
            clause.TryStart = NativeReader.NativeUnsigned(ref _next);
            uint lengthAndKind = NativeReader.NativeUnsigned(ref _next);
            clause.Kind = (ClauseKind)(lengthAndKind & 3);
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.Handler = MethodStart + NativeReader.NativeUnsigned(ref _next);
            if (clause.Kind == ClauseKind.Typed)
            {
                clause.CatchType = (MethodTable*)NativeReader.RelativePointer(_next);
                _next += 4;
            }
            else if (clause.Kind == ClauseKind.Filter)
            {
                clause.Filter = MethodStart + NativeReader.NativeUnsigned(ref _next);
            }
            return true;
        }
    }
}
