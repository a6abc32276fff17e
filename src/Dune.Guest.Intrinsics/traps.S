/*
 * Guest exception and interrupt entry (Traps/README.md). The IDT points vector N (0..255) at
 * dune_trap_stubs[N]. Each stub makes the frame uniform (a zero error code when the CPU pushes none, then
 * the vector) and joins dune_trap_common, which saves the general registers and CR2. Frame layout, from
 * the lowest address up (Traps/TrapFrame.cs):
 *   cr2, r15..r8, rbp, rdi, rsi, rdx, rcx, rbx, rax, vector, error, rip, cs, rflags, rsp, ss.
 *
 * Without a C# handler for the vector, *dune_trap_report_entry(frame) goes to the backend, which resolves
 * the fault and returns (e.g. the KVM backend grew the stack) or reports it and ends the process.
 *
 * With one, the handler must be able to allocate (and so collect), which the collector allows only on the
 * start-up stack: for a trap from ring 0 the frame is moved to the interrupted stack, below its 128-byte
 * red zone, and the handler runs there, so the collector also scans the interrupted registers (in the
 * frame) and frames. While the frame is moved, IST1 in the CPU's TSS points below it: a fault in the move
 * itself (a stack page the host has yet to grow) nests instead of overwriting it, and goes straight to the
 * backend. A page fault on the very stack the frame would move to (from 4 KiB above rsp down to 4 KiB below
 * the frame) is left to the backend too: stack growth, or the report of a stack overflow. A trap from
 * ring 3 runs its handler on the IST stack, with IST1 lowered by HANDLER_STACK for the handler's frames.
 * The FPU/SSE/AVX state is saved around the handler (XSAVE of XCR0's x87|SSE|AVX when CR4.OSXSAVE is set,
 * else FXSAVE), and DF is cleared as the SysV ABI requires. Finally the registers are restored from the
 * (possibly modified) frame and iretq resumes at its rip.
 *
 * State: the handler table is the process's; everything else is the CPU's (%gs:PERCPU_TRAP_..., the TSS in
 * PerCpu). A trap from ring 3 arrives with ring 3's GS base: SWAPGS on entry, and again on a return to ring 3.
 * It also arrives with ring 3's FS base, while C# code finds its thread (and allocates) through FS: the
 * runtime's FS base (saved by dune_user_enter) is loaded on entry and ring 3's put back on a return to ring 3.
 *
 * The entry and exit code is in the crossing section (dune.ld): until the frame leaves the trap stack or its IST1 is
 * lowered, and before a ring-3 trap's SWAPGS, another delivery here would break it, so the host half never injects
 * a signal delivery while the vCPU is in this code (Backends/Host/CrossingCode.cs). NMIs need none of it.
 */

#include "register-saves.inc"
#include "layouts.inc"

        .set    RED_ZONE, 128
        .set    FPU_AREA, 1024          /* XSAVE of x87|SSE|AVX needs 832 bytes, 64-aligned */
        .set    HANDLER_STACK, 6144     /* ring-3 traps: stack for the handler below the FPU area */
        .set    IST1, PERCPU_TSS + TSS64_IST1
        .set    MSR_FS_BASE, 0xc0000100
        .set    CR4_PGE, 0x80
        .set    SIGNAL_VECTOR, 0xFE     /* Traps/SignalDelivery.Vector */

        /* All of the entry and exit code runs in the crossing section: the host never injects into it. */
        .section .text.dune_crossing, "ax", @progbits
        .altmacro
        .macro  TRAP vector
        .align  16
.Ltrap_stub_\vector:
        .if \vector == 2
        jmp     nmi_flush_tlb
        .exitm
        .endif
        .if (\vector == 8) || (\vector >= 10 && \vector <= 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
        .else
        pushq   $0
        .endif
        pushq   $\vector
        jmp     dune_trap_common
        .endm

        /* One symbol for all 256 stubs (assembler-local labels inside): a symbol each added 10 KB to every executable. */
        .align  16
trap_stubs:
        .set    v, 0
        .rept   256
        TRAP    %v
        .set    v, v + 1
        .endr

/*
 * NMI is the TLB shootdown's doorbell (Backends/Kvm/KvmHost.Shootdown.cs): the host queues one on each other vCPU
 * after shared page tables changed. Toggling CR4.PGE drops every translation (global ones, every PCID's); nothing
 * else runs, so it needs no frame, no GS base and no handler, from ring 0 or ring 3 alike. A Dune VM has no
 * other NMI source.
 */
nmi_flush_tlb:
        push    %rax
        mov     %cr4, %rax
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        pop     %rax
        iretq

dune_trap_common:
        push_gprs
        mov     %cr2, %rax
        push    %rax
        mov     %rsp, %rbx              /* the frame; rbx, r12..r15 are callee-saved across the C# calls */
        testb   $3, TRAPFRAME_CS(%rbx)
        jz      1f
        swapgs
        mov     $MSR_FS_BASE, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rax, %rdx
        mov     %rdx, %r13              /* r13: ring 3's FS base, callee-saved across the C# calls */
        mov     %gs:PERCPU_USER_MODE_RUNTIME_FS_BASE, %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        wrmsr
1:      cld
        cmpb    $0, %gs:PERCPU_TRAP_MOVING
        jne     report                  /* a fault while moving a frame */
dispatch:
        mov     TRAPFRAME_VECTOR(%rbx), %rax
        lea     dune_trap_handlers(%rip), %rcx
        cmpq    $0, (%rcx,%rax,8)
        je      report                  /* no C# handler for the vector */
        mov     %gs:IST1, %r12          /* r12: IST1 as it was, restored after the handler */
        testb   $3, TRAPFRAME_CS(%rbx)
        jnz     on_trap_stack

        /* From ring 0: move the frame below the interrupted stack's red zone. */
        mov     TRAPFRAME_RSP(%rbx), %rdi
        sub     $(RED_ZONE + TRAPFRAME_SIZE), %rdi
        and     $-64, %rdi
        cmp     $14, %eax
        jne     2f
        mov     TRAPFRAME_CR2(%rbx), %rdx       /* a page fault on the stack the handler would use (or rsp's page) */
        lea     -(FPU_AREA + 4096)(%rdi), %rcx
        cmp     %rcx, %rdx
        jb      2f
        mov     TRAPFRAME_RSP(%rbx), %rcx
        add     $4096, %rcx
        cmp     %rcx, %rdx
        jb      report
2:      mov     %rsp, %gs:IST1
        movb    $1, %gs:PERCPU_TRAP_MOVING
        mov     %rbx, %rsi
        mov     $(TRAPFRAME_SIZE / 8), %ecx
        rep movsq
        movb    $0, %gs:PERCPU_TRAP_MOVING
        sub     $TRAPFRAME_SIZE, %rdi
        mov     %rdi, %rbx
        mov     %r12, %gs:IST1          /* the IST frame is dead: nested traps may reuse the whole IST */
        lea     -FPU_AREA(%rbx), %rsp
        jmp     call_handler

on_trap_stack:
        lea     -FPU_AREA(%rbx), %rsp
        and     $-64, %rsp
        lea     -HANDLER_STACK(%rsp), %rax
        mov     %rax, %gs:IST1          /* nested traps land below the handler's stack */

call_handler:
        call    save_fpu
        mov     %rbx, %rdi
        call    *dune_trap_dispatcher(%rip)
        mov     %eax, %r14d
        call    restore_fpu
        mov     %r12, %gs:IST1
        test    %r14d, %r14d
        jnz     resume

report:
        mov     %rbx, %rdi
        and     $-16, %rsp              /* SysV alignment for the call */
        call    *dune_trap_report_entry(%rip)
resume:
        mov     %rbx, %rsp
        /* Signals that arrived meanwhile (the host does not inject into a trap it just answered: the frame may be
           on IST1) are delivered now, at the interrupted instruction, by dispatching the same frame once more. */
        cmpq    $SIGNAL_VECTOR, TRAPFRAME_VECTOR(%rbx)
        je      1f
        cmpq    $0, %gs:PERCPU_SIGNALS_PENDING
        je      1f
        cmpb    $0, %gs:PERCPU_TRAP_MOVING
        jne     1f
        movq    $SIGNAL_VECTOR, TRAPFRAME_VECTOR(%rbx)
        jmp     dispatch
1:      testb   $3, TRAPFRAME_CS(%rbx)  /* back to ring 3 (the handler may have changed CS): its FS base */
        jz      1f
        mov     $MSR_FS_BASE, %ecx
        mov     %r13, %rax
        mov     %r13, %rdx
        shr     $32, %rdx
        wrmsr
1:      add     $8, %rsp                /* cr2 */
        pop_gprs
        add     $16, %rsp               /* vector, error code */
        testb   $3, 8(%rsp)             /* back to ring 3 (the handler may have changed CS) */
        jz      1f
        swapgs
1:      iretq

/*
 * save_fpu / restore_fpu: the FPU area is the FPU_AREA bytes at the caller's rsp (64-aligned; 8(%rsp)
 * here). The first use picks XSAVE or FXSAVE: CR4 is read only once (reading it may exit to the host).
 */
save_fpu:
        cmpb    $0, %gs:PERCPU_TRAP_FPU_MODE
        jne     1f
        call    detect_fpu
1:      cmpb    $2, %gs:PERCPU_TRAP_FPU_MODE
        je      2f
        fxsave64 8(%rsp)
        ret
2:      mov     $7, %ecx                /* XRSTOR needs the header past XSTATE_BV zeroed; XSAVE leaves it */
3:      movq    $0, 8+512(%rsp,%rcx,8)
        dec     %ecx
        jns     3b
        mov     %gs:PERCPU_TRAP_XSAVE_MASK, %eax
        xor     %edx, %edx
        xsave64 8(%rsp)
        ret

restore_fpu:
        cmpb    $2, %gs:PERCPU_TRAP_FPU_MODE
        je      1f
        fxrstor64 8(%rsp)
        ret
1:      mov     %gs:PERCPU_TRAP_XSAVE_MASK, %eax
        xor     %edx, %edx
        xrstor64 8(%rsp)
        ret

detect_fpu:
        movb    $1, %gs:PERCPU_TRAP_FPU_MODE
        mov     %cr4, %rax
        bt      $18, %rax               /* CR4.OSXSAVE */
        jnc     1f
        xor     %ecx, %ecx
        xgetbv
        and     $7, %eax                /* x87 | SSE | AVX: what the FPU area holds */
        mov     %eax, %gs:PERCPU_TRAP_XSAVE_MASK
        movb    $2, %gs:PERCPU_TRAP_FPU_MODE
1:      ret

        .text
/* void* dune_trap_stub_address(int vector): the entry point the IDT gate of vector 0..255 must use. */
        .globl  dune_trap_stub_address
        .type   dune_trap_stub_address, @function
dune_trap_stub_address:
        lea     dune_trap_stubs(%rip), %rax
        movslq  %edi, %rdi
        mov     (%rax,%rdi,8), %rax
        ret

/* ulong* dune_trap_handler_table(void): the 256 C# handlers (Traps.Register), 0 where none. */
        .globl  dune_trap_handler_table
        .type   dune_trap_handler_table, @function
dune_trap_handler_table:
        lea     dune_trap_handlers(%rip), %rax
        ret

/* ulong dune_crossing_range(ulong* end): where the ring-crossing code starts (returned) and ends (dune.ld). */
        .globl  dune_crossing_range
        .type   dune_crossing_range, @function
dune_crossing_range:
        lea     __dune_crossing_end(%rip), %rax
        mov     %rax, (%rdi)
        lea     __dune_crossing_start(%rip), %rax
        ret

/* void dune_trap_set_dispatcher(int (*dispatch)(TrapFrame*)): the C# side that runs a vector's handler. */
        .globl  dune_trap_set_dispatcher
        .type   dune_trap_set_dispatcher, @function
dune_trap_set_dispatcher:
        mov     %rdi, dune_trap_dispatcher(%rip)
        ret

        .section .rodata
        .align  8
        .globl  dune_trap_stubs
dune_trap_stubs:
        .macro  STUB_ADDRESS vector
        .quad   .Ltrap_stub_\vector
        .endm
        .set    v, 0
        .rept   256
        STUB_ADDRESS %v
        .set    v, v + 1
        .endr

        .bss
        .align  8
dune_trap_handlers:
        .skip   256 * 8
dune_trap_dispatcher:
        .quad   0
        .align  8
        .globl  dune_trap_report_entry
dune_trap_report_entry:                /* set by the backend before entering Dune mode */
        .quad   0

        .section .note.GNU-stack, "", @progbits
