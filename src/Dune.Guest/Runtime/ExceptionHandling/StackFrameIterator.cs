namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>
    /// Walks managed frames from where an exception started towards the caller of Main. Frames of funclets
    /// the dispatcher is running are followed by their parent frame (not by the dispatcher's own frames), so
    /// an exception escaping a catch, finally or filter continues where .NET semantics say it should.
    /// </summary>
    internal unsafe struct StackFrameIterator
    {
        public RegisterContext Context;
        public CodeRange Range;
        /// <summary>Address used for lookups: the faulting instruction itself, otherwise return address - 1 (inside the call).</summary>
        public ulong LookupPc;
        /// <summary>Clauses with an index up to this one are skipped (-1: none); see <see cref="ExInfo"/>.</summary>
        public int SkipIndex;
        public EhClause SkipClause;
        /// <summary>Set when the walk crossed a filter funclet: the exception ends there (a throwing filter means "no").</summary>
        public ExInfo* EscapedFilter;
        public bool Valid;

        public void Init(RegisterContext* start, bool isFault)
        {
            Context = *start;
            SkipIndex = -1;
            EscapedFilter = null;
            LookupPc = isFault ? Context.Rip : Context.Rip - 1;
            Valid = UnwindInfo.Find(LookupPc, out Range);
        }

        /// <summary>Identity of the current frame, stable between the two passes.</summary>
        public bool IsSameFrame(ulong rsp, ulong pc) => Context.Rsp == rsp && LookupPc == pc;

        public void Next()
        {
            SkipIndex = -1;
            if (!Valid || !UnwindInfo.Unwind(in Range, LookupPc, ref Context)) { Valid = false; return; }
            if (Context.Rip == Funclets.ReturnAddress)
            {
                ExInfo* info = *(ExInfo**)Context.Rsp;
                if (info->Kind == FuncletKind.Filter)
                {
                    EscapedFilter = info;
                    Valid = false;
                    return;
                }
                Context = info->Parent;
                Range = info->ParentRange;
                LookupPc = info->ParentLookupPc;
                SkipIndex = info->Clause.Index;
                SkipClause = info->Clause;
                return;
            }
            LookupPc = Context.Rip - 1;
            Valid = Context.Rip != 0 && UnwindInfo.Find(LookupPc, out Range);
        }

        /// <summary>Next clause of this frame whose try region covers the current location and is not skipped.</summary>
        public bool NextClause(ref EhClauses clauses, out EhClause clause)
        {
            uint offset = (uint)(LookupPc - clauses.MethodStart);
            while (clauses.Next(out clause))
            {
                if (!clause.Contains(offset) || clause.Index <= SkipIndex) continue;
                // Catches of the same try as the handler that threw do not see its exception.
                if (SkipIndex >= 0 && clause.Kind != ClauseKind.Finally && clause.SameTry(in SkipClause)) continue;
                return true;
            }
            return false;
        }
    }
}
