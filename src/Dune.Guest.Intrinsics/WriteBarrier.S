/*
 * Write barriers: every store of an object reference into the heap that ilc emits comes through here.
 * The collector is generational without moving objects: a minor collection marks only young objects (those
 * that have not survived two collections), so it must know which old objects were given references. Each
 * barrier stores the reference and, if the destination lies in a small-object chunk, dirties the 512-byte
 * card of the destination's block (Runtime/Gc/Block.cs: the card bytes open the block header). The chunk
 * test reads the chunk map below, a byte per 4 MiB of the region the runtime maps its memory in, the heap's
 * chunks among it (Memory/DuneLayout.cs; Runtime/Gc/ChunkMap.cs fills it; 3.75 MiB of bss of which only the
 * pages around the heap's chunks are ever written): destinations elsewhere (stacks, frozen objects, large
 * objects, which minor collections scan whole) need no card. A map of the whole user half (32 MiB) cost
 * 0.7 M instructions at every start in Dune mode, where its pages are mirrored into the guest.
 *
 * The JIT treats these helpers as killing every caller-saved register except, for the by-ref form, rdi and
 * rsi; they use only r10 and r11 besides their arguments.
 */
#include "layouts.inc"

        .set    CHUNK_SHIFT, 22                 /* 4 MiB small-object chunks */
        .set    FIRST_CHUNK, DUNELAYOUT_MAPPINGS_START >> CHUNK_SHIFT
        .set    CHUNKS, (DUNELAYOUT_END - DUNELAYOUT_MAPPINGS_START) >> CHUNK_SHIFT
        .set    BLOCK_MASK, 0xffff              /* 64 KiB blocks */
        .set    CARD_SHIFT, 9                   /* 512-byte cards */

        .bss
        .balign 4096
DuneGcChunks:                           /* a byte per chunk: 1 = small-object chunk */
        .zero   CHUNKS

        .text
/* Dirties the card of the address in \addr (destroyed) if it lies in a small-object chunk. */
        .macro  mark_card addr
        mov     \addr, %r10
        shr     $CHUNK_SHIFT, %r10
        sub     $FIRST_CHUNK, %r10
        cmp     $CHUNKS, %r10           /* nothing outside the runtime's mappings is a chunk */
        jae     9f
        lea     DuneGcChunks(%rip), %r11
        cmpb    $0, (%r11,%r10)
        je      9f
        mov     \addr, %r10
        and     $BLOCK_MASK, %r10d
        shr     $CARD_SHIFT, %r10d
        and     $~BLOCK_MASK, \addr
        cmpb    $1, (\addr,%r10)        /* 2 (scanned once) must become 1 again: RememberedSet.cs */
        je      9f
        movb    $1, (\addr,%r10)
9:
        .endm

        .globl  RhpAssignRef
        .globl  RhpCheckedAssignRef
        .type   RhpAssignRef, @function
RhpAssignRef:                           /* [rdi] = rsi */
RhpCheckedAssignRef:
        mov     %rsi, (%rdi)
        test    %rsi, %rsi              /* storing null creates no reference to remember */
        jz      1f
        mark_card %rdi
1:      ret
        .size   RhpAssignRef, . - RhpAssignRef

        .globl  RhpByRefAssignRef
        .type   RhpByRefAssignRef, @function
RhpByRefAssignRef:                      /* [rdi] = [rsi]; rdi += 8; rsi += 8 (JIT contract) */
        mov     (%rsi), %rcx
        mov     %rcx, (%rdi)
        test    %rcx, %rcx
        jz      1f
        mov     %rdi, %rcx
        mark_card %rcx
1:      add     $8, %rdi
        add     $8, %rsi
        ret
        .size   RhpByRefAssignRef, . - RhpByRefAssignRef

/*
 * Atomic reference stores for System.Threading.Interlocked: object DuneAtomicCompareExchangeRef(object* location,
 * object value, object comparand) and object DuneAtomicExchangeRef(object* location, object value) return the
 * previous reference; a store that happened dirties the card like the barriers above.
 */
        .globl  DuneAtomicCompareExchangeRef
        .type   DuneAtomicCompareExchangeRef, @function
DuneAtomicCompareExchangeRef:
        mov     %rdx, %rax
        lock cmpxchg %rsi, (%rdi)
        jne     1f
        test    %rsi, %rsi
        jz      1f
        mov     %rax, %rdx
        mark_card %rdi
        mov     %rdx, %rax
1:      ret
        .size   DuneAtomicCompareExchangeRef, . - DuneAtomicCompareExchangeRef

        .globl  DuneAtomicExchangeRef
        .type   DuneAtomicExchangeRef, @function
DuneAtomicExchangeRef:
        mov     %rsi, %rax
        xchg    %rax, (%rdi)
        test    %rsi, %rsi
        jz      1f
        mark_card %rdi
1:      ret
        .size   DuneAtomicExchangeRef, . - DuneAtomicExchangeRef

/* byte* DuneGcChunkMap(void): the chunk map the barriers read, for the collector to fill. */
        .globl  DuneGcChunkMap
        .type   DuneGcChunkMap, @function
DuneGcChunkMap:
        lea     DuneGcChunks(%rip), %rax
        ret
        .size   DuneGcChunkMap, . - DuneGcChunkMap

        .section .note.GNU-stack, "", @progbits
