/*
 * Write barriers: every store of an object reference into the heap that ilc emits comes through here.
 * The mark-sweep collector needs no card marking, so each barrier is just the store; keeping them in one
 * file makes this the single place a dirty-bit based collector replaces.
 */
        .text
        .globl  RhpAssignRef
        .globl  RhpCheckedAssignRef
        .type   RhpAssignRef, @function
RhpAssignRef:                           /* [rdi] = rsi */
RhpCheckedAssignRef:
        mov     %rsi, (%rdi)
        ret
        .size   RhpAssignRef, . - RhpAssignRef

        .globl  RhpByRefAssignRef
        .type   RhpByRefAssignRef, @function
RhpByRefAssignRef:                      /* [rdi] = [rsi]; rdi += 8; rsi += 8 (JIT contract) */
        mov     (%rsi), %rcx
        mov     %rcx, (%rdi)
        add     $8, %rdi
        add     $8, %rsi
        ret
        .size   RhpByRefAssignRef, . - RhpByRefAssignRef

        .section .note.GNU-stack, "", @progbits
