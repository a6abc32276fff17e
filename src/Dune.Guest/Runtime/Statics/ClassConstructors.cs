using System;
using System.Runtime;
using Internal.Runtime;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// What ilc places just before the non-GC statics of a type with a lazy static constructor: the cctor's
    /// address, zero once it has run. Generated code checks the word inline and calls the runner when non-zero.
    /// </summary>
    public struct StaticClassConstructionContext
    {
        public IntPtr cctorMethodAddress;
    }

    /// <summary>
    /// Runs lazy static constructors. Its presence in the system module is what makes ilc keep cctors lazy
    /// (otherwise it runs them all eagerly). One recursive runtime lock serializes cctors across threads: the
    /// address stays non-zero (the <see cref="Running"/> marker) until the cctor has finished, so another thread
    /// calls in and waits on the lock; the thread running it that re-enters its own type sees the statics as
    /// they are, like the CLR. (Two threads whose cctors wait for each other deadlock; the CLR detects that.)
    /// </summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        private static IntPtr CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, IntPtr nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnThreadStaticBase(StaticClassConstructionContext* context, object threadStaticBase)
        {
            EnsureClassConstructorRun(context);
            return threadStaticBase;
        }

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            if (context->cctorMethodAddress == IntPtr.Zero) return;
            int self = Internal.Runtime.Threads.ThreadState.Current->ManagedThreadId;
            if (s_owner == self) s_depth++;
            else
            {
                s_lock.Enter();
                s_owner = self;
                s_depth = 1;
            }
            try
            {
                IntPtr cctor = context->cctorMethodAddress;
                // Running: this thread is inside the cctor already (the lock is held while one runs).
                if (cctor == IntPtr.Zero || cctor == (IntPtr)(delegate*<void>)&Running) return;
                if (cctor == (IntPtr)(delegate*<void>)&Failed) ThrowFailure(context);
                context->cctorMethodAddress = (IntPtr)(delegate*<void>)&Running;
                try
                {
                    ((delegate*<void>)cctor)();
                }
                catch (Exception e)
                {
                    context->cctorMethodAddress = (IntPtr)(delegate*<void>)&Failed;
                    s_failures = new CctorFailure { Context = context, Error = e, TypeName = TypeNameOfCctor((ulong)cctor), Next = s_failures };
                    ThrowFailure(context);
                }
                System.Threading.Volatile.Write(ref context->cctorMethodAddress, IntPtr.Zero);
            }
            finally
            {
                if (--s_depth == 0)
                {
                    s_owner = 0;
                    s_lock.Exit();
                }
            }
        }

        private static Internal.Runtime.Threads.FutexLock s_lock;
        /// <summary>Managed id of the thread holding <see cref="s_lock"/>, and how often it entered.</summary>
        private static int s_owner, s_depth;

        /// <summary>Runs the cctors ilc listed in region EagerCctor (32-bit relative pointers), in order.</summary>
        public static void RunEager()
        {
            if (!Modules.TryGetSection(ModuleSection.EagerCctor, out byte* start, out byte* end)) return;
            for (int* entry = (int*)start; entry < (int*)end; entry++)
                ((delegate*<void>)((byte*)entry + *entry))();
        }

        private static void ThrowFailure(StaticClassConstructionContext* context)
        {
            for (CctorFailure f = s_failures; f != null; f = f.Next)
                if (f.Context == context) throw new TypeInitializationException(f.TypeName, f.Error);
            throw new TypeInitializationException("", null);
        }

        /// <summary>The declaring type's name from the cctor's symbol; a context does not lead to
        /// its MethodTable. ilc names the cctor "Ns_Type___cctor", read back as "Ns.Type._cctor"; nested types read
        /// "Outer.Inner" here where .NET says "Outer+Inner".</summary>
        private static string TypeNameOfCctor(ulong cctor)
        {
            string name = Dune.Runtime.Symbols.FunctionName(cctor);
            if (name == null) return "";
            const string Suffix = "._cctor";
            return name.EndsWith(Suffix) ? name.Substring(0, name.Length - Suffix.Length) : name;
        }

        /// <summary>Marker stored as the cctor address of a type whose cctor threw; never called.</summary>
        private static void Failed() { }

        /// <summary>Marker stored as the cctor address while the cctor runs; never called.</summary>
        private static void Running() { }

        private static CctorFailure s_failures;

        private sealed class CctorFailure
        {
            public StaticClassConstructionContext* Context;
            public Exception Error;
            public string TypeName;
            public CctorFailure Next;
        }
    }
}
