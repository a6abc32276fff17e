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
#include <asm/svm.h>

#include "include/dune.h"

/* Nested page-table pages a fault may need (one per level below the root). */
#define DUNE_NPT_SPARES 3

/* A guest: one per open of /dev/dune, bound to the opener's address space. */
struct dune_vm {
	struct mm_struct *mm;
	struct mmu_notifier notifier;
	/* Guards the nested page tables, the windows and the invalidation state. */
	spinlock_t lock;
	/* Serializes DUNE_ADD_WINDOWS callers. */
	struct mutex add_lock;
	u64 *npt_root;
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

/* A vCPU: one per thread, created by DUNE_CREATE_VCPU and used only by that thread. */
struct dune_vcpu {
	struct dune_vm *vm;
	struct file *vm_file;
	struct task_struct *task;
	struct vmcb *vmcb;
	u64 vmcb_pa;
	struct dune_run *run;
	bool sregs_set;
	/* The CPU and ASID generation the ASID was taken on (see dune_svm.c). */
	int asid_cpu;
	u64 asid_generation;
	u64 tlb_generation;
	void *spares[DUNE_NPT_SPARES];
};

/* dune_npt.c: the nested page tables, host-virtual windows, faults and MMU-notifier coherence. */
int dune_vm_init(struct dune_vm *vm);
void dune_vm_destroy(struct dune_vm *vm);
int dune_vm_add_windows(struct dune_vm *vm, const struct dune_window *windows, u32 count);
/* 0 mapped (or raced: just run again), -EFAULT nothing the process may access there, -ENOMEM. */
int dune_vm_handle_fault(struct dune_vcpu *vcpu, u64 gpa, bool write);
void dune_vcpu_free_spares(struct dune_vcpu *vcpu);

/* dune_svm.c: AMD-V. */
int dune_svm_init(void);
void dune_svm_exit(void);
int dune_svm_vcpu_init(struct dune_vcpu *vcpu);
void dune_svm_vcpu_free(struct dune_vcpu *vcpu);
int dune_svm_set_sregs(struct dune_vcpu *vcpu, const struct dune_sregs *sregs);
void dune_svm_get_sregs(struct dune_vcpu *vcpu, struct dune_sregs *sregs);
/* Runs the guest until an exit user space must see; fills run->exit_reason and info. */
int dune_svm_run(struct dune_vcpu *vcpu);

/* dune_vmrun.S: VMLOAD, VMRUN, VMSAVE with the guest's general registers in *regs. */
void dune_svm_vmrun(u64 vmcb_pa, struct dune_regs *regs, u64 host_save_pa);

#endif
