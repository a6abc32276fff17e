// SPDX-License-Identifier: GPL-2.0
/*
 * dune.ko: /dev/dune. Opening it creates a guest bound to the caller's
 * address space; DUNE_CREATE_VCPU gives each thread its own vCPU fd, whose
 * mmap()ed struct dune_run carries the registers across DUNE_RUN. The ABI is
 * in include/dune.h and kmod/README.md.
 */
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "dune_kmod.h"

const struct dune_vendor *dune_vendor;

/* Limits what one DUNE_ADD_WINDOWS copies in; callers add more with further calls. */
#define MAX_WINDOWS_PER_CALL 1024

static int vcpu_release(struct inode *inode, struct file *file)
{
	struct dune_vcpu *vcpu = file->private_data;

	dune_vendor->vcpu_free(vcpu);
	dune_vcpu_free_spares(vcpu);
	free_page((unsigned long)vcpu->run);
	put_task_struct(vcpu->task);
	fput(vcpu->vm_file);
	kfree(vcpu);
	return 0;
}

static long vcpu_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dune_vcpu *vcpu = file->private_data;
	void __user *argp = (void __user *)arg;
	struct dune_sregs sregs;

	/* A vCPU's state belongs to its thread (a forked child or another thread gets its own). */
	if (current != vcpu->task)
		return -EPERM;
	switch (cmd) {
	case DUNE_RUN:
		return dune_run(vcpu);
	case DUNE_SET_SREGS:
		if (copy_from_user(&sregs, argp, sizeof(sregs)))
			return -EFAULT;
		return dune_vendor->set_sregs(vcpu, &sregs);
	case DUNE_GET_SREGS: {
		int r = dune_vendor->get_sregs(vcpu, &sregs);

		if (r)
			return r;
		return copy_to_user(argp, &sregs, sizeof(sregs)) ? -EFAULT : 0;
	}
	default:
		return -ENOTTY;
	}
}

static int vcpu_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dune_vcpu *vcpu = file->private_data;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != DUNE_RUN_SIZE)
		return -EINVAL;
	return vm_insert_page(vma, vma->vm_start, virt_to_page(vcpu->run));
}

static const struct file_operations vcpu_fops = {
	.owner = THIS_MODULE,
	.release = vcpu_release,
	.unlocked_ioctl = vcpu_ioctl,
	.mmap = vcpu_mmap,
	.llseek = noop_llseek,
};

static int create_vcpu(struct file *vm_file)
{
	struct dune_vcpu *vcpu;
	int r;

	vcpu = kzalloc(sizeof(*vcpu), GFP_KERNEL_ACCOUNT);
	if (!vcpu)
		return -ENOMEM;
	vcpu->vm = vm_file->private_data;
	vcpu->run = (struct dune_run *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!vcpu->run) {
		r = -ENOMEM;
		goto free;
	}
	r = dune_vendor->vcpu_init(vcpu);
	if (r)
		goto free_run;
	vcpu->task = current;
	get_task_struct(current);
	vcpu->vm_file = get_file(vm_file);
	r = anon_inode_getfd("dune-vcpu", &vcpu_fops, vcpu, O_RDWR | O_CLOEXEC);
	if (r >= 0)
		return r;
	fput(vcpu->vm_file);
	put_task_struct(vcpu->task);
	dune_vendor->vcpu_free(vcpu);
free_run:
	free_page((unsigned long)vcpu->run);
free:
	kfree(vcpu);
	return r;
}

static int add_windows(struct dune_vm *vm, const void __user *argp)
{
	struct dune_windows arg;
	struct dune_window *windows;
	int r;

	if (copy_from_user(&arg, argp, sizeof(arg)))
		return -EFAULT;
	if (arg.reserved || !arg.count || arg.count > MAX_WINDOWS_PER_CALL)
		return -EINVAL;
	windows = memdup_user(u64_to_user_ptr(arg.windows), arg.count * sizeof(*windows));
	if (IS_ERR(windows))
		return PTR_ERR(windows);
	r = dune_vm_add_windows(vm, windows, arg.count);
	kfree(windows);
	return r;
}

static long vm_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dune_vm *vm = file->private_data;

	if (cmd == DUNE_GET_ABI_VERSION)
		return DUNE_ABI_VERSION;
	/* The guest mirrors the opener's address space; a forked child has another one. */
	if (current->mm != vm->mm)
		return -EPERM;
	switch (cmd) {
	case DUNE_ADD_WINDOWS:
		return add_windows(vm, (const void __user *)arg);
	case DUNE_CREATE_VCPU:
		return create_vcpu(file);
	case DUNE_FLUSH_TLB:
		dune_vm_flush_tlbs(vm);
		return 0;
	default:
		return -ENOTTY;
	}
}

static int vm_open(struct inode *inode, struct file *file)
{
	struct dune_vm *vm;
	int r;

	if (!current->mm)
		return -EINVAL;
	vm = kzalloc(sizeof(*vm), GFP_KERNEL_ACCOUNT);
	if (!vm)
		return -ENOMEM;
	r = dune_vm_init(vm);
	if (r) {
		kfree(vm);
		return r;
	}
	file->private_data = vm;
	return 0;
}

static int vm_release(struct inode *inode, struct file *file)
{
	struct dune_vm *vm = file->private_data;

	dune_vm_destroy(vm);
	kfree(vm);
	return 0;
}

static const struct file_operations vm_fops = {
	.owner = THIS_MODULE,
	.open = vm_open,
	.release = vm_release,
	.unlocked_ioctl = vm_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice dune_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "dune",
	.fops = &vm_fops,
	/* Like /dev/kvm: a udev rule (kmod/README.md) opens it to a group. */
	.mode = 0600,
};

static int __init dune_init(void)
{
	int r;

	if (boot_cpu_has(X86_FEATURE_SVM)) {
		dune_vendor = &dune_svm;
	} else if (boot_cpu_has(X86_FEATURE_VMX)) {
		dune_vendor = &dune_vmx;
	} else {
		pr_err("dune: the CPU has neither AMD-V (SVM) nor Intel VT-x (VMX), or the firmware disabled it\n");
		return -ENODEV;
	}
	r = dune_vendor->init();
	if (r)
		return r;
	r = misc_register(&dune_device);
	if (r)
		dune_vendor->exit();
	else
		pr_info("dune: /dev/dune ready (%s)\n", dune_vendor->name);
	return r;
}

static void __exit dune_exit(void)
{
	misc_deregister(&dune_device);
	dune_vendor->exit();
}

module_init(dune_init);
module_exit(dune_exit);
MODULE_DESCRIPTION("Dune: processes in hardware-virtualized ring 0 (/dev/dune)");
MODULE_LICENSE("GPL");
