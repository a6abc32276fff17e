/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The /dev/dune ioctl ABI, shared by dune.ko and its users (C tests and the
 * C# mirror in src/Dune.Guest/Backends/Kmod, whose layout a unit test checks
 * against this header). kmod/README.md describes how to use it.
 *
 * Every struct has a fixed layout: only fixed-size fields, explicit padding,
 * natural alignment, no pointers (addresses travel as __u64).
 */
#ifndef DUNE_UAPI_H
#define DUNE_UAPI_H

#include <linux/ioctl.h>
#include <linux/types.h>

/* Bumped on any incompatible change; DUNE_GET_ABI_VERSION returns it. */
#define DUNE_ABI_VERSION 3

/* One host virtual range seen by the guest at a guest-physical range of the same size. */
struct dune_window {
	__u64 host_va;
	__u64 gpa;
	__u64 size;
};

/* Argument of DUNE_ADD_WINDOWS: an array of windows in the caller's memory. */
struct dune_windows {
	__u64 windows; /* address of struct dune_window[count] */
	__u32 count;
	__u32 reserved; /* must be 0 */
};

/* A segment register. attributes packs the descriptor's access bits:
 * bits 0-3 type, 4 S, 5-6 DPL, 7 P, 8 AVL, 9 L, 10 D/B, 11 G. */
struct dune_segment {
	__u16 selector;
	__u16 attributes;
	__u32 limit;
	__u64 base;
};

/* GDTR or IDTR. */
struct dune_table {
	__u64 base;
	__u16 limit;
	__u16 reserved[3]; /* must be 0 */
};

/* The guest's system state, set once before the first DUNE_RUN. */
struct dune_sregs {
	__u64 cr0, cr2, cr3, cr4, efer, pat;
	struct dune_segment cs, ds, es, fs, gs, ss, tr, ldtr;
	struct dune_table gdt, idt;
};

/* The guest's general registers. */
struct dune_regs {
	__u64 rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
	__u64 r8, r9, r10, r11, r12, r13, r14, r15;
	__u64 rip, rflags;
};

/* Why DUNE_RUN returned (struct dune_run.exit_reason). */
enum dune_exit_reason {
	/* VMMCALL/VMCALL in guest ring 0: regs.rip is past it; the caller performs the call and runs again.
	 * From any other ring it raises #UD in the guest instead (no exit). */
	DUNE_EXIT_HYPERCALL = 1,
	/* A signal is pending for the thread (it is delivered as the ioctl returns), immediate_exit is set, or
	 * the kernel has work to do on the way back to user space (task work such as POSIX CPU timers, which
	 * raise RLIMIT_CPU's SIGXCPU): run again after. */
	DUNE_EXIT_SIGNAL = 2,
	/* The guest touched guest-physical memory that maps to nothing the process may access:
	 * info[0] = guest-physical address, info[1] = access (bit 1 write, bit 4 fetch). */
	DUNE_EXIT_MEMORY_FAULT = 3,
	/* HLT: the guest stopped. */
	DUNE_EXIT_HLT = 4,
	/* Triple fault: the guest cannot continue. */
	DUNE_EXIT_SHUTDOWN = 5,
	/* The hardware refused the guest state (VMRUN failed): fix dune_sregs. */
	DUNE_EXIT_INVALID_STATE = 6,
	/* An exit the module does not handle (MSR or port access, XSETBV, ...):
	 * info[0] = vendor exit code, info[1] = vendor exit qualification. */
	DUNE_EXIT_UNHANDLED = 7,
};

/* The page shared with the kernel: mmap() DUNE_RUN_SIZE bytes of a vCPU fd at offset 0.
 * DUNE_RUN reads regs, runs the guest, writes regs and the exit fields back. */
struct dune_run {
	struct dune_regs regs;
	__u32 exit_reason;
	/* Nonzero: DUNE_RUN returns DUNE_EXIT_SIGNAL before entering the guest (KVM's immediate_exit).
	 * A signal handler sets it, so a signal that arrives just before DUNE_RUN cannot be missed.
	 * The module only reads it. */
	__u32 immediate_exit;
	__u64 info[2];
	/* Counts of guest exits of this vCPU, for tests and tuning. */
	__u64 exits, nested_page_faults;
};
#define DUNE_RUN_SIZE 4096

#define DUNE_IOCTL_TYPE 0xD7

/* On /dev/dune: the ABI version (the ioctl's return value). */
#define DUNE_GET_ABI_VERSION _IO(DUNE_IOCTL_TYPE, 0x00)
/* On /dev/dune: adds guest-physical windows. Windows never move and never overlap
 * (in host or guest-physical space); page-aligned; inside user space. */
#define DUNE_ADD_WINDOWS _IOW(DUNE_IOCTL_TYPE, 0x01, struct dune_windows)
/* On /dev/dune: a vCPU for the calling thread; returns its fd. */
#define DUNE_CREATE_VCPU _IO(DUNE_IOCTL_TYPE, 0x02)
/* On /dev/dune: a TLB shootdown after the guest changed page tables its vCPUs share. When it returns,
 * every vCPU of the guest has flushed its TLB (all of the guest's translations, global ones included)
 * or will before its next guest instruction: running ones are interrupted and flush as they re-enter. */
#define DUNE_FLUSH_TLB _IO(DUNE_IOCTL_TYPE, 0x03)
/* On a vCPU fd, from its thread only. */
#define DUNE_SET_SREGS _IOW(DUNE_IOCTL_TYPE, 0x10, struct dune_sregs)
#define DUNE_GET_SREGS _IOR(DUNE_IOCTL_TYPE, 0x11, struct dune_sregs)
#define DUNE_RUN _IO(DUNE_IOCTL_TYPE, 0x12)

#endif
