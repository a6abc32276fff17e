/*
 * Collector helpers.
 * void DuneGcSpillCalleeSaved(uint64_t buffer[6]): stores the callee-saved registers (rbx, rbp, r12-r15) so that
 * the collector's conservative stack scan sees references that callers keep only in registers.
 */

#include "register-saves.inc"

        .text
        .globl  DuneGcSpillCalleeSaved
        .type   DuneGcSpillCalleeSaved, @function
DuneGcSpillCalleeSaved:
        store_callee_saved %rdi
        ret
        .size   DuneGcSpillCalleeSaved, . - DuneGcSpillCalleeSaved

/* void DuneGcPrefetch(void* address): asks for the cache line of an object the marker will scan soon. */
        .globl  DuneGcPrefetch
        .type   DuneGcPrefetch, @function
DuneGcPrefetch:
        prefetcht0 (%rdi)
        ret
        .size   DuneGcPrefetch, . - DuneGcPrefetch

        .section .note.GNU-stack, "", @progbits
