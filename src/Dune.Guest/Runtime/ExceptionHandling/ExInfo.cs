namespace Dune.Runtime.ExceptionHandling
{
    internal enum FuncletKind : byte { Catch, Finally, Filter }

    /// <summary>
    /// Record of a funclet the dispatcher is running, kept on the dispatcher's stack and linked from
    /// <see cref="Head"/> (per thread). An unwinder that crosses the funclet's caller (DuneCallFunclet) continues in the
    /// parent frame, skipping the clause whose handler was running and the clauses nested in it.
    /// <c>throw;</c> finds the exception of the innermost catch here.
    /// </summary>
    internal unsafe struct ExInfo
    {
        /// <summary>The calling thread's innermost record.</summary>
        public static ExInfo* Head
        {
            get => (ExInfo*)Internal.Runtime.Threads.ThreadState.Current->Exceptions.FuncletRecords;
            set => Internal.Runtime.Threads.ThreadState.Current->Exceptions.FuncletRecords = value;
        }

        public ExInfo* Previous;
        public object Exception;
        public FuncletKind Kind;
        public RegisterContext Parent;
        public CodeRange ParentRange;
        public ulong ParentLookupPc;
        public EhClause Clause;

        public void Push(FuncletKind kind, object exception, in StackFrameIterator frame, in EhClause clause)
        {
            Kind = kind;
            Exception = exception;
            Parent = frame.Context;
            ParentRange = frame.Range;
            ParentLookupPc = frame.LookupPc;
            Clause = clause;
            fixed (ExInfo* self = &this)
            {
                Previous = Head;
                Head = self;
            }
        }

        /// <summary>Forgets records whose stack is about to be discarded by resuming with stack pointer <paramref name="rsp"/>.</summary>
        public static void DiscardBelow(ulong rsp)
        {
            while (Head != null && (ulong)Head < rsp) Head = Head->Previous;
        }

        public static ExInfo* InnermostCatch()
        {
            for (ExInfo* e = Head; e != null; e = e->Previous)
                if (e->Kind == FuncletKind.Catch) return e;
            return null;
        }
    }
}
