/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VT-x world switch. VMLAUNCH and the VM exit switch RSP, RIP, RFLAGS,
 * control registers, segments and some MSRs through the VMCS; the general
 * registers travel through struct dune_regs. A VM exit continues at
 * dune_vmx_host_rip with the stack as VMLAUNCH left it (HOST_RSP).
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

/* Offsets in struct dune_regs; dune_run.c checks them against the C layout. */
#define REGS_RAX 0
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

/* The VMCS field encoding of HOST_RSP. */
#define VMCS_HOST_RSP 0x6c14

	.section .noinstr.text, "ax"

/* int dune_vmx_vmlaunch(struct dune_regs *regs): 0 after a VM exit, 1 if VMLAUNCH failed. */
SYM_FUNC_START(dune_vmx_vmlaunch)
	push %rbp
	mov %rsp, %rbp
	push %r15
	push %r14
	push %r13
	push %r12
	push %rbx
	/* regs, found at (%rsp) after the exit. */
	push %rdi

	mov $VMCS_HOST_RSP, %eax
	vmwrite %rsp, %rax

	mov REGS_RBX(%rdi), %rbx
	mov REGS_RCX(%rdi), %rcx
	mov REGS_RDX(%rdi), %rdx
	mov REGS_RSI(%rdi), %rsi
	mov REGS_RBP(%rdi), %rbp
	mov REGS_R8(%rdi), %r8
	mov REGS_R9(%rdi), %r9
	mov REGS_R10(%rdi), %r10
	mov REGS_R11(%rdi), %r11
	mov REGS_R12(%rdi), %r12
	mov REGS_R13(%rdi), %r13
	mov REGS_R14(%rdi), %r14
	mov REGS_R15(%rdi), %r15
	mov REGS_RAX(%rdi), %rax
	mov REGS_RDI(%rdi), %rdi

	UNWIND_HINT_SAVE
	vmlaunch
	/* Only reached when VMLAUNCH failed: the VMCS says why (VM_INSTRUCTION_ERROR). */
	mov $1, %eax
	jmp .Lout

SYM_INNER_LABEL(dune_vmx_host_rip, SYM_L_GLOBAL)
	UNWIND_HINT_RESTORE
	ENDBR
	push %rax
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
	popq REGS_RAX(%rax)

	/* The guest must not steer the host's return predictions. */
	FILL_RETURN_BUFFER %rax, RSB_CLEAR_LOOPS, X86_FEATURE_RETPOLINE
	xor %eax, %eax

.Lout:
	/* No guest values left in registers the host does not restore below. */
	xor %ecx, %ecx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	xor %r11d, %r11d

	add $8, %rsp
	pop %rbx
	pop %r12
	pop %r13
	pop %r14
	pop %r15
	pop %rbp
	RET
SYM_FUNC_END(dune_vmx_vmlaunch)
