/*
 * Atomic read-modify-write operations for System.Threading.Interlocked (System/Threading/Interlocked.cs).
 * Each is one locked instruction, which on x86-64 is also a full memory barrier. The reference forms, which
 * need the write barrier's card marking, are in WriteBarrier.S.
 */
        .text
/* T DuneAtomicCompareExchangeN(T* location, T value, T comparand): the value found at location */
        .globl  DuneAtomicCompareExchange32
        .type   DuneAtomicCompareExchange32, @function
DuneAtomicCompareExchange32:
        mov     %edx, %eax
        lock cmpxchg %esi, (%rdi)
        ret
        .size   DuneAtomicCompareExchange32, . - DuneAtomicCompareExchange32

        .globl  DuneAtomicCompareExchange64
        .type   DuneAtomicCompareExchange64, @function
DuneAtomicCompareExchange64:
        mov     %rdx, %rax
        lock cmpxchg %rsi, (%rdi)
        ret
        .size   DuneAtomicCompareExchange64, . - DuneAtomicCompareExchange64

/* T DuneAtomicExchangeN(T* location, T value): the previous value */
        .globl  DuneAtomicExchange32
        .type   DuneAtomicExchange32, @function
DuneAtomicExchange32:
        mov     %esi, %eax
        xchg    %eax, (%rdi)
        ret
        .size   DuneAtomicExchange32, . - DuneAtomicExchange32

        .globl  DuneAtomicExchange64
        .type   DuneAtomicExchange64, @function
DuneAtomicExchange64:
        mov     %rsi, %rax
        xchg    %rax, (%rdi)
        ret
        .size   DuneAtomicExchange64, . - DuneAtomicExchange64

/* T DuneAtomicAddN(T* location, T value): the previous value */
        .globl  DuneAtomicAdd32
        .type   DuneAtomicAdd32, @function
DuneAtomicAdd32:
        mov     %esi, %eax
        lock xadd %eax, (%rdi)
        ret
        .size   DuneAtomicAdd32, . - DuneAtomicAdd32

        .globl  DuneAtomicAdd64
        .type   DuneAtomicAdd64, @function
DuneAtomicAdd64:
        mov     %rsi, %rax
        lock xadd %rax, (%rdi)
        ret
        .size   DuneAtomicAdd64, . - DuneAtomicAdd64

/* T DuneAtomicAndN / DuneAtomicOrN(T* location, T value): the previous value (a compare-exchange loop) */
        .globl  DuneAtomicAnd32
        .type   DuneAtomicAnd32, @function
DuneAtomicAnd32:
        mov     (%rdi), %eax
1:      mov     %eax, %ecx
        and     %esi, %ecx
        lock cmpxchg %ecx, (%rdi)
        jne     1b
        ret
        .size   DuneAtomicAnd32, . - DuneAtomicAnd32

        .globl  DuneAtomicOr32
        .type   DuneAtomicOr32, @function
DuneAtomicOr32:
        mov     (%rdi), %eax
1:      mov     %eax, %ecx
        or      %esi, %ecx
        lock cmpxchg %ecx, (%rdi)
        jne     1b
        ret
        .size   DuneAtomicOr32, . - DuneAtomicOr32

        .globl  DuneAtomicAnd64
        .type   DuneAtomicAnd64, @function
DuneAtomicAnd64:
        mov     (%rdi), %rax
1:      mov     %rax, %rcx
        and     %rsi, %rcx
        lock cmpxchg %rcx, (%rdi)
        jne     1b
        ret
        .size   DuneAtomicAnd64, . - DuneAtomicAnd64

        .globl  DuneAtomicOr64
        .type   DuneAtomicOr64, @function
DuneAtomicOr64:
        mov     (%rdi), %rax
1:      mov     %rax, %rcx
        or      %rsi, %rcx
        lock cmpxchg %rcx, (%rdi)
        jne     1b
        ret
        .size   DuneAtomicOr64, . - DuneAtomicOr64

/* void DuneMemoryBarrier(void) */
        .globl  DuneMemoryBarrier
        .type   DuneMemoryBarrier, @function
DuneMemoryBarrier:
        mfence
        ret
        .size   DuneMemoryBarrier, . - DuneMemoryBarrier

/* void DuneSpinPause(void): the pause hint for spin-wait loops */
        .globl  DuneSpinPause
        .type   DuneSpinPause, @function
DuneSpinPause:
        pause
        ret
        .size   DuneSpinPause, . - DuneSpinPause

        .section .note.GNU-stack, "", @progbits
