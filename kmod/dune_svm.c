// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-V: one VMCB per vCPU, entered from the ioctl of the vCPU's own thread.
 *
 * Living next to KVM: EFER.SVME and the host-save area (MSR VM_HSAVE_PA) are
 * per-CPU state that kvm_amd sets up while it has guests. Each entry runs
 * with interrupts off, so nothing else can use SVM on this CPU meanwhile:
 * if SVME is already on (KVM is active), the run borrows its host-save area
 * (a scratch area only VMRUN and #VMEXIT use) and leaves both alone; if it is
 * off, the run turns it on with its own area and turns it off again, so
 * kvm_amd still finds SVM unused when it enables it later.
 *
 * ASIDs: KVM hands out the same ASIDs, so TLB entries tagged by one
 * hypervisor may be seen by the other. While KVM is active every entry
 * flushes its ASID first, and leaves none of its own translations behind
 * (see prepare_leaving_no_translations). While this module owns SVM on a CPU it
 * allocates ASIDs per CPU like KVM (a new generation flushes all of them);
 * VM_HSAVE_PA still pointing at its own area at the next entry proves no
 * other hypervisor ran in between, otherwise it starts a new generation.
 */
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <asm/debugreg.h>
#include <asm/fpu/api.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/trapnr.h>

#include "dune_kmod.h"

#define SVM_CPUID_LEAF 0x8000000a
#define NPF_WRITE BIT_ULL(1)
#define VMMCALL_LENGTH 3
#define HLT_LENGTH 1
#define RDMSR_LENGTH 2
#define MC_VECTOR_EXIT (SVM_EXIT_EXCP_BASE + 18)
/* Debug registers at reset: no breakpoints. */
#define DR6_RESET 0xffff0ff0ULL
#define DR7_RESET 0x400ULL

struct svm_cpu {
	void *host_save_area; /* VM_HSAVE_PA while this module owns SVM here */
	u64 host_save_area_pa;
	void *host_vmsave; /* the host's VMSAVE state during a run */
	u64 host_vmsave_pa;
	u32 next_asid;
	u64 asid_generation;
};
static DEFINE_PER_CPU(struct svm_cpu, svm_cpus);

static u32 asid_count;
static bool has_next_rip;
static void *msr_bitmap, *io_bitmap;
#define MSR_BITMAP_ORDER 1 /* 8 KiB */
#define IO_BITMAP_ORDER 2 /* 12 KiB used */

/* The VMCB used to flush an ASID when leaving a CPU that KVM shares: see prepare_leaving_no_translations. */
static struct vmcb *flush_vmcb;
static u64 flush_vmcb_pa;
/* Empty nested page tables for it: should the guest get to fetch anything, it faults out at once. */
static u64 *flush_npt_root;

static void set_intercept(struct vmcb_control_area *c, unsigned int bit)
{
	c->intercepts[bit / 32] |= BIT(bit % 32);
}

/* Lets the guest reach an MSR directly (reads and writes). Only MSRs VMLOAD/VMSAVE switch qualify:
 * the bases and the SYSCALL MSRs (a guest running its own ring 3 sets STAR, LSTAR, CSTAR, SFMASK). */
static void pass_msr(u32 msr)
{
	/* Two bits per MSR; the range 0xc0000000-0xc0001fff starts at byte 0x800. */
	u32 bit = (msr - 0xc0000000) * 2;

	clear_bit(bit, (unsigned long *)(msr_bitmap + 0x800));
	clear_bit(bit + 1, (unsigned long *)(msr_bitmap + 0x800));
}

static void init_vmcb_control(struct vmcb_control_area *c, u64 npt_root_pa)
{
	static const unsigned int intercepts[] = {
		INTERCEPT_EXCEPTION_OFFSET + 18, /* #MC belongs to the host */
		INTERCEPT_INTR, INTERCEPT_NMI, INTERCEPT_SMI, INTERCEPT_INIT,
		INTERCEPT_INVD, INTERCEPT_HLT, INTERCEPT_IOIO_PROT, INTERCEPT_MSR_PROT,
		INTERCEPT_TASK_SWITCH, INTERCEPT_FERR_FREEZE, INTERCEPT_SHUTDOWN, INTERCEPT_RSM,
		INTERCEPT_VMRUN, INTERCEPT_VMMCALL, INTERCEPT_VMLOAD, INTERCEPT_VMSAVE,
		INTERCEPT_STGI, INTERCEPT_CLGI, INTERCEPT_SKINIT, INTERCEPT_WBINVD,
		INTERCEPT_MONITOR, INTERCEPT_MWAIT, INTERCEPT_MWAIT_COND, INTERCEPT_XSETBV,
		INTERCEPT_INVLPGB, INTERCEPT_INVLPGB_ILLEGAL, INTERCEPT_TLBSYNC,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(intercepts); i++)
		set_intercept(c, intercepts[i]);
	c->iopm_base_pa = __pa(io_bitmap);
	c->msrpm_base_pa = __pa(msr_bitmap);
	/* Physical interrupts exit (and the host takes them); the guest's IF masks only its own. */
	c->int_ctl = V_INTR_MASKING_MASK;
	c->nested_ctl = SVM_NESTED_CTL_NP_ENABLE;
	c->nested_cr3 = npt_root_pa;
}

static int svm_vcpu_init(struct dune_vcpu *vcpu)
{
	vcpu->svm.vmcb = (struct vmcb *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!vcpu->svm.vmcb)
		return -ENOMEM;
	vcpu->svm.vmcb_pa = __pa(vcpu->svm.vmcb);
	init_vmcb_control(&vcpu->svm.vmcb->control, __pa(vcpu->vm->nested_root));
	vcpu->svm.asid_cpu = -1;
	return 0;
}

static void svm_vcpu_free(struct dune_vcpu *vcpu)
{
	free_page((unsigned long)vcpu->svm.vmcb);
}

static bool segment_valid(const struct dune_segment *s)
{
	return s->attributes < 0x1000;
}

static bool table_valid(const struct dune_table *t)
{
	return !t->reserved[0] && !t->reserved[1] && !t->reserved[2];
}

static void to_vmcb_segment(struct vmcb_seg *v, const struct dune_segment *s)
{
	v->selector = s->selector;
	v->attrib = s->attributes;
	v->limit = s->limit;
	v->base = s->base;
}

static void from_vmcb_segment(struct dune_segment *s, const struct vmcb_seg *v)
{
	s->selector = v->selector;
	s->attributes = v->attrib;
	s->limit = v->limit;
	s->base = v->base;
}

static int svm_set_sregs(struct dune_vcpu *vcpu, const struct dune_sregs *s)
{
	struct vmcb_save_area *v = &vcpu->svm.vmcb->save;
	const struct dune_segment *segs[] = { &s->cs, &s->ds, &s->es, &s->fs, &s->gs, &s->ss, &s->tr, &s->ldtr };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(segs); i++)
		if (!segment_valid(segs[i]))
			return -EINVAL;
	if (!table_valid(&s->gdt) || !table_valid(&s->idt))
		return -EINVAL;
	to_vmcb_segment(&v->cs, &s->cs);
	to_vmcb_segment(&v->ds, &s->ds);
	to_vmcb_segment(&v->es, &s->es);
	to_vmcb_segment(&v->fs, &s->fs);
	to_vmcb_segment(&v->gs, &s->gs);
	to_vmcb_segment(&v->ss, &s->ss);
	to_vmcb_segment(&v->tr, &s->tr);
	to_vmcb_segment(&v->ldtr, &s->ldtr);
	v->gdtr.base = s->gdt.base;
	v->gdtr.limit = s->gdt.limit;
	v->idtr.base = s->idt.base;
	v->idtr.limit = s->idt.limit;
	v->cr0 = s->cr0;
	v->cr2 = s->cr2;
	v->cr3 = s->cr3;
	v->cr4 = s->cr4;
	/* VMRUN requires SVME in the guest's EFER. */
	v->efer = s->efer | EFER_SVME;
	v->g_pat = s->pat;
	v->cpl = (s->cs.attributes >> 5) & 3;
	v->dr6 = DR6_RESET;
	v->dr7 = DR7_RESET;
	vcpu->sregs_set = true;
	return 0;
}

static int svm_get_sregs(struct dune_vcpu *vcpu, struct dune_sregs *s)
{
	const struct vmcb_save_area *v = &vcpu->svm.vmcb->save;

	memset(s, 0, sizeof(*s));
	from_vmcb_segment(&s->cs, &v->cs);
	from_vmcb_segment(&s->ds, &v->ds);
	from_vmcb_segment(&s->es, &v->es);
	from_vmcb_segment(&s->fs, &v->fs);
	from_vmcb_segment(&s->gs, &v->gs);
	from_vmcb_segment(&s->ss, &v->ss);
	from_vmcb_segment(&s->tr, &v->tr);
	from_vmcb_segment(&s->ldtr, &v->ldtr);
	s->gdt.base = v->gdtr.base;
	s->gdt.limit = v->gdtr.limit;
	s->idt.base = v->idtr.base;
	s->idt.limit = v->idtr.limit;
	s->cr0 = v->cr0;
	s->cr2 = v->cr2;
	s->cr3 = v->cr3;
	s->cr4 = v->cr4;
	s->efer = v->efer & ~(u64)EFER_SVME;
	s->pat = v->g_pat;
	return 0;
}

/* Picks the vCPU's ASID on this CPU; returns the TLB_CONTROL value the entry needs. */
static u8 assign_asid(struct dune_vcpu *vcpu, struct svm_cpu *pc, int cpu)
{
	u8 tlb_ctl = TLB_CONTROL_DO_NOTHING;

	if (vcpu->svm.asid_cpu == cpu && vcpu->svm.asid_generation == pc->asid_generation)
		return tlb_ctl;
	if (pc->next_asid >= asid_count) {
		pc->asid_generation++;
		pc->next_asid = 1;
		tlb_ctl = TLB_CONTROL_FLUSH_ALL_ASID;
	}
	vcpu->svm.vmcb->control.asid = pc->next_asid++;
	vcpu->svm.asid_cpu = cpu;
	vcpu->svm.asid_generation = pc->asid_generation;
	return tlb_ctl;
}

/*
 * Removing every translation tagged with the vCPU's ASID from this CPU's TLB,
 * so a KVM guest given the same ASID later cannot use them: a VMRUN, right
 * after the vCPU's own, of a guest that exits before its first instruction (a
 * virtual interrupt it is ready to take, with that interrupt intercepted), with
 * TLB_CONTROL flushing the ASID. This prepares it; dune_svm_vmrun runs it.
 */
static u64 prepare_leaving_no_translations(u32 asid)
{
	flush_vmcb->control.asid = asid;
	flush_vmcb->control.tlb_ctl = TLB_CONTROL_FLUSH_ASID;
	flush_vmcb->control.clean = 0;
	return flush_vmcb_pa;
}

static void check_left_no_translations(void)
{
	u32 code = flush_vmcb->control.exit_code;

	/* Anything else would mean the empty guest ran: say so once rather than silently. */
	if (code != SVM_EXIT_VINTR && code != SVM_EXIT_INTR && code != SVM_EXIT_NMI && code != SVM_EXIT_NPF)
		pr_warn_once("dune: the ASID flush guest exited with %#x\n", code);
}

static void init_flush_vmcb(void)
{
	struct vmcb_control_area *c = &flush_vmcb->control;
	struct vmcb_save_area *s = &flush_vmcb->save;

	set_intercept(c, INTERCEPT_VINTR);
	set_intercept(c, INTERCEPT_INTR);
	set_intercept(c, INTERCEPT_NMI);
	set_intercept(c, INTERCEPT_SHUTDOWN);
	set_intercept(c, INTERCEPT_VMRUN);
	c->iopm_base_pa = __pa(io_bitmap);
	c->msrpm_base_pa = __pa(msr_bitmap);
	c->int_ctl = V_INTR_MASKING_MASK | V_IRQ_MASK | V_IGN_TPR_MASK | (0xf << V_INTR_PRIO_SHIFT);
	c->nested_ctl = SVM_NESTED_CTL_NP_ENABLE;
	c->nested_cr3 = __pa(flush_npt_root);
	/* Real mode at reset values, interrupts enabled so the virtual interrupt is taken at once. */
	s->cs.selector = 0xf000;
	s->cs.base = 0xffff0000;
	s->cs.limit = 0xffff;
	s->cs.attrib = 0x9b;
	s->ds.limit = s->es.limit = s->fs.limit = s->gs.limit = s->ss.limit = 0xffff;
	s->ds.attrib = s->es.attrib = s->fs.attrib = s->gs.attrib = s->ss.attrib = 0x93;
	s->gdtr.limit = s->idtr.limit = 0xffff;
	s->ldtr.attrib = 0x82;
	s->ldtr.limit = 0xffff;
	s->tr.attrib = 0x8b;
	s->tr.limit = 0xffff;
	s->cr0 = X86_CR0_ET | X86_CR0_NE;
	s->efer = EFER_SVME;
	s->rflags = X86_EFLAGS_FIXED | X86_EFLAGS_IF;
	s->rip = 0xfff0;
	s->dr6 = DR6_RESET;
	s->dr7 = DR7_RESET;
	s->g_pat = 0x0007040600070406ULL;
}

static inline void write_msr_inline(u32 msr, u64 value)
{
	native_write_msr(msr, (u32)value, value >> 32);
}

/* One VMRUN; the guest's RAX, RSP, RIP and RFLAGS travel through the VMCB, the rest through run->regs. */
static void enter_guest(struct dune_vcpu *vcpu)
{
	struct dune_vm *vm = vcpu->vm;
	struct vmcb *vmcb = vcpu->svm.vmcb;
	struct dune_regs *regs = &vcpu->run->regs;
	struct svm_cpu *pc;
	u64 efer, hsave;
	u64 generation;
	bool own_svm;
	u8 tlb_ctl;
	int cpu;

	vmcb->save.rax = regs->rax;
	vmcb->save.rsp = regs->rsp;
	vmcb->save.rip = regs->rip;
	vmcb->save.rflags = regs->rflags;

	local_irq_disable();
	cpu = smp_processor_id();
	pc = this_cpu_ptr(&svm_cpus);
	/* The guest is the same program: it runs on the thread's own FPU registers. */
	if (test_thread_flag(TIF_NEED_FPU_LOAD))
		switch_fpu_return();

	/*
	 * The MSR instructions themselves, not the paravirt calls rdmsrl and
	 * wrmsrl become: this is the hypercall path, and no paravirtualized
	 * kernel (Xen PV) offers SVM anyway.
	 */
	efer = native_read_msr(MSR_EFER);
	hsave = native_read_msr(MSR_VM_HSAVE_PA);
	own_svm = !(efer & EFER_SVME);
	if (own_svm) {
		write_msr_inline(MSR_EFER, efer | EFER_SVME);
		if (hsave != pc->host_save_area_pa) {
			/* Another hypervisor used SVM here since: its translations may still be tagged. */
			write_msr_inline(MSR_VM_HSAVE_PA, pc->host_save_area_pa);
			pc->asid_generation++;
			pc->next_asid = asid_count;
		}
	} else if (!hsave) {
		wrmsrl(MSR_VM_HSAVE_PA, pc->host_save_area_pa);
	}
	tlb_ctl = assign_asid(vcpu, pc, cpu);

	cpumask_set_cpu(cpu, &vm->running);
	/* Pairs with flush_guest_tlbs: either this sees the new generation or the invalidator sees the CPU. */
	smp_mb__after_atomic();
	generation = READ_ONCE(vm->tlb_generation);
	if (vcpu->tlb_generation != generation || !own_svm) {
		vcpu->tlb_generation = generation;
		if (tlb_ctl == TLB_CONTROL_DO_NOTHING)
			tlb_ctl = TLB_CONTROL_FLUSH_ASID;
	}
	vmcb->control.tlb_ctl = tlb_ctl;
	vmcb->control.clean = 0;
	vmcb->control.event_inj = vcpu->pending_exception;
	vmcb->control.event_inj_err = vcpu->pending_error;
	vcpu->pending_exception = 0;

	asm volatile("clgi" ::: "memory");
	dune_svm_vmrun(vcpu->svm.vmcb_pa, regs, pc->host_vmsave_pa,
		       own_svm ? 0 : prepare_leaving_no_translations(vmcb->control.asid));
	asm volatile("stgi" ::: "memory");
	if (!own_svm)
		check_left_no_translations();

	cpumask_clear_cpu(cpu, &vm->running);
	if (own_svm)
		write_msr_inline(MSR_EFER, efer);
	else if (!hsave)
		write_msr_inline(MSR_VM_HSAVE_PA, 0);
	if (hw_breakpoint_active())
		hw_breakpoint_restore();
	local_irq_enable();

	regs->rax = vmcb->save.rax;
	regs->rsp = vmcb->save.rsp;
	regs->rip = vmcb->save.rip;
	regs->rflags = vmcb->save.rflags;
}

static void skip_instruction(struct dune_vcpu *vcpu, u64 length)
{
	struct vmcb *vmcb = vcpu->svm.vmcb;

	vcpu->run->regs.rip = has_next_rip ? vmcb->control.next_rip : vcpu->run->regs.rip + length;
}

void dune_svm_enter(struct dune_vcpu *vcpu, struct dune_exit *exit)
{
	struct vmcb_control_area *c = &vcpu->svm.vmcb->control;
	struct dune_regs *regs = &vcpu->run->regs;

	enter_guest(vcpu);
	dune_keep_interrupted_exception(vcpu, c->exit_int_info, c->exit_int_info_err);
	exit->reason = DUNE_EXIT_NONE;
	exit->info[0] = exit->info[1] = 0;
	/* The exit of every hypercall round trip, tested before the others. */
	if (c->exit_code == SVM_EXIT_VMMCALL) {
		if (vcpu->svm.vmcb->save.cpl) {
			dune_raise_exception(vcpu, X86_TRAP_UD, false, 0);
			return;
		}
		skip_instruction(vcpu, VMMCALL_LENGTH);
		exit->reason = DUNE_EXIT_HYPERCALL;
		return;
	}
	switch (c->exit_code) {
	case SVM_EXIT_INTR:
	case SVM_EXIT_NMI:
	case SVM_EXIT_SMI:
	case SVM_EXIT_INIT:
		/* Taken by the host when interrupts came back on. */
		break;
	case MC_VECTOR_EXIT:
		/* The machine check happened in guest mode: let the host's handler see it. */
		asm volatile("int $0x12");
		break;
	case SVM_EXIT_NPF:
		/* The error code has the ABI's bits: 1 write, 4 fetch. */
		exit->reason = DUNE_EXIT_NESTED_FAULT;
		exit->info[0] = c->exit_info_2;
		exit->info[1] = c->exit_info_1;
		break;
	case SVM_EXIT_MSR:
		if (!c->exit_info_1 && (u32)regs->rcx == MSR_EFER) {
			/* Reading EFER gives the guest's own, without the SVME that VMRUN needs. */
			u64 efer = vcpu->svm.vmcb->save.efer & ~(u64)EFER_SVME;

			regs->rax = (u32)efer;
			regs->rdx = efer >> 32;
			skip_instruction(vcpu, RDMSR_LENGTH);
			break;
		}
		dune_raise_exception(vcpu, X86_TRAP_GP, true, 0);
		break;
	case SVM_EXIT_HLT:
		skip_instruction(vcpu, HLT_LENGTH);
		exit->reason = DUNE_EXIT_HLT;
		break;
	case SVM_EXIT_SHUTDOWN:
		exit->reason = DUNE_EXIT_SHUTDOWN;
		break;
	case SVM_EXIT_ERR:
		exit->reason = DUNE_EXIT_INVALID_STATE;
		break;
	default:
		exit->reason = DUNE_EXIT_UNHANDLED;
		exit->info[0] = c->exit_code;
		exit->info[1] = c->exit_info_1;
		break;
	}
}

static void free_cpu_pages(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct svm_cpu *pc = per_cpu_ptr(&svm_cpus, cpu);

		free_page((unsigned long)pc->host_save_area);
		free_page((unsigned long)pc->host_vmsave);
	}
}

/* A CPU whose VM_HSAVE_PA still names this module's area forgets it before the area is freed. */
static void forget_host_save_area(void *unused)
{
	struct svm_cpu *pc = this_cpu_ptr(&svm_cpus);
	u64 hsave, efer;

	rdmsrl(MSR_EFER, efer);
	rdmsrl(MSR_VM_HSAVE_PA, hsave);
	if (!(efer & EFER_SVME) && hsave == pc->host_save_area_pa)
		wrmsrl(MSR_VM_HSAVE_PA, 0);
}

static void svm_exit(void);

static int svm_init(void)
{
	u64 vm_cr;
	int cpu;

	if (!boot_cpu_has(X86_FEATURE_NPT)) {
		pr_err("dune: the CPU has AMD-V without nested paging (NPT)\n");
		return -ENODEV;
	}
	rdmsrl(MSR_VM_CR, vm_cr);
	if (vm_cr & SVM_VM_CR_SVM_DIS_MASK) {
		pr_err("dune: AMD-V is disabled by the firmware (VM_CR.SVMDIS)\n");
		return -ENODEV;
	}
	asid_count = cpuid_ebx(SVM_CPUID_LEAF);
	if (asid_count < 2) {
		pr_err("dune: the CPU reports %u ASIDs\n", asid_count);
		return -ENODEV;
	}
	has_next_rip = boot_cpu_has(X86_FEATURE_NRIPS);

	msr_bitmap = (void *)__get_free_pages(GFP_KERNEL, MSR_BITMAP_ORDER);
	io_bitmap = (void *)__get_free_pages(GFP_KERNEL, IO_BITMAP_ORDER);
	flush_vmcb = (struct vmcb *)get_zeroed_page(GFP_KERNEL);
	flush_npt_root = (u64 *)get_zeroed_page(GFP_KERNEL);
	if (!msr_bitmap || !io_bitmap || !flush_vmcb || !flush_npt_root)
		goto nomem;
	/* Every port and MSR exits, except those VMLOAD/VMSAVE switch anyway. */
	memset(msr_bitmap, 0xff, PAGE_SIZE << MSR_BITMAP_ORDER);
	memset(io_bitmap, 0xff, PAGE_SIZE << IO_BITMAP_ORDER);
	pass_msr(MSR_FS_BASE);
	pass_msr(MSR_GS_BASE);
	pass_msr(MSR_KERNEL_GS_BASE);
	pass_msr(MSR_STAR);
	pass_msr(MSR_LSTAR);
	pass_msr(MSR_CSTAR);
	pass_msr(MSR_SYSCALL_MASK);
	flush_vmcb_pa = __pa(flush_vmcb);
	init_flush_vmcb();

	for_each_possible_cpu(cpu) {
		struct svm_cpu *pc = per_cpu_ptr(&svm_cpus, cpu);

		pc->host_save_area = (void *)get_zeroed_page(GFP_KERNEL);
		pc->host_vmsave = (void *)get_zeroed_page(GFP_KERNEL);
		if (!pc->host_save_area || !pc->host_vmsave)
			goto nomem;
		pc->host_save_area_pa = __pa(pc->host_save_area);
		pc->host_vmsave_pa = __pa(pc->host_vmsave);
		/* The first entry on each CPU starts a generation, which flushes all ASIDs. */
		pc->next_asid = asid_count;
		pc->asid_generation = 1;
	}
	return 0;
nomem:
	svm_exit();
	return -ENOMEM;
}

static void svm_exit(void)
{
	on_each_cpu(forget_host_save_area, NULL, 1);
	free_cpu_pages();
	free_page((unsigned long)flush_vmcb);
	free_page((unsigned long)flush_npt_root);
	free_pages((unsigned long)io_bitmap, IO_BITMAP_ORDER);
	free_pages((unsigned long)msr_bitmap, MSR_BITMAP_ORDER);
}

const struct dune_vendor dune_svm = {
	.name = "AMD-V",
	.init = svm_init,
	.exit = svm_exit,
	.vcpu_init = svm_vcpu_init,
	.vcpu_free = svm_vcpu_free,
	.set_sregs = svm_set_sregs,
	.get_sregs = svm_get_sregs,
};
