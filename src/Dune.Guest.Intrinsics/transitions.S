/*
 * Managed <-> native transitions. NativeAOT brackets P/Invokes and [RuntimeExport]/[UnmanagedCallersOnly]
 * entries with these calls so a runtime can suspend threads for a moving GC. Our collector moves nothing and
 * stops each thread wherever it is (a signal, Runtime/Threads), so the transitions have nothing to record.
 */
        .text
        .globl  RhpReversePInvoke
        .globl  RhpReversePInvokeReturn
        .globl  RhpPInvoke
        .globl  RhpPInvokeReturn
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpPInvoke:
RhpPInvokeReturn:
        ret

        .section .note.GNU-stack, "", @progbits
