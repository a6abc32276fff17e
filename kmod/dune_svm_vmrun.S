/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The world switch. VMRUN saves and restores only part of the host state
 * (RIP, RSP, RAX, flags, control registers, EFER, segments); the general
 * registers travel through struct dune_regs, and the state VMLOAD/VMSAVE
 * cover (FS/GS/TR/LDTR, KernelGSBase, the SYSCALL and SYSENTER MSRs) is
 * saved for the host in a per-CPU page around the run.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/nospec-branch.h>

/* Offsets in struct dune_regs; dune_run.c checks them against the C layout. */
#define REGS_RBX 8
#define REGS_RCX 16
#define REGS_RDX 24
#define REGS_RSI 32
#define REGS_RDI 40
#define REGS_RBP 48
#define REGS_R8 64
#define REGS_R9 72
#define REGS_R10 80
#define REGS_R11 88
#define REGS_R12 96
#define REGS_R13 104
#define REGS_R14 112
#define REGS_R15 120

	.section .noinstr.text, "ax"

/*
 * void dune_svm_vmrun(u64 vmcb_pa, struct dune_regs *regs, u64 host_save_pa, u64 flush_vmcb_pa)
 *
 * flush_vmcb_pa, unless 0, is a second guest run right after the first one's
 * VMSAVE: a guest that exits before its first instruction, whose VMRUN only
 * flushes an ASID (dune_svm.c, leave_no_translations). No guest code runs, so
 * it needs none of the state switching and RSB refill around it: #VMEXIT
 * restores what its VMRUN changed (RAX, RSP, flags, segments, control
 * registers), and the other registers still hold the first guest's values.
 */
SYM_FUNC_START(dune_svm_vmrun)
	push %rbp
	mov %rsp, %rbp
	push %r15
	push %r14
	push %r13
	push %r12
	push %rbx
	push %rcx
	push %rsi
	push %rdx

	/* The host's FS/GS/TR/... into host_save_pa; RAX is VMRUN's operand. */
	mov %rdx, %rax
	vmsave %rax
	mov %rdi, %rax

	mov REGS_RBX(%rsi), %rbx
	mov REGS_RCX(%rsi), %rcx
	mov REGS_RDX(%rsi), %rdx
	mov REGS_RDI(%rsi), %rdi
	mov REGS_RBP(%rsi), %rbp
	mov REGS_R8(%rsi), %r8
	mov REGS_R9(%rsi), %r9
	mov REGS_R10(%rsi), %r10
	mov REGS_R11(%rsi), %r11
	mov REGS_R12(%rsi), %r12
	mov REGS_R13(%rsi), %r13
	mov REGS_R14(%rsi), %r14
	mov REGS_R15(%rsi), %r15
	mov REGS_RSI(%rsi), %rsi

	vmload %rax
	/*
	 * VMRUN keeps the host's IF, and with V_INTR_MASKING it decides whether
	 * physical interrupts make the guest exit: IF must be 1. GIF is 0 (the
	 * caller ran CLGI), so no interrupt is taken here in the host.
	 */
	sti
	vmrun %rax
	cli
	vmsave %rax
	mov 16(%rsp), %rax
	test %rax, %rax
	jz 1f
	vmrun %rax
1:
	/* RSP is the host's again (VMRUN restored it): regs is at 8(%rsp). */
	mov 8(%rsp), %rax
	mov %rbx, REGS_RBX(%rax)
	mov %rcx, REGS_RCX(%rax)
	mov %rdx, REGS_RDX(%rax)
	mov %rsi, REGS_RSI(%rax)
	mov %rdi, REGS_RDI(%rax)
	mov %rbp, REGS_RBP(%rax)
	mov %r8, REGS_R8(%rax)
	mov %r9, REGS_R9(%rax)
	mov %r10, REGS_R10(%rax)
	mov %r11, REGS_R11(%rax)
	mov %r12, REGS_R12(%rax)
	mov %r13, REGS_R13(%rax)
	mov %r14, REGS_R14(%rax)
	mov %r15, REGS_R15(%rax)

	/*
	 * The host's GS base back first: FILL_RETURN_BUFFER may account call
	 * depth in a per-CPU variable (CALL_DEPTH_TRACKING, 6.2+), through %gs.
	 */
	pop %rax
	vmload %rax

	/* The guest must not steer the host's return predictions. */
	FILL_RETURN_BUFFER %rax, RSB_CLEAR_LOOPS, X86_FEATURE_RETPOLINE

	/* No guest values left in registers the host does not restore below. */
	xor %ecx, %ecx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	xor %r11d, %r11d

	pop %rsi
	add $8, %rsp
	pop %rbx
	pop %r12
	pop %r13
	pop %r14
	pop %r15
	pop %rbp
	RET
SYM_FUNC_END(dune_svm_vmrun)

