#include <linux/module.h>
#define INCLUDE_VERMAGIC
#include <linux/build-salt.h>
#include <linux/elfnote-lto.h>
#include <linux/export-internal.h>
#include <linux/vermagic.h>
#include <linux/compiler.h>

BUILD_SALT;
BUILD_LTO_INFO;

MODULE_INFO(vermagic, VERMAGIC_STRING);
MODULE_INFO(name, KBUILD_MODNAME);

__visible struct module __this_module
__section(".gnu.linkonce.this_module") = {
	.name = KBUILD_MODNAME,
	.init = init_module,
#ifdef CONFIG_MODULE_UNLOAD
	.exit = cleanup_module,
#endif
	.arch = MODULE_ARCH_INIT,
};

#ifdef CONFIG_RETPOLINE
MODULE_INFO(retpoline, "Y");
#endif


static const struct modversion_info ____versions[]
__used __section("__versions") = {
	{ 0x196614ce, "hw_breakpoint_restore" },
	{ 0x587f22d7, "devmap_managed_key" },
	{ 0x47978cc, "misc_deregister" },
	{ 0x6988d0ca, "cpu_dr7" },
	{ 0x13c49cc2, "_copy_from_user" },
	{ 0x63f835ba, "on_each_cpu_cond_mask" },
	{ 0x9291cd3b, "memdup_user" },
	{ 0x48d88a2c, "__SCT__preempt_schedule" },
	{ 0x53569707, "this_cpu_off" },
	{ 0x86fd1fa5, "__put_task_struct" },
	{ 0xcd81a945, "switch_fpu_return" },
	{ 0x69acdf38, "memcpy" },
	{ 0x37a0cba, "kfree" },
	{ 0x7de31af2, "__put_devmap_managed_page_refs" },
	{ 0x4302d0eb, "free_pages" },
	{ 0xb19a5453, "__per_cpu_offset" },
	{ 0xba8fbd64, "_raw_spin_lock" },
	{ 0xbdfb6dbb, "__fentry__" },
	{ 0x92997ed8, "_printk" },
	{ 0x8c7394d7, "anon_inode_getfd" },
	{ 0xa19b956, "__stack_chk_fail" },
	{ 0x296695f, "refcount_warn_saturate" },
	{ 0x6a5cb5ee, "__get_free_pages" },
	{ 0x7cd8d75e, "page_offset_base" },
	{ 0x599fb41c, "kvmalloc_node" },
	{ 0xbcb36fe4, "hugetlb_optimize_vmemmap_key" },
	{ 0x70a30df6, "vm_insert_page" },
	{ 0xa1194a8a, "fput" },
	{ 0x505f95b0, "noop_llseek" },
	{ 0x4dfa8d4b, "mutex_lock" },
	{ 0x4c9d28b0, "phys_base" },
	{ 0x17ef99cc, "mmu_notifier_unregister" },
	{ 0x53a1e8d9, "_find_next_bit" },
	{ 0x5a5a2271, "__cpu_online_mask" },
	{ 0xcefb0c9f, "__mutex_init" },
	{ 0x68fb37ae, "current_task" },
	{ 0x9e683f75, "__cpu_possible_mask" },
	{ 0xfb578fc5, "memset" },
	{ 0x844c8938, "misc_register" },
	{ 0x5b8239ca, "__x86_return_thunk" },
	{ 0x17de3d5, "nr_cpu_ids" },
	{ 0x6b10bee1, "_copy_to_user" },
	{ 0x5690cb1e, "__mmdrop" },
	{ 0xbb13595e, "smp_call_function_many" },
	{ 0x22adf505, "pv_ops" },
	{ 0x97651e6c, "vmemmap_base" },
	{ 0x7a2af7b4, "cpu_number" },
	{ 0x4629334c, "__preempt_count" },
	{ 0x3213f038, "mutex_unlock" },
	{ 0x3db2ef5b, "get_user_pages_unlocked" },
	{ 0xd184be77, "__folio_put" },
	{ 0x35478130, "mmu_notifier_register" },
	{ 0xc07351b3, "__SCT__cond_resched" },
	{ 0x78d27962, "boot_cpu_data" },
	{ 0x606e9d01, "kmalloc_trace" },
	{ 0x7aa1756e, "kvfree" },
	{ 0xb5b54b34, "_raw_spin_unlock" },
	{ 0xf09b5d9a, "get_zeroed_page" },
	{ 0x7a7caba8, "kmalloc_caches" },
	{ 0x9060323f, "module_layout" },
};

MODULE_INFO(depends, "");

