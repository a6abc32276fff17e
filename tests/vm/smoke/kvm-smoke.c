/*
 * kvm-smoke: proves that /dev/kvm in the test VM runs 64-bit guest code with
 * SSE, the things the development machines' PVM /dev/kvm gets wrong.
 *
 * Creates a VM with one vCPU, gives it the CPUID KVM supports, puts it
 * straight into long mode (identity-mapped page tables, a GDT, CR0/CR4 with
 * OSFXSR, EFER.LME/LMA) and runs guest code that computes with addps/mulps,
 * sends the result to an I/O port and halts. The host checks the value.
 *
 * Build: gcc -static -O2 -o kvm-smoke kvm-smoke.c
 * Prints "kvm-smoke: ok" and exits 0 on success, else an error and exits 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

/* Guest physical layout, all inside one 2 MiB memory slot at 0. */
#define MEM_SIZE 0x200000
#define GDT_ADDR 0x1000
#define PML4_ADDR 0x2000
#define PDPT_ADDR 0x3000
#define PD_ADDR 0x4000
#define CODE_ADDR 0x10000
#define STACK_TOP 0x100000

#define RESULT_PORT 0xe9
/* ({1.25, 2.5, 3.75, 5} + {10, 20, 30, 40}) * 4, truncated and summed. */
#define EXPECTED 450

/*
 * The guest code, assembled by gcc as 64-bit code and copied into guest
 * memory; its data is addressed RIP-relative, so it runs at any address.
 */
extern const uint8_t guest_code[], guest_code_end[];
__asm__(".pushsection .rodata\n"
	".balign 16\n"
	"guest_code:\n"
	"  movups a(%rip), %xmm0\n"
	"  movups b(%rip), %xmm1\n"
	"  addps %xmm1, %xmm0\n"
	"  mulps four(%rip), %xmm0\n"
	"  cvttps2dq %xmm0, %xmm0\n"       /* {45, 90, 135, 180} */
	"  pshufd $0x4e, %xmm0, %xmm1\n"   /* swap 64-bit halves */
	"  paddd %xmm1, %xmm0\n"
	"  pshufd $0xb1, %xmm0, %xmm1\n"   /* swap 32-bit neighbours */
	"  paddd %xmm1, %xmm0\n"
	"  movd %xmm0, %eax\n"
	"  outl %eax, $0xe9\n"
	"  hlt\n"
	".balign 16\n"
	"a: .float 1.25, 2.5, 3.75, 5.0\n"
	"b: .float 10.0, 20.0, 30.0, 40.0\n"
	"four: .float 4.0, 4.0, 4.0, 4.0\n"
	"guest_code_end:\n"
	".popsection\n");

__attribute__((noreturn, format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;
	int err = errno;

	fprintf(stderr, "kvm-smoke: FAILED: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (err)
		fprintf(stderr, " (%s)", strerror(err));
	fprintf(stderr, "\n");
	exit(1);
}

/* ioctl that must succeed; returns its non-negative result. */
static int must_ioctl(int fd, unsigned long request, void *arg, const char *what)
{
	int r;

	errno = 0;
	r = ioctl(fd, request, arg);
	if (r < 0)
		fail("%s", what);
	return r;
}

static void set_segment(struct kvm_segment *s, uint16_t selector, uint8_t type, int code)
{
	memset(s, 0, sizeof(*s));
	s->selector = selector;
	s->base = 0;
	s->limit = 0xffffffff;
	s->type = type;
	s->present = 1;
	s->s = 1;
	s->g = 1;
	s->l = code;  /* 64-bit code segment */
	s->db = !code; /* a long-mode code segment must have D=0 */
}

/* Long mode needs paging: identity-map the first 2 MiB with one large page. */
static void setup_memory(uint8_t *mem)
{
	uint64_t *pml4 = (uint64_t *)(mem + PML4_ADDR);
	uint64_t *pdpt = (uint64_t *)(mem + PDPT_ADDR);
	uint64_t *pd = (uint64_t *)(mem + PD_ADDR);
	uint64_t *gdt = (uint64_t *)(mem + GDT_ADDR);
	const uint64_t present_rw = 0x3, large = 0x80;

	pml4[0] = PDPT_ADDR | present_rw;
	pdpt[0] = PD_ADDR | present_rw;
	pd[0] = 0 | present_rw | large;

	/*
	 * The descriptors the segment registers below are loaded from: KVM takes
	 * the hidden parts from kvm_segment, the GDT keeps them consistent for
	 * any reload by the guest.
	 */
	gdt[0] = 0;
	gdt[1] = 0x00af9b000000ffffull; /* 0x08: code, present, DPL 0, L=1, G=1 */
	gdt[2] = 0x00cf93000000ffffull; /* 0x10: data, present, writable, D=1, G=1 */

	memcpy(mem + CODE_ADDR, guest_code, guest_code_end - guest_code);
}

/*
 * The guest's CPUID must come before its long-mode state: KVM_SET_SREGS checks
 * EFER against the guest's CPUID (EFER.LME/LMA need its long-mode bit; Linux
 * 6.12.113+ and later kernels, "KVM: x86: Check EFER validity on
 * KVM_SET_SREGS*"), and a new vCPU has none. KVM's supported list, as a VMM
 * would start from.
 */
static void setup_cpuid(int kvm, int vcpu)
{
	enum { MAX_ENTRIES = 256 };
	struct kvm_cpuid2 *cpuid = calloc(1, sizeof(*cpuid) + MAX_ENTRIES * sizeof(cpuid->entries[0]));

	if (!cpuid)
		fail("calloc");
	cpuid->nent = MAX_ENTRIES;
	must_ioctl(kvm, KVM_GET_SUPPORTED_CPUID, cpuid, "KVM_GET_SUPPORTED_CPUID");
	must_ioctl(vcpu, KVM_SET_CPUID2, cpuid, "KVM_SET_CPUID2");
	free(cpuid);
}

static void setup_vcpu(int kvm, int vcpu)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	setup_cpuid(kvm, vcpu);
	must_ioctl(vcpu, KVM_GET_SREGS, &sregs, "KVM_GET_SREGS");
	sregs.gdt.base = GDT_ADDR;
	sregs.gdt.limit = 3 * 8 - 1;
	set_segment(&sregs.cs, 0x08, 0xb, 1); /* execute/read, accessed */
	set_segment(&sregs.ds, 0x10, 0x3, 0); /* read/write, accessed */
	sregs.es = sregs.fs = sregs.gs = sregs.ss = sregs.ds;
	sregs.cr3 = PML4_ADDR;
	sregs.cr4 = (1 << 5)     /* PAE */
		  | (1 << 9)     /* OSFXSR: SSE instructions allowed */
		  | (1 << 10);   /* OSXMMEXCPT: SIMD exceptions as #XM */
	sregs.cr0 = (1u << 0)    /* PE */
		  | (1u << 1)    /* MP */
		  | (1u << 4)    /* ET */
		  | (1u << 5)    /* NE */
		  | (1u << 16)   /* WP */
		  | (1u << 31);  /* PG */
	sregs.efer = (1 << 8)    /* LME */
		   | (1 << 10);  /* LMA */
	must_ioctl(vcpu, KVM_SET_SREGS, &sregs, "KVM_SET_SREGS");

	memset(&regs, 0, sizeof(regs));
	regs.rip = CODE_ADDR;
	regs.rsp = STACK_TOP;
	regs.rflags = 0x2; /* bit 1 is reserved and must be set */
	must_ioctl(vcpu, KVM_SET_REGS, &regs, "KVM_SET_REGS");
}

int main(void)
{
	struct kvm_userspace_memory_region region;
	struct kvm_run *run;
	uint32_t result = 0;
	int kvm, vm, vcpu, run_size, got_result = 0;
	uint8_t *mem;

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		fail("open /dev/kvm");
	if (must_ioctl(kvm, KVM_GET_API_VERSION, NULL, "KVM_GET_API_VERSION") != KVM_API_VERSION)
		fail("unexpected KVM API version");
	vm = must_ioctl(kvm, KVM_CREATE_VM, NULL, "KVM_CREATE_VM");

	mem = mmap(NULL, MEM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		fail("mmap guest memory");
	setup_memory(mem);
	region = (struct kvm_userspace_memory_region){
		.slot = 0,
		.guest_phys_addr = 0,
		.memory_size = MEM_SIZE,
		.userspace_addr = (uintptr_t)mem,
	};
	must_ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region, "KVM_SET_USER_MEMORY_REGION");

	vcpu = must_ioctl(vm, KVM_CREATE_VCPU, 0, "KVM_CREATE_VCPU");
	run_size = must_ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, NULL, "KVM_GET_VCPU_MMAP_SIZE");
	run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		fail("mmap kvm_run");
	setup_vcpu(kvm, vcpu);

	for (;;) {
		must_ioctl(vcpu, KVM_RUN, NULL, "KVM_RUN");
		errno = 0;
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			if (run->io.direction != KVM_EXIT_IO_OUT || run->io.port != RESULT_PORT ||
			    run->io.size != 4 || run->io.count != 1)
				fail("unexpected I/O exit: port 0x%x size %d", run->io.port, run->io.size);
			memcpy(&result, (uint8_t *)run + run->io.data_offset, 4);
			got_result = 1;
			break;
		case KVM_EXIT_HLT:
			if (!got_result)
				fail("guest halted without sending a result");
			if (result != EXPECTED)
				fail("guest computed %u, expected %u", result, EXPECTED);
			printf("kvm-smoke: ok (long-mode guest computed %u with SSE)\n", result);
			return 0;
		case KVM_EXIT_FAIL_ENTRY:
			fail("VM entry failed, hardware reason 0x%llx",
			     (unsigned long long)run->fail_entry.hardware_entry_failure_reason);
		case KVM_EXIT_INTERNAL_ERROR:
			fail("KVM internal error, suberror %u", run->internal.suberror);
		case KVM_EXIT_SHUTDOWN:
			fail("guest triple-faulted (KVM_EXIT_SHUTDOWN)");
		default:
			fail("unexpected exit reason %u", run->exit_reason);
		}
	}
}
