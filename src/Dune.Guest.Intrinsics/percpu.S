/*
 * The per-CPU structure (Cpu/PerCpu): in guest ring 0, GS base points at the current CPU's PerCpu.
 */

#include "layouts.inc"

        .text
/* PerCpu* dune_percpu(void): the current CPU (ring 0 in Dune mode only). */
        .globl  dune_percpu
        .type   dune_percpu, @function
dune_percpu:
        mov     %gs:PERCPU_SELF, %rax
        ret
        .size   dune_percpu, . - dune_percpu

        .section .note.GNU-stack, "", @progbits
