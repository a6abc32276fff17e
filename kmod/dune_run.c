// SPDX-License-Identifier: GPL-2.0
/*
 * DUNE_RUN: enters the guest through the vendor until an exit user space must
 * see. Nested page faults, interrupts and the like are served here and the
 * guest runs again; a pending signal ends the run before each entry (any
 * interrupt makes a running guest exit, so a busy guest is killable).
 */
#include <linux/sched.h>
#include <linux/sched/signal.h>

#include "dune_kmod.h"

/* Offsets dune_svm_vmrun.S and dune_vmx_vmlaunch.S use. */
static_assert(offsetof(struct dune_regs, rax) == 0 && offsetof(struct dune_regs, rbx) == 8 && offsetof(struct dune_regs, rcx) == 16);
static_assert(offsetof(struct dune_regs, rdx) == 24 && offsetof(struct dune_regs, rsi) == 32);
static_assert(offsetof(struct dune_regs, rdi) == 40 && offsetof(struct dune_regs, rbp) == 48);
static_assert(offsetof(struct dune_regs, r8) == 64 && offsetof(struct dune_regs, r15) == 120);


static int stop(struct dune_run *run, u32 reason, u64 info0, u64 info1)
{
	run->exit_reason = reason;
	run->info[0] = info0;
	run->info[1] = info1;
	return 0;
}

int dune_run(struct dune_vcpu *vcpu)
{
	struct dune_run *run = vcpu->run;
	struct dune_exit *exit = &vcpu->exit;
	int r;

	if (!vcpu->sregs_set)
		return -ENOEXEC;
	for (;;) {
		/*
		 * Work the kernel does on the way back to user space (task work: POSIX CPU
		 * timers, so RLIMIT_CPU's SIGXCPU, among others) never runs while we loop
		 * here: leave for it, as a signal would.
		 */
		if (signal_pending(current) || READ_ONCE(run->immediate_exit) || test_thread_flag(TIF_NOTIFY_RESUME))
			return stop(run, DUNE_EXIT_SIGNAL, 0, 0);
		if (READ_ONCE(vcpu->vm->mm_gone))
			return -EIO;
		/* The check cond_resched would make first, without its call on every hypercall. */
		if (need_resched())
			cond_resched();

		dune_enter(vcpu, exit);
		run->exits++;
		switch (exit->reason) {
		case DUNE_EXIT_NONE:
			continue;
		case DUNE_EXIT_NESTED_FAULT:
			run->nested_page_faults++;
			r = dune_vm_handle_fault(vcpu, exit->info[0], exit->info[1] & DUNE_ACCESS_WRITE);
			if (r == -EFAULT)
				return stop(run, DUNE_EXIT_MEMORY_FAULT, exit->info[0], exit->info[1]);
			if (r)
				return r;
			continue;
		default:
			return stop(run, exit->reason, exit->info[0], exit->info[1]);
		}
	}
}
