using System;
using System.Runtime;
using Internal.Runtime;
using Internal.Runtime.Threads;

namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>
    /// Two-pass exception dispatch over ilc's unwind and clause tables. Pass 1 walks frames from the throw
    /// site, asking typed catches (and filters) whether they take the exception, and records the frames for
    /// the stack trace. Pass 2 walks the same frames again running finally funclets, then calls the catch
    /// funclet and resumes its parent frame at the address the funclet returns. With no handler the
    /// exception is reported and the process ends (finally blocks do not run, as in .NET).
    /// </summary>
    internal static unsafe class ExceptionDispatcher
    {
        /// <summary>More nested dispatches than this means the dispatcher keeps throwing: give up.</summary>
        private const int MaxNesting = 64;

        /// <summary>Non-zero while dispatcher code (not a funclet it called) runs on this thread; a fault then is fatal.</summary>
        internal static ref int Busy => ref ThreadState.Current->Exceptions.Busy;
        private static ref int Nesting => ref ThreadState.Current->Exceptions.Nesting;
        private static ref bool Reporting => ref ThreadState.Current->Exceptions.ReportingUnhandled;

        [RuntimeExport("DuneDispatchException")]
        private static void DispatchThrow(object exception, RegisterContext* context) =>
            Dispatch(exception ?? new NullReferenceException(), context, false, false);

        [RuntimeExport("DuneRethrowException")]
        private static void DispatchRethrow(RegisterContext* context)
        {
            ExInfo* active = ExInfo.InnermostCatch();
            if (active == null) Fatal.Exit("fatal runtime error: rethrow outside a catch handler", ExitCodes.RuntimeFailure);
            Dispatch(active->Exception, context, false, true);
        }

        /// <summary>
        /// Raises <paramref name="exception"/> as if thrown by the instruction at context->Rip, which faulted.
        /// Signal handlers (host mode) and trap handlers (ring 0) build the context of the faulting frame.
        /// </summary>
        public static void RaiseFromFault(object exception, RegisterContext* context) => Dispatch(exception, context, true, false);

        private static void Dispatch(object exception, RegisterContext* context, bool isFault, bool rethrow)
        {
            Busy++;
            if (++Nesting > MaxNesting) Fatal.Exit("fatal runtime error: exception dispatch nested too deeply (an exception handler keeps throwing)", ExitCodes.RuntimeFailure);
            Exception managed = exception as Exception;
            if (managed != null && !rethrow) managed._stackTraceCount = 0;

            // Pass 1: find the handler.
            StackFrameIterator frame = default;
            frame.Init(context, isFault);
            EhClause handler = default;
            ulong handlerRsp = 0, handlerPc = 0;
            bool found = false;
            for (; frame.Valid && !found; frame.Next())
            {
                if (managed != null) managed.AppendStackFrame(frame.LookupPc);
                EhClauses clauses = EhClauses.For(in frame.Range);
                while (frame.NextClause(ref clauses, out EhClause clause))
                {
                    if (clause.Kind == ClauseKind.Finally) continue;
                    bool takes = clause.Kind == ClauseKind.Typed
                        ? TypeCast.IsAssignable(exception.MethodTable, clause.CatchType)
                        : RunFilter(exception, in frame, in clause);
                    if (takes)
                    {
                        handler = clause;
                        handlerRsp = frame.Context.Rsp;
                        handlerPc = frame.LookupPc;
                        found = true;
                        break;
                    }
                }
            }
            ExInfo* escapedFilter = frame.EscapedFilter;
            if (!found && escapedFilter == null) ReportUnhandled(exception);

            // Pass 2: run finally blocks up to the handler, then the handler.
            frame.Init(context, isFault);
            for (; frame.Valid; frame.Next())
            {
                bool handlingFrame = found && frame.IsSameFrame(handlerRsp, handlerPc);
                EhClauses clauses = EhClauses.For(in frame.Range);
                while (frame.NextClause(ref clauses, out EhClause clause))
                {
                    if (handlingFrame && clause.Index >= handler.Index) break;
                    if (clause.Kind == ClauseKind.Finally) RunFunclet(FuncletKind.Finally, exception, in frame, in clause);
                }
                if (handlingFrame) RunCatchAndResume(exception, in frame, in handler);
            }
            if (frame.EscapedFilter == null) Fatal.Exit("fatal runtime error: exception handler vanished between the dispatch passes", ExitCodes.RuntimeFailure);
            // The exception escaped a filter: that filter's answer is "no"; continue its dispatch.
            RegisterContext resume = frame.Context;
            ExInfo.DiscardBelow(resume.Rsp);
            Nesting--;
            Busy--;
            Funclets.Resume(&resume, Funclets.ReturnAddress, 0);
        }

        private static bool RunFilter(object exception, in StackFrameIterator frame, in EhClause clause)
        {
            ExInfo info = default;
            info.Push(FuncletKind.Filter, exception, in frame, in clause);
            int busy = Busy;
            Busy = 0;
            RegisterContext parent = frame.Context;
            ulong verdict = Funclets.Call(clause.Filter, exception, &parent, &info);
            Busy = busy;
            ExInfo.Head = info.Previous;
            return (uint)verdict != 0;
        }

        private static ulong RunFunclet(FuncletKind kind, object exception, in StackFrameIterator frame, in EhClause clause)
        {
            ExInfo info = default;
            info.Push(kind, exception, in frame, in clause);
            int busy = Busy;
            Busy = 0;
            RegisterContext parent = frame.Context;
            ulong result = Funclets.Call(clause.Handler, exception, &parent, &info);
            Busy = busy;
            ExInfo.Head = info.Previous;
            return result;
        }

        private static void RunCatchAndResume(object exception, in StackFrameIterator frame, in EhClause clause)
        {
            ulong resumeAt = RunFunclet(FuncletKind.Catch, exception, in frame, in clause);
            RegisterContext resume = frame.Context;
            ExInfo.DiscardBelow(resume.Rsp);
            Nesting = 0;
            for (ExInfo* e = ExInfo.Head; e != null; e = e->Previous) Nesting++;
            Busy = 0;
            Funclets.Resume(&resume, resumeAt, 0);
        }

        private static void ReportUnhandled(object exception)
        {
            if (Reporting) Fatal.Exit("Unhandled exception while reporting an unhandled exception.", ExitCodes.UnhandledException);
            Reporting = true;
            Exception managed = exception as Exception;
            string text = managed != null
                ? "Unhandled exception. " + managed.GetType().ToString() + ": " + managed.Message + "\n" + managed.StackTrace
                : "Unhandled exception. " + Symbols.TypeName(exception.MethodTable) + " (not an Exception)";
            Fatal.Exit(text, ExitCodes.UnhandledException);
        }
    }
}
