// SPDX-License-Identifier: GPL-2.0
/*
 * Nested page tables (AMD: NPT, Intel: EPT) that expose the process's own
 * memory to its guest.
 *
 * The guest sees host virtual ranges ("windows", given by user space) at
 * guest-physical addresses. Tables start empty and fill lazily: a nested page
 * fault on a window looks the host page up with get_user_pages (the same
 * semantics as a user access: faults memory in, breaks copy-on-write for
 * writes, fails where the process could not access) and maps it. An MMU
 * notifier removes entries whenever Linux changes or drops the host mapping
 * (munmap, mprotect, swap, migration, COW), so no page is pinned: the
 * reference taken by get_user_pages is dropped as soon as the entry exists.
 */
#include <linux/mm.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "dune_kmod.h"

/* See struct dune_vendor: the same bits in NPT and EPT entries. */
#define NESTED_PRESENT BIT_ULL(0)
#define NESTED_WRITABLE BIT_ULL(1)
/* NPT: nested walks are user accesses, every level needs U. EPT: executable. */
#define NESTED_USER BIT_ULL(2)
#define NESTED_TABLE (NESTED_PRESENT | NESTED_WRITABLE | NESTED_USER)
#define NESTED_ADDRESS_MASK GENMASK_ULL(51, 12)
#define NESTED_LEVELS 4

static unsigned int nested_index(u64 gpa, int level)
{
	return (gpa >> (PAGE_SHIFT + 9 * (level - 1))) & 511;
}

static u64 *nested_table(u64 entry)
{
	return __va(entry & NESTED_ADDRESS_MASK);
}

static const struct dune_window *find_window(struct dune_vm *vm, u64 gpa)
{
	u32 i;

	for (i = 0; i < vm->window_count; i++) {
		const struct dune_window *w = &vm->windows[i];

		if (gpa - w->gpa < w->size)
			return w;
	}
	return NULL;
}

/* Maps one 4 KiB page; takes table pages from the vCPU's spares. Called with vm->lock held. */
static void nested_map(struct dune_vcpu *vcpu, u64 gpa, unsigned long pfn, bool writable)
{
	u64 *table = vcpu->vm->nested_root;
	int level, spare = 0;

	for (level = NESTED_LEVELS; level > 1; level--) {
		u64 *entry = &table[nested_index(gpa, level)];

		if (!(*entry & NESTED_PRESENT)) {
			void *page = vcpu->spares[spare];

			vcpu->spares[spare++] = NULL;
			WRITE_ONCE(*entry, __pa(page) | NESTED_TABLE);
		}
		table = nested_table(*entry);
	}
	WRITE_ONCE(table[nested_index(gpa, 1)],
		   ((u64)pfn << PAGE_SHIFT) | NESTED_PRESENT | NESTED_USER | dune_vendor->nested_leaf_bits |
			   (writable ? NESTED_WRITABLE : 0));
	/* Spares taken from the front: move the rest up so the next fault finds them. */
	if (spare) {
		int i;

		for (i = 0; i + spare < DUNE_NESTED_SPARES; i++) {
			vcpu->spares[i] = vcpu->spares[i + spare];
			vcpu->spares[i + spare] = NULL;
		}
	}
}

/* Clears the leaf entries of [start, end), skipping absent tables whole. Returns whether any was present. */
static bool nested_unmap(u64 *root, u64 start, u64 end)
{
	bool cleared = false;
	u64 gpa = start;

	while (gpa < end) {
		u64 *table = root;
		int level;

		for (level = NESTED_LEVELS; level > 1; level--) {
			u64 entry = table[nested_index(gpa, level)];

			if (!(entry & NESTED_PRESENT))
				break;
			table = nested_table(entry);
		}
		if (level > 1) {
			/* Nothing mapped below this entry: go to where the next one starts. */
			u64 span = 1ULL << (PAGE_SHIFT + 9 * (level - 1));
			u64 next = (gpa | (span - 1)) + 1;

			if (next <= gpa)
				break;
			gpa = next;
			continue;
		}
		if (table[nested_index(gpa, 1)] & NESTED_PRESENT) {
			WRITE_ONCE(table[nested_index(gpa, 1)], 0);
			cleared = true;
		}
		gpa += PAGE_SIZE;
	}
	return cleared;
}

static void nested_free(u64 *table, int level)
{
	int i;

	if (level > 1) {
		for (i = 0; i < 512; i++)
			if (table[i] & NESTED_PRESENT)
				nested_free(nested_table(table[i]), level - 1);
	}
	free_page((unsigned long)table);
}

/* Removes the guest's mappings of host [start, end) in every window. Called with vm->lock held. */
static bool unmap_host_range(struct dune_vm *vm, u64 start, u64 end)
{
	bool cleared = false;
	u32 i;

	for (i = 0; i < vm->window_count; i++) {
		const struct dune_window *w = &vm->windows[i];
		u64 from = max(start, w->host_va), to = min(end, w->host_va + w->size);

		if (from < to)
			cleared |= nested_unmap(vm->nested_root, w->gpa + (from - w->host_va), w->gpa + (to - w->host_va));
	}
	return cleared;
}

static void kick(void *unused)
{
	/* The IPI itself did the work: an interrupt makes a running guest exit. */
}

/* After mappings were removed: vCPUs flush their tagged translations (ASID, EPT) before their next entry, running ones exit now. */
static void flush_guest_tlbs(struct dune_vm *vm)
{
	WRITE_ONCE(vm->tlb_generation, vm->tlb_generation + 1);
	/* Pairs with the barrier between marking a CPU running and reading tlb_generation. */
	smp_mb();
}

static void kick_running(struct dune_vm *vm)
{
	preempt_disable();
	smp_call_function_many(&vm->running, kick, NULL, true);
	preempt_enable();
}

void dune_vm_flush_tlbs(struct dune_vm *vm)
{
	spin_lock(&vm->lock);
	flush_guest_tlbs(vm);
	spin_unlock(&vm->lock);
	kick_running(vm);
}

static int invalidate_range_start(struct mmu_notifier *mn, const struct mmu_notifier_range *range)
{
	struct dune_vm *vm = container_of(mn, struct dune_vm, notifier);
	bool cleared;

	spin_lock(&vm->lock);
	vm->invalidations_active++;
	vm->invalidation_seq++;
	cleared = unmap_host_range(vm, range->start, range->end);
	if (cleared)
		flush_guest_tlbs(vm);
	spin_unlock(&vm->lock);
	if (cleared)
		kick_running(vm);
	return 0;
}

static void invalidate_range_end(struct mmu_notifier *mn, const struct mmu_notifier_range *range)
{
	struct dune_vm *vm = container_of(mn, struct dune_vm, notifier);

	spin_lock(&vm->lock);
	vm->invalidations_active--;
	spin_unlock(&vm->lock);
}

/* The address space is going away (the process exits): nothing may stay mapped. */
static void release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct dune_vm *vm = container_of(mn, struct dune_vm, notifier);

	spin_lock(&vm->lock);
	vm->mm_gone = true;
	nested_unmap(vm->nested_root, 0, 1ULL << 52);
	flush_guest_tlbs(vm);
	spin_unlock(&vm->lock);
	kick_running(vm);
}

static const struct mmu_notifier_ops notifier_ops = {
	.invalidate_range_start = invalidate_range_start,
	.invalidate_range_end = invalidate_range_end,
	.release = release,
};

int dune_vm_init(struct dune_vm *vm)
{
	int r;

	spin_lock_init(&vm->lock);
	mutex_init(&vm->add_lock);
	vm->nested_root = (u64 *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!vm->nested_root)
		return -ENOMEM;
	vm->mm = current->mm;
	mmgrab(vm->mm);
	vm->notifier.ops = &notifier_ops;
	r = mmu_notifier_register(&vm->notifier, vm->mm);
	if (r) {
		mmdrop(vm->mm);
		free_page((unsigned long)vm->nested_root);
	}
	return r;
}

void dune_vm_destroy(struct dune_vm *vm)
{
	mmu_notifier_unregister(&vm->notifier, vm->mm);
	mmdrop(vm->mm);
	nested_free(vm->nested_root, NESTED_LEVELS);
	kvfree(vm->windows);
}

static bool overlaps(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a < b + b_size && b < a + a_size;
}

static int check_window(const struct dune_window *w)
{
	if (!w->size || !PAGE_ALIGNED(w->host_va) || !PAGE_ALIGNED(w->gpa) || !PAGE_ALIGNED(w->size))
		return -EINVAL;
	if (w->host_va + w->size < w->host_va || w->host_va + w->size > TASK_SIZE_MAX)
		return -EINVAL;
	if (w->gpa + w->size < w->gpa || w->gpa + w->size > (1ULL << boot_cpu_data.x86_phys_bits))
		return -EINVAL;
	return 0;
}

static bool overlaps_any(const struct dune_window *w, const struct dune_window *list, u32 count)
{
	u32 i;

	for (i = 0; i < count; i++)
		if (overlaps(w->host_va, w->size, list[i].host_va, list[i].size) ||
		    overlaps(w->gpa, w->size, list[i].gpa, list[i].size))
			return true;
	return false;
}

int dune_vm_add_windows(struct dune_vm *vm, const struct dune_window *windows, u32 count)
{
	struct dune_window *grown = NULL, *old = NULL;
	u32 i, needed;
	int r = 0;

	for (i = 0; i < count; i++) {
		r = check_window(&windows[i]);
		if (r)
			return r;
		if (overlaps_any(&windows[i], windows, i))
			return -EEXIST;
	}
	/* Adders take the mutex, so window_count and window_capacity only change under it;
	 * the spinlock publishes to the fault path. */
	mutex_lock(&vm->add_lock);
	needed = vm->window_count + count;
	if (needed > vm->window_capacity) {
		grown = kvmalloc_array(needed * 2, sizeof(*grown), GFP_KERNEL_ACCOUNT);
		if (!grown) {
			r = -ENOMEM;
			goto out;
		}
		memcpy(grown, vm->windows, vm->window_count * sizeof(*grown));
	}
	for (i = 0; i < count; i++)
		if (overlaps_any(&windows[i], vm->windows, vm->window_count)) {
			r = -EEXIST;
			goto out;
		}
	spin_lock(&vm->lock);
	if (grown) {
		old = vm->windows;
		vm->windows = grown;
		vm->window_capacity = needed * 2;
		grown = NULL;
	}
	memcpy(&vm->windows[vm->window_count], windows, count * sizeof(*windows));
	vm->window_count = needed;
	spin_unlock(&vm->lock);
out:
	mutex_unlock(&vm->add_lock);
	kvfree(grown);
	kvfree(old);
	return r;
}

static int fill_spares(struct dune_vcpu *vcpu)
{
	int i;

	for (i = 0; i < DUNE_NESTED_SPARES; i++) {
		if (vcpu->spares[i])
			continue;
		vcpu->spares[i] = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
		if (!vcpu->spares[i])
			return -ENOMEM;
	}
	return 0;
}

void dune_vcpu_free_spares(struct dune_vcpu *vcpu)
{
	int i;

	for (i = 0; i < DUNE_NESTED_SPARES; i++)
		free_page((unsigned long)vcpu->spares[i]);
}

int dune_vm_handle_fault(struct dune_vcpu *vcpu, u64 gpa, bool write)
{
	struct dune_vm *vm = vcpu->vm;
	const struct dune_window *w;
	struct page *page;
	u64 hva, seq;
	long got;
	int r;

	r = fill_spares(vcpu);
	if (r)
		return r;
	spin_lock(&vm->lock);
	w = find_window(vm, gpa);
	hva = w ? w->host_va + (gpa - w->gpa) : 0;
	seq = vm->invalidation_seq;
	spin_unlock(&vm->lock);
	if (!w)
		return -EFAULT;

	got = get_user_pages_unlocked(hva & PAGE_MASK, 1, &page, write ? FOLL_WRITE : 0);
	if (got != 1)
		/* A signal may have interrupted the lookup: the run loop sees it next, the access faults again later. */
		return signal_pending(current) ? 0 : -EFAULT;

	spin_lock(&vm->lock);
	/* An invalidation since the lookup may have dropped this page: fault again instead. */
	if (!vm->invalidations_active && vm->invalidation_seq == seq && !vm->mm_gone)
		nested_map(vcpu, gpa & PAGE_MASK, page_to_pfn(page), write);
	spin_unlock(&vm->lock);
	put_page(page);
	return 0;
}
