// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-x: one VMCS per vCPU, entered from the ioctl of the vCPU's own
 * thread, with EPT (the shared nested page tables, dune_mmu.c) and VPID.
 *
 * VMX operation is per CPU and exclusive: VMXON fails while another
 * hypervisor (kvm_intel with a VM open) is in VMX operation on that CPU, and
 * kvm_intel does not notice a VMXON it did not do. So VT-x is taken only for
 * the span of one entry, with interrupts off (kvm_intel turns VMX on and off
 * through IPIs, which wait): if CR4.VMXE is clear, the entry does VMXON with
 * this module's region and VMXOFF after; if it is set, kvm_intel is in VMX
 * operation here and the entry uses it as it is, saving kvm_intel's current
 * VMCS pointer (VMPTRST) and loading it back after. Either way the vCPU's
 * VMCS is VMCLEARed at the end of each entry, so it is never active on a CPU
 * outside DUNE_RUN and the next entry (maybe elsewhere) launches it afresh.
 *
 * Translations: with EPT, the guest's cached translations are tagged with the
 * EPT root (and the VPID), so kvm_intel's guests never use them even with the
 * same VPID, and kvm_intel flushes a root's translations when it starts using
 * one. A vCPU flushes its EPT root's translations (INVEPT) when it enters on
 * another CPU than last time (that CPU may hold stale ones, also from a freed
 * root at the same address) or after the MMU notifier removed mappings.
 */
#include <linux/idr.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <asm/apic.h>
#include <asm/cpu_entry_area.h>
#include <asm/debugreg.h>
#include <asm/desc.h>
#include <asm/fpu/api.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include <asm/trapnr.h>
#include <asm/tsc.h>
#include <asm/vmx.h>

#include "dune_kmod.h"

/* VM exits restore RIP to here, with RSP as dune_vmx_vmlaunch left it (dune_vmx_vmlaunch.S). */
extern const char dune_vmx_host_rip[];

#define EXIT_REASON_FAILED_ENTRY BIT(31)
/* IA32_VMX_BASIC: bits 30:0 revision, 44:32 VMCS size, 55 the TRUE_*_CTLS MSRs exist (kernels name these differently). */
#define BASIC_REVISION_MASK GENMASK_ULL(30, 0)
#define BASIC_VMCS_SIZE(basic) (((basic) >> 32) & 0x1fff)
#define BASIC_TRUE_CTLS BIT_ULL(55)
/* IA32_VMX_MISC bits 4:0: the VMX-preemption timer counts the TSC shifted right by this much. */
#define MISC_PREEMPTION_TIMER_RATE GENMASK_ULL(4, 0)
#define MC_VECTOR_BIT BIT(18)
#define DR7_RESET 0x400ULL
#define NO_VMCS (~0ULL)
/*
 * The longest a guest runs before it exits to look at signals and interrupts:
 * external interrupts should end it sooner, but bochs (our VT-x test machine)
 * misses them for a guest entered with IF clear (it evaluates the interrupt
 * mask before it enters guest mode). The VMX-preemption timer bounds every run.
 */
#define GUEST_SLICE_MS 1

/*
 * MSRs the guest owns that VM entries and exits do not switch by themselves:
 * the VM-entry MSR-load and VM-exit MSR-store lists (the vCPU's guest area)
 * and the VM-exit MSR-load list (its host area) switch them. KernelGSBase
 * holds the thread's user GS base on the host side, so that value is
 * refreshed before each entry; the others are the kernel's, set at boot.
 */
static const u32 switched_msrs[] = { MSR_KERNEL_GS_BASE, MSR_STAR, MSR_LSTAR, MSR_CSTAR, MSR_SYSCALL_MASK };
/* The first host entry of the vCPU's MSR page: guest entries come first. */
#define MSR_AREA_HOST 8
static_assert(ARRAY_SIZE(switched_msrs) <= MSR_AREA_HOST);

struct vmx_cpu {
	void *vmxon_region;
	u64 vmxon_pa;
};
static DEFINE_PER_CPU(struct vmx_cpu, vmx_cpus);

static u32 vmcs_revision;
static u32 pin_ctls, cpu_ctls, secondary_ctls, exit_ctls, entry_ctls;
static u64 cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
static bool invept_single_context;
/* VMX-preemption timer units in GUEST_SLICE_MS, 0 without the timer. */
static u32 slice_ticks;
static void *msr_bitmap;
static DEFINE_IDA(vpids);

/* --- VMX instructions ------------------------------------------------------- */

/* Each returns 0, or -EIO when the instruction failed (CF or ZF set). */
static int vmxon(u64 pa)
{
	bool failed;

	asm volatile("vmxon %[pa]" : "=@ccbe"(failed) : [pa] "m"(pa) : "memory");
	return failed ? -EIO : 0;
}

static void vmxoff(void)
{
	asm volatile("vmxoff" ::: "cc", "memory");
}

static int vmptrld(u64 pa)
{
	bool failed;

	asm volatile("vmptrld %[pa]" : "=@ccbe"(failed) : [pa] "m"(pa) : "memory");
	return failed ? -EIO : 0;
}

static u64 vmptrst(void)
{
	u64 pa;

	asm volatile("vmptrst %[pa]" : [pa] "=m"(pa) : : "memory");
	return pa;
}

static void vmclear(u64 pa)
{
	asm volatile("vmclear %[pa]" : : [pa] "m"(pa) : "cc", "memory");
}

static u64 vmcs_read(unsigned long field)
{
	u64 value;

	asm volatile("vmread %[field], %[value]" : [value] "=r"(value) : [field] "r"(field) : "cc");
	return value;
}

static void vmcs_write(unsigned long field, u64 value)
{
	asm volatile("vmwrite %[value], %[field]" : : [value] "r"(value), [field] "r"(field) : "cc", "memory");
}

static void invept(u64 eptp)
{
	struct {
		u64 eptp, reserved;
	} operand = { eptp, 0 };
	unsigned long type = invept_single_context ? VMX_EPT_EXTENT_CONTEXT : VMX_EPT_EXTENT_GLOBAL;

	asm volatile("invept %[operand], %[type]" : : [operand] "m"(operand), [type] "r"(type) : "cc", "memory");
}

/* --- VMX operation for one entry (interrupts off) ------------------------------- */

struct vmx_root {
	/* This entry did VMXON (nobody else was in VMX operation here). */
	bool own;
	/* Otherwise, the other hypervisor's current VMCS, loaded back after. */
	u64 other_vmcs;
};

/* Enters VMX operation if needed and makes the vCPU's VMCS current. */
static int vmcs_begin(struct dune_vcpu *vcpu, struct vmx_root *root)
{
	root->own = !(__read_cr4() & X86_CR4_VMXE);
	if (root->own) {
		cr4_set_bits_irqsoff(X86_CR4_VMXE);
		if (vmxon(this_cpu_ptr(&vmx_cpus)->vmxon_pa))
			goto no_vmx;
	} else {
		root->other_vmcs = vmptrst();
	}
	if (!vmptrld(vcpu->vmx.vmcs_pa))
		return 0;
	if (root->own)
		vmxoff();
	else if (root->other_vmcs != NO_VMCS)
		vmptrld(root->other_vmcs);
no_vmx:
	if (root->own)
		cr4_clear_bits_irqsoff(X86_CR4_VMXE);
	return -EIO;
}

/* Writes the VMCS back to memory (so any CPU may load it next) and leaves VMX as it was. */
static void vmcs_end(struct dune_vcpu *vcpu, struct vmx_root *root)
{
	vmclear(vcpu->vmx.vmcs_pa);
	if (root->own) {
		vmxoff();
		cr4_clear_bits_irqsoff(X86_CR4_VMXE);
	} else if (root->other_vmcs != NO_VMCS) {
		vmptrld(root->other_vmcs);
	}
}

/* --- guest state ------------------------------------------------------------------ */

struct segment_fields {
	unsigned long selector, limit, access, base;
};

#define SEGMENT(s) { GUEST_##s##_SELECTOR, GUEST_##s##_LIMIT, GUEST_##s##_AR_BYTES, GUEST_##s##_BASE }
/* In struct dune_sregs order: cs, ds, es, fs, gs, ss, tr, ldtr. */
static const struct segment_fields segment_fields[] = {
	SEGMENT(CS), SEGMENT(DS), SEGMENT(ES), SEGMENT(FS), SEGMENT(GS), SEGMENT(SS), SEGMENT(TR), SEGMENT(LDTR),
};

#define VMX_AR_UNUSABLE BIT(16)
#define SEG_PRESENT BIT(7)
#define SEG_S BIT(4)
#define SEG_ACCESSED BIT(0)
#define SEG_G BIT(11)

/*
 * The ABI's attributes (SVM's layout: bits 0-7, then AVL L D/B G in 8-11) to
 * VMX access rights (AVL L D/B G in 12-15, bit 16 unusable). The limit is
 * already in bytes, as in a VMCB: G follows from it, since VM entry checks
 * the two agree. Code and data segments get their accessed bit, which the
 * CPU would set on first use anyway.
 */
static int to_vmx_access(const struct dune_segment *s, u32 *access)
{
	u32 a = s->attributes;

	if (!(a & SEG_PRESENT)) {
		*access = VMX_AR_UNUSABLE;
		return 0;
	}
	if (s->limit > 0xfffff && (s->limit & 0xfff) != 0xfff)
		return -EINVAL;
	a &= ~SEG_G;
	if (s->limit > 0xfffff)
		a |= SEG_G;
	if (a & SEG_S)
		a |= SEG_ACCESSED;
	*access = (a & 0xff) | ((a & 0xf00) << 4);
	return 0;
}

static u16 from_vmx_access(u32 access)
{
	if (access & VMX_AR_UNUSABLE)
		return 0;
	return (access & 0xff) | ((access >> 4) & 0xf00);
}

static u64 cr0_mask(void)
{
	return cr0_fixed0 | ~cr0_fixed1;
}

static u64 cr4_mask(void)
{
	return cr4_fixed0 | ~cr4_fixed1;
}

static void write_sregs(struct dune_vcpu *vcpu, const struct dune_sregs *s, const u32 *access)
{
	const struct dune_segment *segs[] = { &s->cs, &s->ds, &s->es, &s->fs, &s->gs, &s->ss, &s->tr, &s->ldtr };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(segs); i++) {
		vmcs_write(segment_fields[i].selector, segs[i]->selector);
		vmcs_write(segment_fields[i].limit, segs[i]->limit);
		vmcs_write(segment_fields[i].access, access[i]);
		vmcs_write(segment_fields[i].base, segs[i]->base);
	}
	vmcs_write(GUEST_GDTR_BASE, s->gdt.base);
	vmcs_write(GUEST_GDTR_LIMIT, s->gdt.limit);
	vmcs_write(GUEST_IDTR_BASE, s->idt.base);
	vmcs_write(GUEST_IDTR_LIMIT, s->idt.limit);
	/* Bits VMX fixes (NE, VMXE) are set in the real registers; the guest reads its own values. */
	vmcs_write(GUEST_CR0, (s->cr0 | (cr0_fixed0 & X86_CR0_NE)) & cr0_fixed1);
	vmcs_write(CR0_READ_SHADOW, s->cr0);
	vmcs_write(GUEST_CR4, (s->cr4 | cr4_fixed0) & cr4_fixed1);
	vmcs_write(CR4_READ_SHADOW, s->cr4);
	vmcs_write(GUEST_CR3, s->cr3);
	vmcs_write(GUEST_IA32_EFER, s->efer);
	vmcs_write(GUEST_IA32_PAT, s->pat);
	vmcs_write(VM_ENTRY_CONTROLS, entry_ctls | (s->efer & EFER_LMA ? VM_ENTRY_IA32E_MODE : 0));
	vcpu->vmx.cr2 = s->cr2;
}

static int vmx_set_sregs(struct dune_vcpu *vcpu, const struct dune_sregs *s)
{
	const struct dune_segment *segs[] = { &s->cs, &s->ds, &s->es, &s->fs, &s->gs, &s->ss, &s->tr, &s->ldtr };
	u32 access[ARRAY_SIZE(segs)];
	struct vmx_root root;
	unsigned long flags;
	unsigned int i;
	int r;

	for (i = 0; i < ARRAY_SIZE(segs); i++) {
		if (segs[i]->attributes >= 0x1000)
			return -EINVAL;
		r = to_vmx_access(segs[i], &access[i]);
		if (r)
			return r;
	}
	if (s->gdt.reserved[0] || s->gdt.reserved[1] || s->gdt.reserved[2] || s->idt.reserved[0] ||
	    s->idt.reserved[1] || s->idt.reserved[2])
		return -EINVAL;
	local_irq_save(flags);
	r = vmcs_begin(vcpu, &root);
	if (!r) {
		write_sregs(vcpu, s, access);
		vmcs_end(vcpu, &root);
	}
	local_irq_restore(flags);
	if (r)
		return r;
	vcpu->sregs_set = true;
	return 0;
}

static void read_sregs(struct dune_vcpu *vcpu, struct dune_sregs *s)
{
	struct dune_segment *segs[] = { &s->cs, &s->ds, &s->es, &s->fs, &s->gs, &s->ss, &s->tr, &s->ldtr };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(segs); i++) {
		segs[i]->selector = vmcs_read(segment_fields[i].selector);
		segs[i]->limit = vmcs_read(segment_fields[i].limit);
		segs[i]->attributes = from_vmx_access(vmcs_read(segment_fields[i].access));
		segs[i]->base = vmcs_read(segment_fields[i].base);
	}
	s->gdt.base = vmcs_read(GUEST_GDTR_BASE);
	s->gdt.limit = vmcs_read(GUEST_GDTR_LIMIT);
	s->idt.base = vmcs_read(GUEST_IDTR_BASE);
	s->idt.limit = vmcs_read(GUEST_IDTR_LIMIT);
	s->cr0 = (vmcs_read(GUEST_CR0) & ~cr0_mask()) | (vmcs_read(CR0_READ_SHADOW) & cr0_mask());
	s->cr4 = (vmcs_read(GUEST_CR4) & ~cr4_mask()) | (vmcs_read(CR4_READ_SHADOW) & cr4_mask());
	s->cr3 = vmcs_read(GUEST_CR3);
	s->cr2 = vcpu->vmx.cr2;
	s->efer = vmcs_read(GUEST_IA32_EFER);
	s->pat = vmcs_read(GUEST_IA32_PAT);
}

static int vmx_get_sregs(struct dune_vcpu *vcpu, struct dune_sregs *s)
{
	struct vmx_root root;
	unsigned long flags;
	int r;

	memset(s, 0, sizeof(*s));
	local_irq_save(flags);
	r = vmcs_begin(vcpu, &root);
	if (!r) {
		read_sregs(vcpu, s);
		vmcs_end(vcpu, &root);
	}
	local_irq_restore(flags);
	return r;
}

/* --- vCPUs ------------------------------------------------------------------------ */

static u64 eptp(struct dune_vcpu *vcpu)
{
	return __pa(vcpu->vm->nested_root) | VMX_EPTP_MT_WB | VMX_EPTP_PWL_4;
}

/* Everything but the guest's registers and the per-CPU host state (see enter_guest). */
static void init_vmcs(struct dune_vcpu *vcpu)
{
	u64 value;

	vmcs_write(PIN_BASED_VM_EXEC_CONTROL, pin_ctls);
	vmcs_write(CPU_BASED_VM_EXEC_CONTROL, cpu_ctls);
	vmcs_write(SECONDARY_VM_EXEC_CONTROL, secondary_ctls);
	vmcs_write(VM_EXIT_CONTROLS, exit_ctls);
	vmcs_write(VM_ENTRY_CONTROLS, entry_ctls);
	/* #MC belongs to the host. */
	vmcs_write(EXCEPTION_BITMAP, MC_VECTOR_BIT);
	vmcs_write(PAGE_FAULT_ERROR_CODE_MASK, 0);
	vmcs_write(PAGE_FAULT_ERROR_CODE_MATCH, 0);
	vmcs_write(CR3_TARGET_COUNT, 0);
	vmcs_write(VM_ENTRY_MSR_LOAD_ADDR, __pa(vcpu->vmx.msrs));
	vmcs_write(VM_EXIT_MSR_STORE_ADDR, __pa(vcpu->vmx.msrs));
	vmcs_write(VM_EXIT_MSR_LOAD_ADDR, __pa(&vcpu->vmx.msrs[MSR_AREA_HOST]));
	vmcs_write(VM_ENTRY_MSR_LOAD_COUNT, ARRAY_SIZE(switched_msrs));
	vmcs_write(VM_EXIT_MSR_STORE_COUNT, ARRAY_SIZE(switched_msrs));
	vmcs_write(VM_EXIT_MSR_LOAD_COUNT, ARRAY_SIZE(switched_msrs));
	vmcs_write(VM_ENTRY_INTR_INFO_FIELD, 0);
	vmcs_write(TSC_OFFSET, 0);
	vmcs_write(MSR_BITMAP, __pa(msr_bitmap));
	vmcs_write(EPT_POINTER, eptp(vcpu));
	if (secondary_ctls & SECONDARY_EXEC_ENABLE_VPID)
		vmcs_write(VIRTUAL_PROCESSOR_ID, vcpu->vmx.vpid);
	vmcs_write(VMCS_LINK_POINTER, NO_VMCS);
	vmcs_write(CR0_GUEST_HOST_MASK, cr0_mask());
	vmcs_write(CR4_GUEST_HOST_MASK, cr4_mask());

	vmcs_write(HOST_CR0, read_cr0());
	vmcs_write(HOST_CS_SELECTOR, __KERNEL_CS);
	vmcs_write(HOST_SS_SELECTOR, __KERNEL_DS);
	/* Host selectors must have RPL 0: user ones are put back after the exit (restore_host). */
	vmcs_write(HOST_DS_SELECTOR, 0);
	vmcs_write(HOST_ES_SELECTOR, 0);
	vmcs_write(HOST_FS_SELECTOR, 0);
	vmcs_write(HOST_GS_SELECTOR, 0);
	vmcs_write(HOST_TR_SELECTOR, GDT_ENTRY_TSS * 8);
	vmcs_write(HOST_RIP, (unsigned long)dune_vmx_host_rip);
	rdmsrl(MSR_IA32_CR_PAT, value);
	vmcs_write(HOST_IA32_PAT, value);
	rdmsrl(MSR_EFER, value);
	vmcs_write(HOST_IA32_EFER, value);
	rdmsrl(MSR_IA32_SYSENTER_CS, value);
	vmcs_write(HOST_IA32_SYSENTER_CS, value);
	rdmsrl(MSR_IA32_SYSENTER_EIP, value);
	vmcs_write(HOST_IA32_SYSENTER_EIP, value);

	vmcs_write(GUEST_DR7, DR7_RESET);
	vmcs_write(GUEST_IA32_DEBUGCTL, 0);
	vmcs_write(GUEST_SYSENTER_CS, 0);
	vmcs_write(GUEST_SYSENTER_ESP, 0);
	vmcs_write(GUEST_SYSENTER_EIP, 0);
	vmcs_write(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE);
	vmcs_write(GUEST_INTERRUPTIBILITY_INFO, 0);
	vmcs_write(GUEST_PENDING_DBG_EXCEPTIONS, 0);
}

static int vmx_vcpu_init(struct dune_vcpu *vcpu)
{
	struct dune_vmx_vcpu *v = &vcpu->vmx;
	struct vmx_root root;
	unsigned long flags;
	unsigned int i;
	int r;

	r = ida_alloc_range(&vpids, 1, 0xffff, GFP_KERNEL);
	if (r < 0)
		return r;
	v->vpid = r;
	v->vmcs = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!v->vmcs) {
		ida_free(&vpids, v->vpid);
		return -ENOMEM;
	}
	v->msrs = (struct vmx_msr_entry *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!v->msrs) {
		free_page((unsigned long)v->vmcs);
		ida_free(&vpids, v->vpid);
		return -ENOMEM;
	}
	/* The guest's start at 0, as in a fresh VMCB; the host's are the kernel's. */
	for (i = 0; i < ARRAY_SIZE(switched_msrs); i++) {
		v->msrs[i].index = switched_msrs[i];
		v->msrs[MSR_AREA_HOST + i].index = switched_msrs[i];
		rdmsrl(switched_msrs[i], v->msrs[MSR_AREA_HOST + i].value);
	}
	*(u32 *)v->vmcs = vmcs_revision;
	v->vmcs_pa = __pa(v->vmcs);
	v->last_cpu = -1;
	local_irq_save(flags);
	/* A new VMCS region is VMCLEARed before its first VMPTRLD, which vmcs_begin does. */
	r = vmcs_begin(vcpu, &root);
	if (!r) {
		vmclear(v->vmcs_pa);
		r = vmptrld(v->vmcs_pa);
		if (!r)
			init_vmcs(vcpu);
		vmcs_end(vcpu, &root);
	}
	local_irq_restore(flags);
	if (r) {
		free_page((unsigned long)v->msrs);
		free_page((unsigned long)v->vmcs);
		ida_free(&vpids, v->vpid);
	}
	return r;
}

static void vmx_vcpu_free(struct dune_vcpu *vcpu)
{
	free_page((unsigned long)vcpu->vmx.msrs);
	free_page((unsigned long)vcpu->vmx.vmcs);
	ida_free(&vpids, vcpu->vmx.vpid);
}

/* --- entering the guest ---------------------------------------------------------------- */

/* Host state VM exits do not restore, or restore differently from what Linux had. */
struct host_state {
	u16 ds, es, fs, gs, ldt;
	u64 kernel_gs_base, debugctl;
};

static u16 read_ldt(void)
{
	u16 selector;

	asm("sldt %0" : "=g"(selector));
	return selector;
}

static void save_host(struct host_state *h)
{
	savesegment(ds, h->ds);
	savesegment(es, h->es);
	savesegment(fs, h->fs);
	savesegment(gs, h->gs);
	h->ldt = read_ldt();
	rdmsrl(MSR_KERNEL_GS_BASE, h->kernel_gs_base);
	h->debugctl = get_debugctlmsr();
}

static void restore_host(const struct host_state *h, int cpu)
{
	/* A VM exit leaves the GDT limit at 0xffff, the TSS limit at 0x67 and LDTR null. */
	load_fixmap_gdt(cpu);
	invalidate_tss_limit();
	if (h->ldt || h->gs) {
		asm volatile("lldt %0" : : "rm"(h->ldt));
		/* Loads the user GS base from the descriptor: the thread's own value goes back after. */
		load_gs_index(h->gs);
		wrmsrl(MSR_KERNEL_GS_BASE, h->kernel_gs_base);
	}
	if (h->fs)
		loadsegment(fs, h->fs);
	if (h->ds | h->es) {
		loadsegment(ds, h->ds);
		loadsegment(es, h->es);
	}
	if (h->debugctl)
		update_debugctlmsr(h->debugctl);
	if (hw_breakpoint_active())
		hw_breakpoint_restore();
}

/* Host state that differs between CPUs; the VMCS keeps it while the vCPU stays on one. */
static void write_cpu_host_state(int cpu)
{
	struct desc_ptr dt;
	u64 value;

	native_store_gdt(&dt);
	vmcs_write(HOST_GDTR_BASE, dt.address);
	store_idt(&dt);
	vmcs_write(HOST_IDTR_BASE, dt.address);
	vmcs_write(HOST_TR_BASE, (unsigned long)&get_cpu_entry_area(cpu)->tss.x86_tss);
	rdmsrl(MSR_IA32_SYSENTER_ESP, value);
	vmcs_write(HOST_IA32_SYSENTER_ESP, value);
	rdmsrl(MSR_GS_BASE, value);
	vmcs_write(HOST_GS_BASE, value);
}

/* What one exit left in the VMCS, read before the VMCS is cleared. */
struct exit_info {
	u32 reason, intr_info, vectoring_info, vectoring_error, length, instruction_error, guest_ss_access;
	u64 qualification, gpa, guest_efer;
};

/* An NMI caused the exit: raise it again for the host and end the NMI blocking the exit left. */
static void reraise_nmi(void)
{
	apic->send_IPI(smp_processor_id(), NMI_VECTOR);
	asm volatile("mov %%ss, %%rax\n\t"
		     "push %%rax\n\t"
		     "push %%rsp\n\t"
		     "addq $8, (%%rsp)\n\t"
		     "pushfq\n\t"
		     "mov %%cs, %%rax\n\t"
		     "push %%rax\n\t"
		     "lea 1f(%%rip), %%rax\n\t"
		     "push %%rax\n\t"
		     "iretq\n"
		     "1:"
		     : : : "rax", "cc", "memory");
}

/* One VMLAUNCH; the guest's RSP, RIP and RFLAGS travel through the VMCS, the rest through run->regs. */
static int enter_guest(struct dune_vcpu *vcpu, struct exit_info *e)
{
	struct dune_vmx_vcpu *v = &vcpu->vmx;
	struct dune_vm *vm = vcpu->vm;
	struct dune_regs *regs = &vcpu->run->regs;
	struct host_state host;
	struct vmx_root root;
	u64 generation, fs_base;
	bool failed;
	int cpu;

	local_irq_disable();
	cpu = smp_processor_id();
	/* The guest is the same program: it runs on the thread's own FPU registers. */
	if (test_thread_flag(TIF_NEED_FPU_LOAD))
		switch_fpu_return();
	if (vmcs_begin(vcpu, &root)) {
		local_irq_enable();
		return -EIO;
	}
	if (v->last_cpu != cpu)
		write_cpu_host_state(cpu);
	save_host(&host);
	vmcs_write(HOST_CR3, __read_cr3());
	vmcs_write(HOST_CR4, __read_cr4());
	rdmsrl(MSR_FS_BASE, fs_base);
	vmcs_write(HOST_FS_BASE, fs_base);
	vmcs_write(GUEST_RSP, regs->rsp);
	vmcs_write(GUEST_RIP, regs->rip);
	vmcs_write(GUEST_RFLAGS, regs->rflags);
	if (slice_ticks)
		vmcs_write(VMX_PREEMPTION_TIMER_VALUE, slice_ticks);
	/* A VM exit clears the field's valid bit: write it only to deliver something. */
	if (vcpu->pending_exception) {
		vmcs_write(VM_ENTRY_INTR_INFO_FIELD, vcpu->pending_exception);
		vmcs_write(VM_ENTRY_EXCEPTION_ERROR_CODE, vcpu->pending_error);
		vcpu->pending_exception = 0;
	}

	cpumask_set_cpu(cpu, &vm->running);
	/* Pairs with flush_guest_tlbs: either this sees the new generation or the invalidator sees the CPU. */
	smp_mb__after_atomic();
	generation = READ_ONCE(vm->tlb_generation);
	if (v->last_cpu != cpu || vcpu->tlb_generation != generation) {
		invept(eptp(vcpu));
		vcpu->tlb_generation = generation;
		v->last_cpu = cpu;
	}

	v->msrs[MSR_AREA_HOST].value = host.kernel_gs_base;
	if (native_read_cr2() != v->cr2)
		native_write_cr2(v->cr2);
	failed = dune_vmx_vmlaunch(regs);
	v->cr2 = native_read_cr2();

	memset(e, 0, sizeof(*e));
	if (failed) {
		e->instruction_error = vmcs_read(VM_INSTRUCTION_ERROR);
	} else {
		e->reason = vmcs_read(VM_EXIT_REASON);
		e->qualification = vmcs_read(EXIT_QUALIFICATION);
		e->gpa = vmcs_read(GUEST_PHYSICAL_ADDRESS);
		e->intr_info = vmcs_read(VM_EXIT_INTR_INFO);
		e->vectoring_info = vmcs_read(IDT_VECTORING_INFO_FIELD);
		e->vectoring_error = vmcs_read(IDT_VECTORING_ERROR_CODE);
		e->length = vmcs_read(VM_EXIT_INSTRUCTION_LEN);
		e->guest_ss_access = vmcs_read(GUEST_SS_AR_BYTES);
		if ((e->reason & 0xffff) == EXIT_REASON_MSR_READ)
			e->guest_efer = vmcs_read(GUEST_IA32_EFER);
		regs->rsp = vmcs_read(GUEST_RSP);
		regs->rip = vmcs_read(GUEST_RIP);
		regs->rflags = vmcs_read(GUEST_RFLAGS);
	}
	vmcs_end(vcpu, &root);
	cpumask_clear_cpu(cpu, &vm->running);
	restore_host(&host, cpu);
	if (!failed && (e->reason & 0xffff) == EXIT_REASON_EXCEPTION_NMI &&
	    (e->intr_info & INTR_INFO_INTR_TYPE_MASK) == INTR_TYPE_NMI_INTR)
		reraise_nmi();
	local_irq_enable();
	return failed ? 1 : 0;
}

static void emulate_cpuid(struct dune_regs *regs)
{
	u32 eax = regs->rax, ebx, ecx = regs->rcx, edx;

	cpuid_count(eax, ecx, &eax, &ebx, &ecx, &edx);
	regs->rax = eax;
	regs->rbx = ebx;
	regs->rcx = ecx;
	regs->rdx = edx;
}

void dune_vmx_enter(struct dune_vcpu *vcpu, struct dune_exit *exit)
{
	struct dune_regs *regs = &vcpu->run->regs;
	struct exit_info e;
	int r;

	exit->reason = DUNE_EXIT_NONE;
	exit->info[0] = exit->info[1] = 0;
	r = enter_guest(vcpu, &e);
	if (r) {
		exit->reason = DUNE_EXIT_INVALID_STATE;
		exit->info[0] = r < 0 ? r : e.instruction_error;
		return;
	}
	dune_keep_interrupted_exception(vcpu, e.vectoring_info, e.vectoring_error);
	if (e.reason & EXIT_REASON_FAILED_ENTRY) {
		if ((e.reason & 0xffff) == EXIT_REASON_MCE_DURING_VMENTRY)
			asm volatile("int $0x12");
		exit->reason = DUNE_EXIT_INVALID_STATE;
		exit->info[0] = e.reason & 0xffff;
		return;
	}
	switch (e.reason & 0xffff) {
	case EXIT_REASON_EXCEPTION_NMI:
		if ((e.intr_info & INTR_INFO_INTR_TYPE_MASK) == INTR_TYPE_NMI_INTR)
			break;
		if ((e.intr_info & INTR_INFO_VECTOR_MASK) == X86_TRAP_MC) {
			/* The machine check happened in guest mode: let the host's handler see it. */
			asm volatile("int $0x12");
			break;
		}
		exit->reason = DUNE_EXIT_UNHANDLED;
		exit->info[0] = e.reason;
		exit->info[1] = e.intr_info;
		break;
	case EXIT_REASON_EXTERNAL_INTERRUPT:
	case EXIT_REASON_PREEMPTION_TIMER:
	case EXIT_REASON_INIT_SIGNAL:
	case EXIT_REASON_SIPI_SIGNAL:
		/* Interrupts are taken by the host when they come back on. */
		break;
	case EXIT_REASON_CPUID:
		/* CPUID always exits on VT-x: answer as the CPU would without a hypervisor in between (as on AMD). */
		emulate_cpuid(regs);
		regs->rip += e.length;
		break;
	case EXIT_REASON_EPT_VIOLATION:
		exit->reason = DUNE_EXIT_NESTED_FAULT;
		exit->info[0] = e.gpa;
		exit->info[1] = (e.qualification & EPT_VIOLATION_ACC_WRITE ? DUNE_ACCESS_WRITE : 0) |
				(e.qualification & EPT_VIOLATION_ACC_INSTR ? DUNE_ACCESS_FETCH : 0) |
				e.qualification << 32;
		break;
	case EXIT_REASON_VMCALL:
		/* Only guest ring 0 makes hypercalls: elsewhere VMCALL is #UD, as without a hypervisor. CPL = SS.DPL. */
		if ((e.guest_ss_access >> 5) & 3) {
			dune_raise_exception(vcpu, X86_TRAP_UD, false, 0);
			break;
		}
		regs->rip += e.length;
		exit->reason = DUNE_EXIT_HYPERCALL;
		break;
	case EXIT_REASON_MSR_READ:
		if ((u32)regs->rcx == MSR_EFER) {
			regs->rax = (u32)e.guest_efer;
			regs->rdx = e.guest_efer >> 32;
			regs->rip += e.length;
			break;
		}
		fallthrough;
	case EXIT_REASON_MSR_WRITE:
		/* Any other MSR is none of the guest's business: #GP, as for an MSR the CPU lacks. */
		dune_raise_exception(vcpu, X86_TRAP_GP, true, 0);
		break;
	case EXIT_REASON_HLT:
		regs->rip += e.length;
		exit->reason = DUNE_EXIT_HLT;
		break;
	case EXIT_REASON_TRIPLE_FAULT:
		exit->reason = DUNE_EXIT_SHUTDOWN;
		break;
	default:
		exit->reason = DUNE_EXIT_UNHANDLED;
		exit->info[0] = e.reason;
		exit->info[1] = e.qualification;
		break;
	}
}

/* --- module load and unload ----------------------------------------------------------- */

/* Fits the wanted controls to what the CPU allows; names the missing required ones. */
static int adjust_controls(u32 msr, u32 required, u32 optional, u32 *controls, const char *what)
{
	u64 caps;
	u32 must_be_one, may_be_one;

	rdmsrl(msr, caps);
	must_be_one = caps;
	may_be_one = caps >> 32;
	if ((required & may_be_one) != required) {
		pr_err("dune: VT-x lacks %s controls %#x\n", what, required & ~may_be_one);
		return -ENODEV;
	}
	*controls = (required | (optional & may_be_one) | must_be_one) & may_be_one;
	return 0;
}

static int read_capabilities(void)
{
	u64 basic, ept_vpid;
	bool true_ctls;
	int r;

	rdmsrl(MSR_IA32_VMX_BASIC, basic);
	vmcs_revision = basic & BASIC_REVISION_MASK;
	if (BASIC_VMCS_SIZE(basic) > PAGE_SIZE) {
		pr_err("dune: the VMCS does not fit a page\n");
		return -ENODEV;
	}
	true_ctls = basic & BASIC_TRUE_CTLS;
	r = adjust_controls(true_ctls ? MSR_IA32_VMX_TRUE_PINBASED_CTLS : MSR_IA32_VMX_PINBASED_CTLS,
			    PIN_BASED_EXT_INTR_MASK | PIN_BASED_NMI_EXITING, PIN_BASED_VMX_PREEMPTION_TIMER, &pin_ctls,
			    "pin-based");
	if (!r)
		r = adjust_controls(true_ctls ? MSR_IA32_VMX_TRUE_PROCBASED_CTLS : MSR_IA32_VMX_PROCBASED_CTLS,
				    CPU_BASED_HLT_EXITING | CPU_BASED_UNCOND_IO_EXITING | CPU_BASED_USE_MSR_BITMAPS |
					    CPU_BASED_MWAIT_EXITING | CPU_BASED_MONITOR_EXITING |
					    CPU_BASED_ACTIVATE_SECONDARY_CONTROLS,
				    0, &cpu_ctls, "processor-based");
	if (!r)
		r = adjust_controls(MSR_IA32_VMX_PROCBASED_CTLS2, SECONDARY_EXEC_ENABLE_EPT,
				    SECONDARY_EXEC_ENABLE_VPID | SECONDARY_EXEC_WBINVD_EXITING |
					    SECONDARY_EXEC_ENABLE_RDTSCP | SECONDARY_EXEC_ENABLE_INVPCID,
				    &secondary_ctls, "secondary");
	if (!r)
		r = adjust_controls(true_ctls ? MSR_IA32_VMX_TRUE_EXIT_CTLS : MSR_IA32_VMX_EXIT_CTLS,
				    VM_EXIT_HOST_ADDR_SPACE_SIZE | VM_EXIT_LOAD_IA32_PAT | VM_EXIT_LOAD_IA32_EFER,
				    VM_EXIT_SAVE_IA32_PAT | VM_EXIT_SAVE_IA32_EFER, &exit_ctls, "VM-exit");
	if (!r)
		r = adjust_controls(true_ctls ? MSR_IA32_VMX_TRUE_ENTRY_CTLS : MSR_IA32_VMX_ENTRY_CTLS,
				    VM_ENTRY_IA32E_MODE | VM_ENTRY_LOAD_IA32_PAT | VM_ENTRY_LOAD_IA32_EFER, 0,
				    &entry_ctls, "VM-entry");
	if (r)
		return r;
	/* Set per guest from its EFER.LMA (write_sregs). */
	entry_ctls &= ~VM_ENTRY_IA32E_MODE;

	rdmsrl(MSR_IA32_VMX_EPT_VPID_CAP, ept_vpid);
	if (!(ept_vpid & VMX_EPT_PAGE_WALK_4_BIT) || !(ept_vpid & VMX_EPTP_WB_BIT) ||
	    !(ept_vpid & VMX_EPT_INVEPT_BIT) ||
	    !(ept_vpid & (VMX_EPT_EXTENT_CONTEXT_BIT | VMX_EPT_EXTENT_GLOBAL_BIT))) {
		pr_err("dune: VT-x has no usable EPT (4 levels, write-back, INVEPT)\n");
		return -ENODEV;
	}
	invept_single_context = ept_vpid & VMX_EPT_EXTENT_CONTEXT_BIT;
	if (pin_ctls & PIN_BASED_VMX_PREEMPTION_TIMER) {
		u64 misc;

		rdmsrl(MSR_IA32_VMX_MISC, misc);
		slice_ticks = max_t(u64, 1, ((u64)tsc_khz * GUEST_SLICE_MS) >> (misc & MISC_PREEMPTION_TIMER_RATE));
	}
	rdmsrl(MSR_IA32_VMX_CR0_FIXED0, cr0_fixed0);
	rdmsrl(MSR_IA32_VMX_CR0_FIXED1, cr0_fixed1);
	rdmsrl(MSR_IA32_VMX_CR4_FIXED0, cr4_fixed0);
	rdmsrl(MSR_IA32_VMX_CR4_FIXED1, cr4_fixed1);
	return 0;
}

/* Lets the guest reach an MSR of the 0xc0000000 range directly (reads and writes). */
static void pass_msr(u32 msr)
{
	/* Read bitmap of the high range at 1 KiB, write bitmap at 3 KiB. */
	clear_bit(msr & 0x1fff, (unsigned long *)(msr_bitmap + 1024));
	clear_bit(msr & 0x1fff, (unsigned long *)(msr_bitmap + 3072));
}

/* Tries VMXON on this CPU where nobody holds VMX; counts the failures. */
static void try_vmxon(void *failures)
{
	struct vmx_cpu *pc = this_cpu_ptr(&vmx_cpus);
	unsigned long flags;

	local_irq_save(flags);
	if (!(__read_cr4() & X86_CR4_VMXE)) {
		cr4_set_bits_irqsoff(X86_CR4_VMXE);
		if (vmxon(pc->vmxon_pa))
			atomic_inc(failures);
		else
			vmxoff();
		cr4_clear_bits_irqsoff(X86_CR4_VMXE);
	}
	local_irq_restore(flags);
}

static void vmx_exit(void);

static int vmx_init(void)
{
	atomic_t failures = ATOMIC_INIT(0);
	u64 feature_control;
	unsigned int i;
	int cpu, r;

	rdmsrl(MSR_IA32_FEAT_CTL, feature_control);
	if (!(feature_control & FEAT_CTL_LOCKED) || !(feature_control & FEAT_CTL_VMX_ENABLED_OUTSIDE_SMX)) {
		pr_err("dune: VT-x is disabled by the firmware (IA32_FEATURE_CONTROL %#llx)\n", feature_control);
		return -ENODEV;
	}
	r = read_capabilities();
	if (r)
		return r;
	msr_bitmap = (void *)__get_free_page(GFP_KERNEL);
	if (!msr_bitmap)
		return -ENOMEM;
	/* Every MSR exits except the bases the VMCS switches (FS, GS) and those of switched_msrs. */
	memset(msr_bitmap, 0xff, PAGE_SIZE);
	pass_msr(MSR_FS_BASE);
	pass_msr(MSR_GS_BASE);
	for (i = 0; i < ARRAY_SIZE(switched_msrs); i++)
		pass_msr(switched_msrs[i]);
	for_each_possible_cpu(cpu) {
		struct vmx_cpu *pc = per_cpu_ptr(&vmx_cpus, cpu);

		pc->vmxon_region = (void *)get_zeroed_page(GFP_KERNEL);
		if (!pc->vmxon_region) {
			vmx_exit();
			return -ENOMEM;
		}
		*(u32 *)pc->vmxon_region = vmcs_revision;
		pc->vmxon_pa = __pa(pc->vmxon_region);
	}
	on_each_cpu(try_vmxon, &failures, 1);
	if (atomic_read(&failures)) {
		pr_err("dune: VMXON failed on %d CPUs with VMX off: another hypervisor holds VT-x without CR4.VMXE\n",
		       atomic_read(&failures));
		vmx_exit();
		return -EBUSY;
	}
	if (__read_cr4() & X86_CR4_VMXE)
		pr_info("dune: VT-x is on (kvm_intel has VMs): sharing it, one entry at a time\n");
	return 0;
}

static void vmx_exit(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct vmx_cpu *pc = per_cpu_ptr(&vmx_cpus, cpu);

		free_page((unsigned long)pc->vmxon_region);
		pc->vmxon_region = NULL;
	}
	free_page((unsigned long)msr_bitmap);
}

const struct dune_vendor dune_vmx = {
	.name = "Intel VT-x",
	/* EPT leaves need a memory type: write-back, combined with the guest's PAT. */
	.nested_leaf_bits = VMX_EPTP_MT_WB << VMX_EPT_MT_EPTE_SHIFT,
	.init = vmx_init,
	.exit = vmx_exit,
	.vcpu_init = vmx_vcpu_init,
	.vcpu_free = vmx_vcpu_free,
	.set_sregs = vmx_set_sregs,
	.get_sregs = vmx_get_sregs,
};
