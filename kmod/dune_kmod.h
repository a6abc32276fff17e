/* SPDX-License-Identifier: GPL-2.0 */
/* Internal types of dune.ko, shared by its source files. */
#ifndef DUNE_KMOD_H
#define DUNE_KMOD_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/mmu_notifier.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/vmx.h>

#include "include/dune.h"

/* Nested page-table pages a fault may need (one per level below the root). */
#define DUNE_NESTED_SPARES 3

/* A guest: one per open of /dev/dune, bound to the opener's address space. */
struct dune_vm {
	struct mm_struct *mm;
	struct mmu_notifier notifier;
	/* Guards the nested page tables, the windows and the invalidation state. */
	spinlock_t lock;
	/* Serializes DUNE_ADD_WINDOWS callers. */
	struct mutex add_lock;
	/* The nested page tables (AMD: NPT, Intel: EPT); only leaf entries differ between them. */
	u64 *nested_root;
	struct dune_window *windows;
	u32 window_count, window_capacity;
	/* MMU-notifier invalidations running, and a count of them: a fault that raced one retries. */
	u32 invalidations_active;
	u64 invalidation_seq;
	/* Bumped after mappings were removed: a vCPU whose ASID saw an older value flushes it. */
	u64 tlb_generation;
	/* CPUs running one of this guest's vCPUs in guest mode right now. */
	struct cpumask running;
	bool mm_gone;
};

/* AMD-V state of a vCPU (dune_svm.c). */
struct dune_svm_vcpu {
	struct vmcb *vmcb;
	u64 vmcb_pa;
	/* The CPU and ASID generation the ASID was taken on. */
	int asid_cpu;
	u64 asid_generation;
};

/* Intel VT-x state of a vCPU (dune_vmx.c). */
struct dune_vmx_vcpu {
	void *vmcs;
	u64 vmcs_pa;
	u16 vpid;
	/* The CPU of the last entry: another one may hold stale translations of the EPT. */
	int last_cpu;
	/* The guest's and the host's values of the MSRs VM entries and exits switch through lists. */
	struct vmx_msr_entry *msrs;
	/* Guest state VM exits do not switch, kept between runs. */
	u64 cr2;
};

/* One guest exit in vendor-neutral terms: a DUNE_EXIT_* reason and its info. */
struct dune_exit {
	u32 reason;
	u64 info[2];
};

/* A vCPU: one per thread, created by DUNE_CREATE_VCPU and used only by that thread. */
struct dune_vcpu {
	struct dune_vm *vm;
	struct file *vm_file;
	struct task_struct *task;
	struct dune_run *run;
	bool sregs_set;
	/* vm->tlb_generation this vCPU's translations were last flushed at. */
	u64 tlb_generation;
	/*
	 * An exception for the guest at the next entry; 0: none. Either one the
	 * module raises (#UD for a hypercall outside ring 0, #GP for an MSR) or one
	 * whose delivery an exit interrupted (an EPT/NPT fault on the guest's IDT
	 * or stack). SVM's EXITINTINFO/EVENTINJ and VMX's IDT-vectoring/VM-entry
	 * interruption fields share this layout: vector 7:0, type 10:8, error code
	 * valid 11, valid 31. Software interrupts need no such care: the guest's
	 * RIP is still at the INT instruction, which runs again.
	 */
	u32 pending_exception, pending_error;
	void *spares[DUNE_NESTED_SPARES];
	/* Why the last entry ended (dune_run's, kept here rather than on its stack). */
	struct dune_exit exit;
	union {
		struct dune_svm_vcpu svm;
		struct dune_vmx_vcpu vmx;
	};
};

/* Not an ABI exit: the vendor's exit needs nothing from user space, run again. */
#define DUNE_EXIT_NONE 0
/* Not an ABI exit: a nested page fault; info[0] = GPA, info[1] = access as in DUNE_EXIT_MEMORY_FAULT. */
#define DUNE_EXIT_NESTED_FAULT 0x100
#define DUNE_ACCESS_WRITE BIT_ULL(1)
#define DUNE_ACCESS_FETCH BIT_ULL(4)

#define DUNE_EVENT_VALID BIT(31)
#define DUNE_EVENT_ERROR_VALID BIT(11)
#define DUNE_EVENT_TYPE_MASK GENMASK(10, 8)
#define DUNE_EVENT_TYPE_EXCEPTION (3 << 8)

/* Keeps an exit's interrupted event (SVM EXITINTINFO, VMX IDT-vectoring info) if it is an exception. */
static inline void dune_keep_interrupted_exception(struct dune_vcpu *vcpu, u32 event, u32 error)
{
	if ((event & DUNE_EVENT_VALID) && (event & DUNE_EVENT_TYPE_MASK) == DUNE_EVENT_TYPE_EXCEPTION) {
		vcpu->pending_exception = event;
		vcpu->pending_error = error;
	}
}

/* Raises exception VECTOR in the guest at the next entry, as the CPU would without a hypervisor. */
static inline void dune_raise_exception(struct dune_vcpu *vcpu, u8 vector, bool has_error, u32 error)
{
	vcpu->pending_exception = DUNE_EVENT_VALID | DUNE_EVENT_TYPE_EXCEPTION | vector |
				  (has_error ? DUNE_EVENT_ERROR_VALID : 0);
	vcpu->pending_error = error;
}

/*
 * What differs between AMD-V and Intel VT-x: dune_main.c picks one at load
 * time; everything else (ioctls, the run loop, nested page tables, the MMU
 * notifier) is shared.
 */
struct dune_vendor {
	const char *name;
	/*
	 * NPT and EPT entries agree where dune_mmu.c needs them: bit 0 present
	 * (EPT: readable), bit 1 writable, bit 2 user (EPT: executable), bits
	 * 51:12 the address. A leaf also needs these bits (EPT: its memory type).
	 */
	u64 nested_leaf_bits;
	int (*init)(void);
	void (*exit)(void);
	int (*vcpu_init)(struct dune_vcpu *vcpu);
	void (*vcpu_free)(struct dune_vcpu *vcpu);
	int (*set_sregs)(struct dune_vcpu *vcpu, const struct dune_sregs *sregs);
	int (*get_sregs)(struct dune_vcpu *vcpu, struct dune_sregs *sregs);
};

extern const struct dune_vendor dune_svm, dune_vmx;
/* The vendor of this machine, chosen at load time. */
extern const struct dune_vendor *dune_vendor;

/* Each vendor's guest entry: runs the guest once with vcpu->run->regs, takes them back, says why it exited. */
void dune_svm_enter(struct dune_vcpu *vcpu, struct dune_exit *exit);
void dune_vmx_enter(struct dune_vcpu *vcpu, struct dune_exit *exit);

/* The vendor's guest entry as a direct call: an indirect one costs a retpoline on every hypercall. */
static inline void dune_enter(struct dune_vcpu *vcpu, struct dune_exit *exit)
{
	if (dune_vendor == &dune_svm)
		dune_svm_enter(vcpu, exit);
	else
		dune_vmx_enter(vcpu, exit);
}

/* dune_mmu.c: the nested page tables, host-virtual windows, faults and MMU-notifier coherence. */
int dune_vm_init(struct dune_vm *vm);
void dune_vm_destroy(struct dune_vm *vm);
int dune_vm_add_windows(struct dune_vm *vm, const struct dune_window *windows, u32 count);
/* 0 mapped (or raced: just run again), -EFAULT nothing the process may access there, -ENOMEM. */
int dune_vm_handle_fault(struct dune_vcpu *vcpu, u64 gpa, bool write);
void dune_vcpu_free_spares(struct dune_vcpu *vcpu);
/* DUNE_FLUSH_TLB: every vCPU flushes its tagged translations before its next guest instruction. */
void dune_vm_flush_tlbs(struct dune_vm *vm);

/* dune_run.c: DUNE_RUN, the loop around the vendor's guest entry. */
int dune_run(struct dune_vcpu *vcpu);

/*
 * dune_svm_vmrun.S: VMLOAD, VMRUN, VMSAVE with the guest's general registers in *regs; then, unless
 * flush_vmcb_pa is 0, a VMRUN of that guest, which exits before its first instruction.
 */
void dune_svm_vmrun(u64 vmcb_pa, struct dune_regs *regs, u64 host_save_pa, u64 flush_vmcb_pa);
/* dune_vmx_vmlaunch.S: VMLAUNCH with the guest's general registers in *regs; 0 after an exit, 1 if it failed. */
int dune_vmx_vmlaunch(struct dune_regs *regs);

#endif
