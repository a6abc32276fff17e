using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dune.Traps
{
    /// <summary>
    /// C# handlers for the guest's exceptions and software interrupts in Dune mode, one per vector (README.md).
    /// A trap from ring 0 runs its handler on the interrupted stack below the red zone with the interrupted
    /// registers in the frame, so the handler may allocate and the collector still sees everything the
    /// interrupted code holds. Handlers run with interrupts off; the FPU/SSE/AVX state is saved around them.
    /// Nothing here allocates once registered: dispatch is a table lookup and an indirect call.
    /// This is the only way to handle traps: code that wants a vector only sometimes (CopyOnWrite, a ring-3
    /// run) registers its handler, keeps the one <see cref="Register"/> returns and hands it what it declines.
    /// </summary>
    public static unsafe class Traps
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_handler_table")]
        private static extern nint* HandlerTable();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_set_dispatcher")]
        private static extern void SetDispatcher(delegate* unmanaged<TrapFrame*, int> dispatch);

        /// <summary>
        /// Makes <paramref name="handler"/> the handler of <paramref name="vector"/> (null: none) and returns the
        /// previous one (null if none), to call for what the new one declines and to register again when done.
        /// NMI (the TLB shootdown's flush), #DF and #MC cannot have handlers: they run on their own stack.
        /// </summary>
        public static delegate*<ref TrapFrame, TrapAction> Register(Vector vector, delegate*<ref TrapFrame, TrapAction> handler)
        {
            if (vector == Vector.Nmi || vector == Vector.DoubleFault || vector == Vector.MachineCheck)
                throw new ArgumentException("NMI (the TLB shootdown), #DF and #MC cannot have handlers");
            SetDispatcher(&Dispatch);
            nint* slot = HandlerTable() + (byte)vector;
            var previous = (delegate*<ref TrapFrame, TrapAction>)*slot;
            *slot = (nint)handler;
            return previous;
        }

        /// <summary>Removes the handler of <paramref name="vector"/>: it gets the default handling again.</summary>
        public static void Unregister(Vector vector) => HandlerTable()[(byte)vector] = 0;

        /// <summary>The handler of <paramref name="vector"/>, or null.</summary>
        public static delegate*<ref TrapFrame, TrapAction> HandlerOf(Vector vector) =>
            (delegate*<ref TrapFrame, TrapAction>)HandlerTable()[(byte)vector];

        /// <summary>Whether RIP already points past the instruction when this vector is delivered.</summary>
        public static bool IsTrapClass(Vector vector) =>
            vector == Vector.Breakpoint || vector == Vector.Overflow || vector >= Vector.FirstSoftware;

        /// <summary>Called by the trap entry (traps.S) when the vector has a handler: nonzero resumes, zero reports.</summary>
        [UnmanagedCallersOnly]
        private static int Dispatch(TrapFrame* frame)
        {
            var handler = (delegate*<ref TrapFrame, TrapAction>)HandlerTable()[(int)frame->Vector];
            if (handler == null) return 0;
            switch (handler(ref *frame))
            {
                case TrapAction.Resume:
                    return 1;
                case TrapAction.SkipInstruction:
                    if (IsTrapClass((Vector)frame->Vector)) return 1;
                    int length = InstructionLength.Decode((byte*)frame->Rip);
                    if (length == 0) return 0;
                    frame->Rip += (ulong)length;
                    return 1;
                default:
                    return 0;
            }
        }
    }
}
