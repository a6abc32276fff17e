/*
 * kmod-test: dune.ko (/dev/dune) in the test VM, one behaviour per argument.
 *
 *   guest      a 64-bit ring-0 guest: hypercalls (getpid, write), nested page
 *              faults on fresh memory shared with the host, coherence after
 *              the host remaps it, faults on memory the process cannot
 *              access, the FPU shared with the thread, per-thread vCPUs
 *   signal     a guest busy loop ends with DUNE_EXIT_SIGNAL when SIGALRM is
 *              pending; a child in a guest busy loop dies of SIGKILL
 *   threads    4 threads, each with its own vCPU, fault and hypercall while
 *              the main thread remaps their memory (MMU-notifier shootdowns)
 *   coexist    a KVM guest runs in a child process while this one runs
 *              Dune guests on the same CPU
 *   leaks      100 sequential and 20 parallel processes each with a guest,
 *              faults and hypercalls, and 20 killed with SIGKILL mid-guest-loop
 *              or mid-hypercall: the kernel must hold no more pages after
 *   cycles     unloading is refused while /dev/dune is open; then 10
 *              unload/load cycles (/kmod/dune.ko); the module ends loaded
 *   fuzz       random ioctls, sizes, pointers and guest states from 4
 *              threads; every call must return (the VM panics on an oops)
 *   bench      instructions per hypercall round trip (run with --icount:
 *              rdtsc then counts instructions)
 *
 * Build: gcc -static -O2 -Wall -o kmod-test kmod-test.c
 * Prints "kmod-test MODE: ok ..." and exits 0, or names the failure and exits 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../../kmod/include/dune.h"

static const char *mode = "?";

__attribute__((noreturn, format(printf, 1, 2))) static void fail(const char *fmt, ...)
{
	va_list ap;
	int err = errno;

	fprintf(stderr, "kmod-test %s: FAILED: ", mode);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (err)
		fprintf(stderr, " (%s)", strerror(err));
	fprintf(stderr, "\n");
	exit(1);
}

#define CHECK(cond, ...)                   \
	do {                               \
		if (!(cond)) {             \
			errno = 0;         \
			fail(__VA_ARGS__); \
		}                          \
	} while (0)

/*
 * Guest routines, position-independent, copied into guest memory. Guest
 * virtual addresses equal host virtual ones (as in libdune), so pointers
 * given to hypercalls are the process's own. The hypercall is AMD's VMMCALL;
 * on Intel CPUs make_guest turns each into VMCALL (same length).
 */
extern const uint8_t guest_code[], guest_code_end[], g_hypercall[], g_store_load[], g_load[], g_spin[],
	g_sse[], g_getpid_loop[], g_exit_loop[];
__asm__(".pushsection .rodata\n"
	".balign 16\n"
	"guest_code:\n"
	/* A hypercall with the registers the host set; the result stays in rbx. */
	"g_hypercall: vmmcall; mov %rax, %rbx; hlt\n"
	/* *rdi = rsi, then read it back into rax. */
	"g_store_load: mov %rsi, (%rdi); mov (%rdi), %rax; hlt\n"
	"g_load: mov (%rdi), %rax; hlt\n"
	"g_spin: jmp g_spin\n"
	/* xmm0 = xmm0 + xmm0 with the thread's own registers. */
	"g_sse: addps %xmm0, %xmm0; hlt\n"
	/* getpid forever: the host answers each hypercall and runs again. */
	"g_getpid_loop: mov $39, %eax; vmmcall; jmp g_getpid_loop\n"
	/* The bare exit: nothing to do on the host. */
	"g_exit_loop: vmmcall; jmp g_exit_loop\n"
	"guest_code_end:\n"
	".popsection\n");

/* Host layout, 16 MiB aligned so one page directory maps it; guest-physical windows in brackets. */
#define MEM_SIZE (4UL << 20) /* page tables, GDT, code, stack   [GPA 2 MiB] */
#define FRESH_OFF MEM_SIZE /* untouched anonymous memory       [GPA 6 MiB] */
#define NONE_OFF (6UL << 20) /* PROT_NONE                        [GPA 8 MiB] */
#define NOWINDOW_OFF (8UL << 20) /* in the guest's page tables, no window [GPA 10 MiB] */
#define AREA_SIZE (16UL << 20)
#define MEM_GPA (2UL << 20)
#define FRESH_GPA (6UL << 20)
#define NONE_GPA (8UL << 20)
#define NOWINDOW_GPA (10UL << 20)
#define BIG (2UL << 20)
/* Inside mem: */
#define PML4_OFF 0x0000
#define PDPT_OFF 0x1000
#define PD_OFF 0x2000
#define GDT_OFF 0x3000
#define CODE_OFF 0x4000
#define MSG_OFF 0x8000

struct guest {
	int dune;
	uint8_t *area;
	struct vcpu *first;
};

struct vcpu {
	struct guest *g;
	int fd;
	struct dune_run *run;
};

static uint64_t routine(struct guest *g, const uint8_t *label)
{
	return (uint64_t)(g->area + CODE_OFF + (label - guest_code));
}

static uint64_t ident(uint64_t va, int level)
{
	return (va >> (12 + 9 * (level - 1))) & 511;
}

/* VT-x (VMCALL) rather than AMD-V (VMMCALL): the CPU vendor string says. */
static int intel_cpu(void)
{
	uint32_t a = 0, b, c, d;

	__asm__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return b == 0x756e6547 && d == 0x49656e69 && c == 0x6c65746e; /* "GenuineIntel" */
}

/* Builds the guest: memory, windows, page tables mapping guest VA = host VA, a GDT. */
static void make_guest(struct guest *g)
{
	uint8_t *raw, *a;
	uint64_t *pml4, *pdpt, *pd, *gdt, va;
	struct dune_window w[3];
	struct dune_windows ws;
	int i;

	g->dune = open("/dev/dune", O_RDWR | O_CLOEXEC);
	if (g->dune < 0)
		fail("open /dev/dune");
	CHECK(ioctl(g->dune, DUNE_GET_ABI_VERSION) == DUNE_ABI_VERSION, "ABI version %d, want %d",
	      ioctl(g->dune, DUNE_GET_ABI_VERSION), DUNE_ABI_VERSION);

	raw = mmap(NULL, 2 * AREA_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (raw == MAP_FAILED)
		fail("mmap");
	a = (uint8_t *)(((uint64_t)raw + AREA_SIZE - 1) & ~(AREA_SIZE - 1));
	g->area = a;
	if (mprotect(a, NONE_OFF, PROT_READ | PROT_WRITE))
		fail("mprotect");

	w[0] = (struct dune_window){ (uint64_t)a, MEM_GPA, MEM_SIZE };
	w[1] = (struct dune_window){ (uint64_t)a + FRESH_OFF, FRESH_GPA, BIG };
	w[2] = (struct dune_window){ (uint64_t)a + NONE_OFF, NONE_GPA, BIG };
	ws = (struct dune_windows){ (uint64_t)w, 3, 0 };
	if (ioctl(g->dune, DUNE_ADD_WINDOWS, &ws))
		fail("DUNE_ADD_WINDOWS");

	/* 2 MiB guest pages: VA a + k*2M -> its window's GPA. */
	pml4 = (uint64_t *)(a + PML4_OFF);
	pdpt = (uint64_t *)(a + PDPT_OFF);
	pd = (uint64_t *)(a + PD_OFF);
	va = (uint64_t)a;
	pml4[ident(va, 4)] = (MEM_GPA + PDPT_OFF) | 3;
	pdpt[ident(va, 3)] = (MEM_GPA + PD_OFF) | 3;
	for (i = 0; i < 2; i++)
		pd[ident(va, 2) + i] = (MEM_GPA + i * BIG) | 0x83;
	pd[ident(va + FRESH_OFF, 2)] = FRESH_GPA | 0x83;
	pd[ident(va + NONE_OFF, 2)] = NONE_GPA | 0x83;
	pd[ident(va + NOWINDOW_OFF, 2)] = NOWINDOW_GPA | 0x83;

	gdt = (uint64_t *)(a + GDT_OFF);
	gdt[1] = 0x00209a0000000000ULL; /* 64-bit code */
	gdt[2] = 0x0000920000000000ULL; /* data */
	memcpy(a + CODE_OFF, guest_code, guest_code_end - guest_code);
	if (intel_cpu())
		for (uint8_t *p = a + CODE_OFF; p + 3 <= a + CODE_OFF + (guest_code_end - guest_code); p++)
			if (p[0] == 0x0f && p[1] == 0x01 && p[2] == 0xd9)
				p[2] = 0xc1;
	strcpy((char *)a + MSG_OFF, "hello from the guest\n");
}

/* Long mode, ring 0, the guest's page tables and GDT in the area at `area`. */
static struct dune_sregs long_mode_sregs(uint64_t area)
{
	struct dune_segment code = { 8, 0x29b, 0xffffffff, 0 }, data = { 16, 0xc93, 0xffffffff, 0 };
	struct dune_sregs s = {
		.cr0 = 0x80010033, /* PG WP NE ET MP PE */
		.cr3 = MEM_GPA + PML4_OFF,
		.cr4 = 0x620, /* PAE OSFXSR OSXMMEXCPT */
		.efer = 0x500, /* LME LMA */
		.pat = 0x0007040600070406ULL,
		.cs = code,
		.ds = data,
		.es = data,
		.fs = data,
		.gs = data,
		.ss = data,
		.tr = { 0, 0x8b, 0x67, 0 },
		.ldtr = { 0, 0x82, 0xffff, 0 },
		.gdt = { area + GDT_OFF, 23, { 0 } },
		.idt = { 0, 0, { 0 } },
	};
	return s;
}

static struct vcpu *make_vcpu(struct guest *g)
{
	struct vcpu *v = calloc(1, sizeof(*v));
	struct dune_sregs s = long_mode_sregs((uint64_t)g->area);

	v->g = g;
	v->fd = ioctl(g->dune, DUNE_CREATE_VCPU);
	if (v->fd < 0)
		fail("DUNE_CREATE_VCPU");
	v->run = mmap(NULL, DUNE_RUN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, v->fd, 0);
	if (v->run == MAP_FAILED)
		fail("mmap vcpu");
	if (ioctl(v->fd, DUNE_SET_SREGS, &s))
		fail("DUNE_SET_SREGS");
	v->run->regs.rflags = 2;
	v->run->regs.rsp = (uint64_t)g->area + MEM_SIZE - 64;
	return v;
}

static volatile sig_atomic_t alarms;
static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/*
 * One DUNE_RUN, as the C# backend's loop does it: DUNE_EXIT_SIGNAL also means the kernel had other work for this
 * thread's way back to user space (TIF_NOTIFY_RESUME: rseq after a preemption, task work), done by returning; with
 * no signal of ours caught meanwhile, enter again.
 */
static uint32_t run(struct vcpu *v)
{
	sig_atomic_t before = alarms;

	for (;;) {
		if (ioctl(v->fd, DUNE_RUN))
			fail("DUNE_RUN");
		if (v->run->exit_reason != DUNE_EXIT_SIGNAL || alarms != before)
			return v->run->exit_reason;
	}
}

static uint32_t run_at(struct vcpu *v, const uint8_t *label)
{
	v->run->regs.rip = routine(v->g, label);
	return run(v);
}

static void expect_exit(struct vcpu *v, uint32_t got, uint32_t want, const char *what)
{
	CHECK(got == want, "%s: exit %u (info %#llx %#llx), want %u", what, got, (unsigned long long)v->run->info[0],
	      (unsigned long long)v->run->info[1], want);
}

/* Performs the guest's pending hypercall the way the host half does: a real syscall with its registers. */
static void serve_hypercall(struct vcpu *v)
{
	struct dune_regs *r = &v->run->regs;
	long ret = syscall(r->rax, r->rdi, r->rsi, r->rdx, r->r10, r->r8, r->r9);

	r->rax = ret == -1 ? (uint64_t)-errno : (uint64_t)ret;
}

/* The kernel log must show no warning: a WARN() does not panic the VM, so look for it. */
static void expect_clean_kernel_log(void)
{
	static char log[1 << 20];
	/* WARN() prints "WARNING: CPU: n PID: ..."; the boot's mitigation notices also start with "WARNING:". */
	static const char *bad[] = { "WARNING: CPU:", "BUG:", "dune: the ASID flush guest" };
	int n = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, log, sizeof(log) - 1);

	if (n < 0)
		fail("klogctl");
	log[n] = 0;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *at = strstr(log, bad[i]);

		CHECK(!at, "kernel log: %.200s", at);
	}
}

/* --- guest ------------------------------------------------------------------ */

static void hypercalls(struct vcpu *v)
{
	struct dune_regs *r = &v->run->regs;
	const char *msg = (const char *)v->g->area + MSG_OFF;

	r->rax = SYS_getpid;
	expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "getpid");
	CHECK(r->rip == routine(v->g, g_hypercall) + 3, "rip after vmmcall %#llx", (unsigned long long)r->rip);
	serve_hypercall(v);
	expect_exit(v, run(v), DUNE_EXIT_HLT, "after getpid");
	CHECK(r->rbx == (uint64_t)getpid(), "getpid gave %lld, want %d", (long long)r->rbx, getpid());

	r->rax = SYS_write;
	r->rdi = 1;
	r->rsi = (uint64_t)msg;
	r->rdx = strlen(msg);
	expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "write");
	serve_hypercall(v);
	expect_exit(v, run(v), DUNE_EXIT_HLT, "after write");
	CHECK(r->rbx == strlen(msg), "write returned %lld", (long long)r->rbx);

	/* Linux semantics: errors come back as -errno. */
	r->rax = SYS_close;
	r->rdi = 12345;
	expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "close");
	serve_hypercall(v);
	expect_exit(v, run(v), DUNE_EXIT_HLT, "after close");
	CHECK(r->rbx == (uint64_t)-EBADF, "close(12345) gave %lld", (long long)r->rbx);
}

static void nested_faults(struct vcpu *v)
{
	struct dune_regs *r = &v->run->regs;
	uint8_t *fresh = v->g->area + FRESH_OFF;
	uint64_t npf = v->run->nested_page_faults;

	/* Fresh memory: the fault maps the process's own page, so the host sees the guest's store. */
	r->rdi = (uint64_t)fresh + 0x1238;
	r->rsi = 0x1122334455667788ULL;
	expect_exit(v, run_at(v, g_store_load), DUNE_EXIT_HLT, "store to fresh memory");
	CHECK(r->rax == 0x1122334455667788ULL, "guest read back %#llx", (unsigned long long)r->rax);
	CHECK(*(uint64_t *)(fresh + 0x1238) == 0x1122334455667788ULL, "host sees %#llx",
	      (unsigned long long)*(uint64_t *)(fresh + 0x1238));
	CHECK(v->run->nested_page_faults > npf, "no nested page fault counted");

	/* The host replaces the page: the MMU notifier must drop the guest's stale mapping. */
	if (mmap(fresh, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
		fail("mmap fresh again");
	*(uint64_t *)(fresh + 0x1238) = 0xabcd;
	r->rdi = (uint64_t)fresh + 0x1238;
	expect_exit(v, run_at(v, g_load), DUNE_EXIT_HLT, "load after remap");
	CHECK(r->rax == 0xabcd, "guest read %#llx after the host remapped, want 0xabcd", (unsigned long long)r->rax);

	/* Read-only for the process: a guest store must not get through. */
	if (mprotect(fresh, BIG, PROT_READ))
		fail("mprotect");
	r->rdi = (uint64_t)fresh + 0x1238;
	r->rsi = 1;
	expect_exit(v, run_at(v, g_store_load), DUNE_EXIT_MEMORY_FAULT, "store to read-only memory");
	CHECK(v->run->info[0] == FRESH_GPA + 0x1238, "fault gpa %#llx", (unsigned long long)v->run->info[0]);
	CHECK(*(uint64_t *)(fresh + 0x1238) == 0xabcd, "read-only page changed");
	if (mprotect(fresh, BIG, PROT_READ | PROT_WRITE))
		fail("mprotect");

	/* PROT_NONE behind a window, and a guest-physical address with no window. */
	r->rdi = (uint64_t)v->g->area + NONE_OFF + 16;
	expect_exit(v, run_at(v, g_load), DUNE_EXIT_MEMORY_FAULT, "load from PROT_NONE");
	CHECK(v->run->info[0] == NONE_GPA + 16, "fault gpa %#llx", (unsigned long long)v->run->info[0]);
	r->rdi = (uint64_t)v->g->area + NOWINDOW_OFF + 32;
	expect_exit(v, run_at(v, g_load), DUNE_EXIT_MEMORY_FAULT, "load outside the windows");
	CHECK(v->run->info[0] == NOWINDOW_GPA + 32, "fault gpa %#llx", (unsigned long long)v->run->info[0]);
}

/* xmm0 is the thread's own: set before the ioctl, doubled by the guest, read after. */
static void shared_fpu(struct vcpu *v)
{
	float in[4] = { 1.5f, 2, 3, 4 }, out[4];
	long ret;

	v->run->regs.rip = routine(v->g, g_sse);
	__asm__ volatile("movups %[in], %%xmm0\n"
			 "syscall\n"
			 "movups %%xmm0, %[out]\n"
			 : "=a"(ret), [out] "=m"(out)
			 : "a"(SYS_ioctl), "D"(v->fd), "S"(DUNE_RUN), "d"(0), [in] "m"(in)
			 : "rcx", "r11", "xmm0", "memory");
	CHECK(ret == 0, "DUNE_RUN returned %ld", ret);
	expect_exit(v, v->run->exit_reason, DUNE_EXIT_HLT, "sse");
	CHECK(out[0] == 3 && out[1] == 4 && out[2] == 6 && out[3] == 8, "xmm0 = %g %g %g %g", out[0], out[1], out[2],
	      out[3]);
}

static void *other_thread_runs(void *arg)
{
	struct vcpu *v = arg;

	return (void *)(long)(ioctl(v->fd, DUNE_RUN) == -1 && errno == EPERM);
}

static void mode_guest(void)
{
	struct guest g;
	struct vcpu *v;
	struct dune_sregs s;
	pthread_t t;
	void *refused;
	pid_t child;
	int status;

	make_guest(&g);
	v = make_vcpu(&g);
	hypercalls(v);
	nested_faults(v);
	shared_fpu(v);

	if (ioctl(v->fd, DUNE_GET_SREGS, &s))
		fail("DUNE_GET_SREGS");
	CHECK(s.cr3 == MEM_GPA + PML4_OFF && s.efer == 0x500, "sregs read back cr3 %#llx efer %#llx",
	      (unsigned long long)s.cr3, (unsigned long long)s.efer);

	/* A vCPU belongs to its thread; a forked child has another address space. */
	pthread_create(&t, NULL, other_thread_runs, v);
	pthread_join(t, &refused);
	CHECK(refused, "another thread could run this vCPU");
	child = fork();
	if (child == 0)
		_exit(ioctl(g.dune, DUNE_CREATE_VCPU) == -1 && errno == EPERM ? 0 : 1);
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a forked child could use the parent's guest");

	printf("kmod-test guest: ok (%llu exits, %llu nested page faults)\n", (unsigned long long)v->run->exits,
	       (unsigned long long)v->run->nested_page_faults);
}

/* --- signal ----------------------------------------------------------------- */

static void mode_signal(void)
{
	struct guest g;
	struct vcpu *v;
	pid_t child;
	int status;
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };

	signal(SIGALRM, on_alarm);
	make_guest(&g);
	v = make_vcpu(&g);
	alarm(1);
	expect_exit(v, run_at(v, g_spin), DUNE_EXIT_SIGNAL, "busy loop with SIGALRM");
	CHECK(alarms == 1, "the handler ran %d times", (int)alarms);
	CHECK(v->run->regs.rip == routine(&g, g_spin), "rip moved to %#llx", (unsigned long long)v->run->regs.rip);

	child = fork();
	if (child == 0) {
		struct guest cg;
		struct vcpu *cv;

		make_guest(&cg);
		cv = make_vcpu(&cg);
		run_at(cv, g_spin);
		_exit(2);
	}
	for (int i = 0; i < 50; i++)
		nanosleep(&ten_ms, NULL);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "child status %#x", status);
	printf("kmod-test signal: ok\n");
}

/* --- threads ---------------------------------------------------------------- */

#define THREADS 4
#define THREAD_ROUNDS 300
static struct guest shared_guest;
static volatile int threads_done;

static void *thread_body(void *arg)
{
	long id = (long)arg;
	struct vcpu *v = make_vcpu(&shared_guest);
	uint64_t slot = (uint64_t)shared_guest.area + FRESH_OFF + id * 4096 + 8;

	for (int i = 0; i < THREAD_ROUNDS; i++) {
		struct dune_regs *r = &v->run->regs;
		uint32_t e;

		r->rdi = slot;
		r->rsi = (uint64_t)id << 32 | i;
		e = run_at(v, g_store_load);
		/* The main thread may have the page PROT_NONE for a moment. */
		if (e == DUNE_EXIT_MEMORY_FAULT)
			continue;
		expect_exit(v, e, DUNE_EXIT_HLT, "thread store");
		/* Coherent even while the main thread remaps: the value just stored, seen by the host. */
		CHECK(r->rax == ((uint64_t)id << 32 | i), "thread %ld read %#llx", id, (unsigned long long)r->rax);
		r->rax = SYS_gettid;
		expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "thread gettid");
		serve_hypercall(v);
		expect_exit(v, run(v), DUNE_EXIT_HLT, "after gettid");
		CHECK(r->rbx == (uint64_t)syscall(SYS_gettid), "gettid gave %lld", (long long)r->rbx);
	}
	__atomic_add_fetch(&threads_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void mode_threads(void)
{
	pthread_t t[THREADS];
	uint8_t *fresh;
	int remaps = 0;

	make_guest(&shared_guest);
	fresh = shared_guest.area + FRESH_OFF;
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, thread_body, (void *)i);
	while (__atomic_load_n(&threads_done, __ATOMIC_SEQ_CST) < THREADS) {
		/* Take the pages away from the running vCPUs for a moment and give them back. */
		if (mprotect(fresh, BIG, PROT_NONE) || mprotect(fresh, BIG, PROT_READ | PROT_WRITE))
			fail("mprotect");
		remaps++;
		sched_yield();
	}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	expect_clean_kernel_log();
	printf("kmod-test threads: ok (%d threads x %d rounds, %d remaps)\n", THREADS, THREAD_ROUNDS, remaps);
}

/* --- coexist ---------------------------------------------------------------- */

/* A real-mode KVM guest that exits to its host forever: out %al, $0x10; jmp back. */
static int kvm_exits(int seconds)
{
	static const uint8_t code[] = { 0xe6, 0x10, 0xeb, 0xfc };
	int kvm = open("/dev/kvm", O_RDWR), vm, cpu, exits = 0;
	struct kvm_userspace_memory_region region;
	struct kvm_sregs sregs;
	struct kvm_regs regs = { .rip = 0x1000, .rflags = 2 };
	struct kvm_run *run;
	uint8_t *mem;
	time_t end = time(NULL) + seconds;

	if (kvm < 0)
		fail("open /dev/kvm");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	mem = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	memcpy(mem + 0x1000, code, sizeof(code));
	region = (struct kvm_userspace_memory_region){ 0, 0, 0, 0x10000, (uint64_t)mem };
	if (vm < 0 || ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region))
		fail("KVM VM");
	cpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	run = mmap(NULL, ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0), PROT_READ | PROT_WRITE, MAP_SHARED, cpu, 0);
	ioctl(cpu, KVM_GET_SREGS, &sregs);
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(cpu, KVM_SET_SREGS, &sregs) || ioctl(cpu, KVM_SET_REGS, &regs))
		fail("KVM vCPU");
	while (time(NULL) < end) {
		if (ioctl(cpu, KVM_RUN, 0))
			fail("KVM_RUN");
		CHECK(run->exit_reason == KVM_EXIT_IO && run->io.port == 0x10, "KVM exit %u", run->exit_reason);
		exits++;
	}
	return exits;
}

static void mode_coexist(void)
{
	struct guest g;
	struct vcpu *v;
	pid_t child;
	int status, rounds = 0;
	time_t end;

	child = fork();
	if (child == 0)
		_exit(kvm_exits(3) > 100 ? 0 : 3);
	make_guest(&g);
	v = make_vcpu(&g);
	end = time(NULL) + 3;
	/* Both guests alternate on the one CPU: SVM state is shared with kvm_amd at each switch. */
	while (time(NULL) < end) {
		v->run->regs.rax = SYS_getpid;
		expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "getpid next to KVM");
		serve_hypercall(v);
		expect_exit(v, run(v), DUNE_EXIT_HLT, "after getpid");
		CHECK(v->run->regs.rbx == (uint64_t)getpid(), "getpid gave %lld", (long long)v->run->regs.rbx);
		nested_faults(v);
		if (mprotect(g.area + FRESH_OFF, BIG, PROT_READ | PROT_WRITE))
			fail("mprotect");
		rounds++;
	}
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the KVM guest failed: status %#x", status);
	/* And KVM still works after: its guest state was not disturbed. */
	CHECK(kvm_exits(1) > 10, "KVM after the Dune guests");
	expect_clean_kernel_log();
	printf("kmod-test coexist: ok (%d Dune rounds beside a running KVM guest)\n", rounds);
}

/* --- leaks ------------------------------------------------------------------ */

/*
 * Pages allocated and not freed since boot: the sum of pgalloc_* minus pgfree in /proc/vmstat. Free page
 * counts would mislead: freed pages, huge ones too, wait on per-CPU lists that nr_free_pages omits.
 */
static long pages_held(void)
{
	char line[128], name[64];
	long value, held = 0;
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		fail("/proc/vmstat");
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %ld", name, &value) == 2) {
			if (!strncmp(name, "pgalloc_", 8))
				held += value;
			else if (!strcmp(name, "pgfree"))
				held -= value;
		}
	fclose(f);
	return held;
}

/* One Dune process: a guest, a vCPU, hypercalls and nested page faults, then exit without closing anything. */
static void one_process(void)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		struct guest g;
		struct vcpu *v;

		make_guest(&g);
		v = make_vcpu(&g);
		hypercalls(v);
		nested_faults(v);
		_exit(0);
	}
	if (child < 0)
		fail("fork");
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a Dune process failed: status %#x", status);
}

static void parallel_processes(int n)
{
	pid_t children[32];
	int status;

	for (int i = 0; i < n; i++) {
		children[i] = fork();
		if (children[i] == 0) {
			one_process();
			_exit(0);
		}
	}
	for (int i = 0; i < n; i++) {
		waitpid(children[i], &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "parallel process %d: status %#x", i, status);
	}
}

/*
 * n Dune processes killed with SIGKILL once each is in place: the even ones in a guest busy loop, the odd ones
 * in the middle of a hypercall (the guest exited with one and the host half sleeps performing it).
 */
static void killed_processes(int n)
{
	struct timespec twenty_ms = { 0, 20 * 1000 * 1000 };
	pid_t children[32];
	int ready[2], status;
	char byte;

	if (pipe(ready))
		fail("pipe");
	for (int i = 0; i < n; i++) {
		children[i] = fork();
		if (children[i] == 0) {
			struct guest g;
			struct vcpu *v;

			make_guest(&g);
			v = make_vcpu(&g);
			nested_faults(v);
			if (i % 2 == 0) {
				if (write(ready[1], "g", 1) != 1)
					_exit(3);
				run_at(v, g_spin);
			} else {
				expect_exit(v, run_at(v, g_hypercall), DUNE_EXIT_HYPERCALL, "the hypercall to be killed in");
				if (write(ready[1], "h", 1) != 1)
					_exit(3);
				pause();
			}
			_exit(2);
		}
		if (children[i] < 0)
			fail("fork");
	}
	for (int i = 0; i < n; i++)
		CHECK(read(ready[0], &byte, 1) == 1, "a killed process never got ready");
	/* The busy ones are in the guest by now: they wrote just before entering it. */
	nanosleep(&twenty_ms, NULL);
	for (int i = 0; i < n; i++)
		kill(children[i], SIGKILL);
	for (int i = 0; i < n; i++) {
		waitpid(children[i], &status, 0);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "killed process %d: status %#x", i, status);
	}
	close(ready[0]);
	close(ready[1]);
}

static void mode_leaks(void)
{
	long before, after;

	/* Warm up: the first processes grow caches and slabs that stay. */
	for (int i = 0; i < 10; i++)
		one_process();
	parallel_processes(20);
	killed_processes(4);
	before = pages_held();
	for (int i = 0; i < 100; i++)
		one_process();
	parallel_processes(20);
	killed_processes(20);
	after = pages_held();
	/* Each process gives the module ~10 pages (VMCB, run page, nested tables): 140 leaking would hold >1,000. */
	CHECK(after - before < 256, "%ld more pages held after 140 Dune processes", after - before);
	printf("kmod-test leaks: ok (%ld pages more held after 100 sequential, 20 parallel and 20 killed processes)\n",
	       after - before);
}

/* --- cycles ----------------------------------------------------------------- */

static void mode_cycles(void)
{
	int fd = open("/dev/dune", O_RDWR), ko;

	if (fd < 0)
		fail("open /dev/dune");
	CHECK(syscall(SYS_delete_module, "dune", O_NONBLOCK) == -1 && (errno == EWOULDBLOCK || errno == EBUSY),
	      "unload while /dev/dune is open was not refused");
	close(fd);
	for (int i = 0; i < 10; i++) {
		if (syscall(SYS_delete_module, "dune", O_NONBLOCK))
			fail("unload %d", i);
		CHECK(access("/dev/dune", F_OK) != 0, "/dev/dune still there after unload %d", i);
		ko = open("/kmod/dune.ko", O_RDONLY | O_CLOEXEC);
		if (ko < 0 || syscall(SYS_finit_module, ko, "", 0))
			fail("load %d", i);
		close(ko);
		fd = open("/dev/dune", O_RDWR);
		if (fd < 0)
			fail("open /dev/dune after load %d", i);
		close(fd);
	}
	printf("kmod-test cycles: ok (unload refused in use, 10 unload/load cycles)\n");
}

/* --- fuzz ------------------------------------------------------------------- */

static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static const unsigned long fuzz_cmds[] = { DUNE_GET_ABI_VERSION, DUNE_ADD_WINDOWS, DUNE_CREATE_VCPU, DUNE_SET_SREGS,
					   DUNE_GET_SREGS, DUNE_RUN, DUNE_FLUSH_TLB };

/* A pointer that is valid, misaligned, kernel, unmapped or null. */
static void *fuzz_pointer(uint64_t *rs, void *buffer)
{
	switch (next_random(rs) % 5) {
	case 0:
		return buffer;
	case 1:
		return (uint8_t *)buffer + 4093;
	case 2:
		return (void *)0xffffffff81000000ULL;
	case 3:
		return (void *)(next_random(rs) & 0x7fffffffffffULL);
	default:
		return NULL;
	}
}

static void *fuzz_thread(void *arg)
{
	uint64_t rs = 0x9e3779b97f4a7c15ULL * ((long)arg + 1), *buffer;
	struct itimerspec tick = { { 0, 20000000 }, { 0, 20000000 } };
	struct sigevent to_me = { .sigev_notify = SIGEV_THREAD_ID, .sigev_signo = SIGALRM };
	timer_t timer;
	int dune = open("/dev/dune", O_RDWR), vcpus[4] = { -1, -1, -1, -1 };
	long calls = 0;

	buffer = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (dune < 0 || buffer == MAP_FAILED)
		fail("fuzz setup");
	/* Guests with random state may spin: this thread's own timer signal ends its DUNE_RUN. */
	to_me._sigev_un._tid = syscall(SYS_gettid);
	if (timer_create(CLOCK_MONOTONIC, &to_me, &timer) || timer_settime(timer, 0, &tick, NULL))
		fail("timer");
	for (int i = 0; i < 3000; i++) {
		unsigned long cmd = next_random(&rs) % 4 ? fuzz_cmds[next_random(&rs) % 6] : next_random(&rs);
		int slot = next_random(&rs) % 4, fd;
		long r;

		for (int j = 0; j < 1024; j++)
			buffer[j] = next_random(&rs) % 3 ? next_random(&rs) : next_random(&rs) % 0x1000000;
		if (cmd == DUNE_ADD_WINDOWS && next_random(&rs) % 2) {
			/* A plausible array so the deeper checks run too. */
			buffer[0] = (uint64_t)(buffer + 8);
			buffer[1] = next_random(&rs) % 40;
			for (int j = 8; j < 8 + 3 * 40; j += 3) {
				buffer[j] = next_random(&rs) & 0x7ffffffff000ULL;
				buffer[j + 1] = next_random(&rs) & 0xfffff000ULL;
				buffer[j + 2] = (next_random(&rs) % 64 + 1) << 12;
			}
		}
		if (cmd == DUNE_SET_SREGS && next_random(&rs) % 2) {
			/* A working state with a few words flipped, so that VMRUN itself gets odd states. */
			struct dune_sregs good = long_mode_sregs((uint64_t)buffer);

			memcpy(buffer, &good, sizeof(good));
			for (int j = next_random(&rs) % 3; j > 0; j--)
				buffer[next_random(&rs) % (sizeof(good) / 8)] ^= 1ULL << (next_random(&rs) % 64);
			r = ioctl(vcpus[slot] >= 0 ? vcpus[slot] : dune, cmd, buffer);
			calls++;
			continue;
		}
		if (cmd == DUNE_CREATE_VCPU) {
			fd = ioctl(dune, cmd, 0);
			if (fd >= 0) {
				if (vcpus[slot] >= 0)
					close(vcpus[slot]);
				vcpus[slot] = fd;
				if (next_random(&rs) % 2)
					mmap(NULL, DUNE_RUN_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
			}
			continue;
		}
		fd = next_random(&rs) % 3 == 0 || vcpus[slot] < 0 ? dune : vcpus[slot];
		r = ioctl(fd, cmd, fuzz_pointer(&rs, buffer));
		CHECK(r >= 0 || (errno > 0 && errno < 4096), "ioctl %#lx gave %ld errno %d", cmd, r, errno);
		calls++;
	}
	for (int i = 0; i < 4; i++)
		if (vcpus[i] >= 0)
			close(vcpus[i]);
	close(dune);
	timer_delete(timer);
	return (void *)calls;
}

static void mode_fuzz(void)
{
	pthread_t t[4];
	long total = 0;
	void *calls;

	signal(SIGALRM, on_alarm);
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, fuzz_thread, (void *)i);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], &calls);
		total += (long)calls;
	}
	expect_clean_kernel_log();
	printf("kmod-test fuzz: ok (%ld ioctls from 4 threads)\n", total);
}

/* --- bench ------------------------------------------------------------------ */

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#define BENCH_ROUNDS 1000

/* Instructions per round trip: DUNE_RUN returning a hypercall, the host's work, DUNE_RUN again. */
static uint64_t per_round_trip(struct vcpu *v, const uint8_t *label, int getpid_too)
{
	uint64_t best = UINT64_MAX;

	expect_exit(v, run_at(v, label), DUNE_EXIT_HYPERCALL, "bench warm-up");
	for (int rep = 0; rep < 5; rep++) {
		uint64_t start = rdtsc();

		for (int i = 0; i < BENCH_ROUNDS; i++) {
			if (getpid_too)
				v->run->regs.rax = syscall(SYS_getpid);
			if (ioctl(v->fd, DUNE_RUN))
				fail("DUNE_RUN");
		}
		uint64_t per = (rdtsc() - start) / BENCH_ROUNDS;
		if (per < best)
			best = per;
	}
	return best;
}

static void mode_bench(void)
{
	struct guest g;
	struct vcpu *v;
	uint64_t bare, getpid_rt, native;

	make_guest(&g);
	v = make_vcpu(&g);
	bare = per_round_trip(v, g_exit_loop, 0);
	getpid_rt = per_round_trip(v, g_getpid_loop, 1);
	{
		uint64_t start = rdtsc();

		for (int i = 0; i < BENCH_ROUNDS; i++)
			syscall(SYS_getpid);
		native = (rdtsc() - start) / BENCH_ROUNDS;
	}
	printf("kmod-test bench: ok\n");
	printf("bare-exit %llu\ngetpid-hypercall %llu\nnative-getpid %llu\n", (unsigned long long)bare,
	       (unsigned long long)getpid_rt, (unsigned long long)native);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*run)(void);
	} modes[] = {
		{ "guest", mode_guest },     { "signal", mode_signal }, { "threads", mode_threads }, { "coexist", mode_coexist },
		{ "leaks", mode_leaks },     { "cycles", mode_cycles },   { "fuzz", mode_fuzz },     { "bench", mode_bench },
	};

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 2)
		for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
			if (!strcmp(argv[1], modes[i].name)) {
				mode = argv[1];
				modes[i].run();
				return 0;
			}
	fprintf(stderr, "usage: kmod-test guest|signal|threads|coexist|leaks|cycles|fuzz|bench\n");
	return 2;
}
