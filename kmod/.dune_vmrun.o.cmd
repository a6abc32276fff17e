cmd_/work/wt/kmod/kmod/dune_vmrun.o :=  gcc-12 -Wp,-MMD,/work/wt/kmod/kmod/.dune_vmrun.o.d -nostdinc -I/tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include -I./arch/x86/include/generated -I/tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include -I./include -I/tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/uapi -I./arch/x86/include/generated/uapi -I/tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi -I./include/generated/uapi -include /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/compiler-version.h -include /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/kconfig.h -D__KERNEL__ -fmacro-prefix-map=/tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/= -D__ASSEMBLY__ -fno-PIE -m64 -DCC_USING_FENTRY -g -I/work/wt/kmod/kmod  -DMODULE  -c -o /work/wt/kmod/kmod/dune_vmrun.o /work/wt/kmod/kmod/dune_vmrun.S  ; ./tools/objtool/objtool --hacks=jump_label --hacks=noinstr --orc --retpoline --rethunk --sls --static-call --uaccess   --module /work/wt/kmod/kmod/dune_vmrun.o

source_/work/wt/kmod/kmod/dune_vmrun.o := /work/wt/kmod/kmod/dune_vmrun.S

deps_/work/wt/kmod/kmod/dune_vmrun.o := \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/compiler-version.h \
    $(wildcard include/config/CC_VERSION_TEXT) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/kconfig.h \
    $(wildcard include/config/CPU_BIG_ENDIAN) \
    $(wildcard include/config/BOOGER) \
    $(wildcard include/config/FOO) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/linkage.h \
    $(wildcard include/config/ARCH_USE_SYM_ANNOTATIONS) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/compiler_types.h \
    $(wildcard include/config/DEBUG_INFO_BTF) \
    $(wildcard include/config/PAHOLE_HAS_BTF_TAG) \
    $(wildcard include/config/HAVE_ARCH_COMPILER_H) \
    $(wildcard include/config/CC_HAS_ASM_INLINE) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/stringify.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/export.h \
    $(wildcard include/config/MODVERSIONS) \
    $(wildcard include/config/HAVE_ARCH_PREL32_RELOCATIONS) \
    $(wildcard include/config/MODULES) \
    $(wildcard include/config/TRIM_UNUSED_KSYMS) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/linkage.h \
    $(wildcard include/config/64BIT) \
    $(wildcard include/config/X86_32) \
    $(wildcard include/config/X86_64) \
    $(wildcard include/config/X86_ALIGNMENT_16) \
    $(wildcard include/config/RETHUNK) \
    $(wildcard include/config/RETPOLINE) \
    $(wildcard include/config/SLS) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/ibt.h \
    $(wildcard include/config/X86_KERNEL_IBT) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/types.h \
    $(wildcard include/config/HAVE_UID16) \
    $(wildcard include/config/UID16) \
    $(wildcard include/config/ARCH_DMA_ADDR_T_64BIT) \
    $(wildcard include/config/PHYS_ADDR_T_64BIT) \
    $(wildcard include/config/ARCH_32BIT_USTAT_F_TINODE) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi/linux/types.h \
  arch/x86/include/generated/uapi/asm/types.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi/asm-generic/types.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/asm-generic/int-ll64.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi/asm-generic/int-ll64.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/uapi/asm/bitsperlong.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/asm-generic/bitsperlong.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi/asm-generic/bitsperlong.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/asm.h \
    $(wildcard include/config/KPROBES) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/extable_fixup_types.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/nospec-branch.h \
    $(wildcard include/config/CPU_UNRET_ENTRY) \
    $(wildcard include/config/CPU_SRSO) \
    $(wildcard include/config/CPU_IBPB_ENTRY) \
    $(wildcard include/config/MITIGATION_ITS) \
    $(wildcard include/config/BPF_JIT) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/static_key.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/jump_label.h \
    $(wildcard include/config/JUMP_LABEL) \
    $(wildcard include/config/HAVE_ARCH_JUMP_LABEL_RELATIVE) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/jump_label.h \
    $(wildcard include/config/HAVE_JUMP_LABEL_HACK) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/nops.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/objtool.h \
    $(wildcard include/config/OBJTOOL) \
    $(wildcard include/config/FRAME_POINTER) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/alternative.h \
    $(wildcard include/config/SMP) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/bug.h \
    $(wildcard include/config/GENERIC_BUG) \
    $(wildcard include/config/DEBUG_BUGVERBOSE) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/instrumentation.h \
    $(wildcard include/config/NOINSTR_VALIDATION) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/asm-generic/bug.h \
    $(wildcard include/config/BUG) \
    $(wildcard include/config/GENERIC_BUG_RELATIVE_POINTERS) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/compiler.h \
    $(wildcard include/config/TRACE_BRANCH_PROFILING) \
    $(wildcard include/config/PROFILE_ALL_BRANCHES) \
  arch/x86/include/generated/asm/rwonce.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/asm-generic/rwonce.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/once_lite.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/cpufeatures.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/required-features.h \
    $(wildcard include/config/X86_MINIMUM_CPU_FAMILY) \
    $(wildcard include/config/MATH_EMULATION) \
    $(wildcard include/config/X86_PAE) \
    $(wildcard include/config/X86_CMPXCHG64) \
    $(wildcard include/config/X86_CMOV) \
    $(wildcard include/config/X86_P6_NOP) \
    $(wildcard include/config/MATOM) \
    $(wildcard include/config/PARAVIRT_XXL) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/disabled-features.h \
    $(wildcard include/config/X86_UMIP) \
    $(wildcard include/config/X86_INTEL_MEMORY_PROTECTION_KEYS) \
    $(wildcard include/config/X86_5LEVEL) \
    $(wildcard include/config/PAGE_TABLE_ISOLATION) \
    $(wildcard include/config/INTEL_IOMMU_SVM) \
    $(wildcard include/config/X86_SGX) \
    $(wildcard include/config/INTEL_TDX_GUEST) \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/msr-index.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/bits.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/linux/const.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/vdso/const.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/uapi/linux/const.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/include/vdso/bits.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/unwind_hints.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/orc_types.h \
  /tmp/kh/root/usr/src/linux-headers-6.1.0-56-common/arch/x86/include/asm/percpu.h \
    $(wildcard include/config/X86_64_SMP) \

/work/wt/kmod/kmod/dune_vmrun.o: $(deps_/work/wt/kmod/kmod/dune_vmrun.o)

$(deps_/work/wt/kmod/kmod/dune_vmrun.o):

/work/wt/kmod/kmod/dune_vmrun.o: $(wildcard ./tools/objtool/objtool)
