/*
 * dune.ko backend (Backends/Kmod): the switch into the guest, DUNE_RUN with the guest's FPU state kept
 * across exits, and the guest's hypercall and fault-report stubs.
 *
 * The guest is the same thread on the same FPU registers (the module swaps no FPU state). A hypercall is a
 * call (SysV: no vector register survives it), so nothing needs saving; every other exit stops the guest at
 * any instruction, so dune_kmod_run saves the registers before the host half's C# runs and puts them back
 * before the next entry. Hypercalls leave with the vendor's hypercall instruction, VMMCALL on AMD-V and VMCALL
 * on Intel VT-x (the module exits to us only from guest ring 0; the other one is #UD), fault reports with HLT
 * and the frame in the hypercall block (a bare HLT of the program has none there). There is one hypercall stub
 * per vendor and one enter stub that installs each: the host picks the enter stub once (KmodBackend), so the
 * hypercall path has no vendor test and no patched code, the same indirect jump from dune_syscall6 as before.
 */

#include "register-saves.inc"
#include "layouts.inc"
#include "guest-hypercall.inc"
#include "guest-report-fault.inc"

        .set    SYS_IOCTL, 16
        .set    DUNE_EXIT_HYPERCALL, 1
        .set    FPU_SAVED, 1024         /* dune_kmod_run's flag, after the 1024-byte save area */

        .text
/*
 * long dune_kmod_enter_svm(PerCpu* cpu, void* hostStackTop, void (*hostLoop)(PerCpu*)), dune_kmod_enter_vmx
 * (same): as dune_kvm_enter, with the dune.ko guest stubs of AMD-V or Intel VT-x (backend_enter, register-saves.inc).
 */
        .globl  dune_kmod_enter_svm
        .type   dune_kmod_enter_svm, @function
dune_kmod_enter_svm:
        backend_enter dune_kmod_hypercall_svm, dune_kmod_report_fault
        .size   dune_kmod_enter_svm, . - dune_kmod_enter_svm

        .globl  dune_kmod_enter_vmx
        .type   dune_kmod_enter_vmx, @function
dune_kmod_enter_vmx:
        backend_enter dune_kmod_hypercall_vmx, dune_kmod_report_fault
        .size   dune_kmod_enter_vmx, . - dune_kmod_enter_vmx

/*
 * long dune_kmod_run(int fd, ulong request, DuneRun* run, void* fpu, ulong xsaveMask): ioctl(fd, request)
 * (DUNE_RUN). fpu: 64-byte aligned, 1032 bytes, zeroed at first; xsaveMask: the XSAVE components to keep
 * (0: FXSAVE, x87 and SSE only).
 */
        .globl  dune_kmod_run
        .type   dune_kmod_run, @function
dune_kmod_run:
        mov     %rdx, %r10
        mov     %rcx, %r11
        cmpb    $0, FPU_SAVED(%r11)
        je      1f
        movb    $0, FPU_SAVED(%r11)
        mov     %r8, %rax
        test    %rax, %rax
        jz      3f
        xor     %edx, %edx
        xrstor64 (%r11)
        jmp     1f
3:      fxrstor64 (%r11)
1:      push    %r10
        push    %r11
        mov     $SYS_IOCTL, %eax
        xor     %edx, %edx
        syscall
        pop     %r11
        pop     %r10
        test    %rax, %rax
        jnz     2f
        cmpl    $DUNE_EXIT_HYPERCALL, DUNERUN_EXIT_REASON(%r10)
        je      2f
        movb    $1, FPU_SAVED(%r11)
        mov     %rax, %rcx              /* 0: the result */
        mov     %r8, %rax
        test    %rax, %rax
        jz      4f
        xor     %edx, %edx
        xsave64 (%r11)
        mov     %rcx, %rax
        ret
4:      fxsave64 (%r11)
        mov     %rcx, %rax
2:      ret
        .size   dune_kmod_run, . - dune_kmod_run

/* Guest side of a system call (guest_hypercall, guest-hypercall.inc), leaving with VMMCALL (AMD-V) or VMCALL (VT-x). */
        .globl  dune_kmod_hypercall_svm
        .type   dune_kmod_hypercall_svm, @function
dune_kmod_hypercall_svm:
        guest_hypercall vmmcall
        .size   dune_kmod_hypercall_svm, . - dune_kmod_hypercall_svm

        .globl  dune_kmod_hypercall_vmx
        .type   dune_kmod_hypercall_vmx, @function
dune_kmod_hypercall_vmx:
        guest_hypercall vmcall
        .size   dune_kmod_hypercall_vmx, . - dune_kmod_hypercall_vmx

/*
 * void dune_kmod_report_fault(TrapFrame* frame): the trap entry's report hook, leaving with HLT
 * (guest_report_fault, guest-report-fault.inc).
 */
        .pushsection .text.dune_crossing, "ax", @progbits   /* runs on the trap frame, still on the trap stack */
        .globl  dune_kmod_report_fault
        .type   dune_kmod_report_fault, @function
dune_kmod_report_fault:
        guest_report_fault hlt
        .size   dune_kmod_report_fault, . - dune_kmod_report_fault
        .popsection

        .section .note.GNU-stack, "", @progbits
