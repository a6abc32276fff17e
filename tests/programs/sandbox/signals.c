/*
 * Signals in a sandboxed program, one behaviour per argument. Run natively and under samples/sandbox in the
 * same boot (SandboxTests): the output and exit status must be the same. It prints only what Linux defines
 * (numbers, codes, addresses relative to the program's own), never raw pointers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jump;
static volatile sig_atomic_t got;
static char altstack[65536];

static void on_info(int sig, siginfo_t *info, void *context)
{
	(void)context;
	got = sig;
	printf("handler: signal %d code %d from self %d\n", sig, info->si_code, info->si_pid == getpid());
}

static void install(int sig, void (*handler)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void handlers(void)
{
	install(SIGUSR1, on_info, 0);
	install(SIGUSR2, on_info, SA_RESETHAND);
	raise(SIGUSR1);
	kill(getpid(), SIGUSR2);
	struct sigaction now;
	sigaction(SIGUSR2, NULL, &now);
	printf("after SA_RESETHAND: %s\n", now.sa_handler == SIG_DFL ? "default" : "still set");

	sigset_t set, pending;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	got = 0;
	raise(SIGUSR1);
	sigpending(&pending);
	printf("blocked: delivered %d, pending %d\n", got, sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked: delivered %d\n", got);

	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	printf("ignored: still running\n");
}

static void on_altstack(int sig, siginfo_t *info, void *context)
{
	(void)info; (void)context;
	char here;
	stack_t now;
	sigaltstack(NULL, &now);
	printf("signal %d on the alternate stack: %d, flags %d\n", sig,
		&here >= altstack && &here < altstack + sizeof altstack, now.ss_flags);
}

static void alternate_stack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
	printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
	install(SIGUSR1, on_altstack, SA_ONSTACK);
	raise(SIGUSR1);
	stack_t after;
	sigaltstack(NULL, &after);
	printf("after: flags %d size %zu\n", after.ss_flags, after.ss_size);
}

static void on_fault(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	/* Not the error code: a #PF's says whether the kernel had faulted the page in, and QEMU's TCG pushes
	 * vector * 16 + 2 for int n's #GP where the hardware pushes vector * 8 + 2. */
	printf("  signal %d code %d trapno %lld\n", sig, info->si_code, (long long)uc->uc_mcontext.gregs[REG_TRAPNO]);
	got = sig;
	siglongjmp(jump, 1);
}

extern char ud2_at[], int3_after[], int20_at[];

static void faults(void)
{
	static volatile int zero = 0;
	install(SIGSEGV, on_fault, 0);
	install(SIGILL, on_fault, 0);
	install(SIGFPE, on_fault, 0);
	install(SIGTRAP, on_fault, 0);
	install(SIGBUS, on_fault, 0);

	static int *volatile null_page = (int *)8;
	puts("null write:");
	if (!sigsetjmp(jump, 1)) *null_page = 1;
	puts("read-only page:");
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!sigsetjmp(jump, 1)) ro[100] = 1;
	puts("divide by zero:");
	if (!sigsetjmp(jump, 1)) printf("%d\n", 10 / zero);
	puts("ud2:");
	if (!sigsetjmp(jump, 1)) __asm__ volatile("ud2");
	puts("int3:");
	if (!sigsetjmp(jump, 1)) __asm__ volatile("int3");
	puts("int $0x20:");
	if (!sigsetjmp(jump, 1)) __asm__ volatile("int $0x20");
	puts("the mask is restored by siglongjmp:");
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("  SIGSEGV blocked: %d\n", sigismember(&now, SIGSEGV));
}

static void on_fault_addr(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	uintptr_t rip = uc->uc_mcontext.gregs[REG_RIP];
	printf("  signal %d at the instruction: %d, si_addr at it: %d\n", sig,
		rip == (uintptr_t)ud2_at || rip == (uintptr_t)int20_at || rip == (uintptr_t)int3_after,
		info->si_addr == (void *)rip);
	got = sig;
	siglongjmp(jump, 1);
}

static void on_skip(int sig, siginfo_t *info, void *context)
{
	(void)info;
	ucontext_t *uc = context;
	uc->uc_mcontext.gregs[REG_RIP] += 2; /* past the ud2: rt_sigreturn resumes there */
	uc->uc_mcontext.gregs[REG_RBX] = 1234;
	got = sig;
}

static void fault_addresses(void)
{
	install(SIGILL, on_fault_addr, 0);
	install(SIGSEGV, on_fault_addr, 0);
	install(SIGTRAP, on_fault_addr, 0);
	if (!sigsetjmp(jump, 1)) __asm__ volatile("ud2_at: ud2");
	if (!sigsetjmp(jump, 1)) __asm__ volatile("int20_at: int $0x20");
	if (!sigsetjmp(jump, 1)) __asm__ volatile("int3\nint3_after:");
	/* A handler that edits its context: execution goes on after the ud2 with the registers it set, the rest kept. */
	install(SIGILL, on_skip, 0);
	long rbx, r12 = 0;
	double x = 1.5;
	__asm__ volatile("mov $7, %%r12\nud2\nmov %%rbx, %0\nmov %%r12, %1" : "=r"(rbx), "=r"(r12) :: "rbx", "r12", "memory");
	x = x * 3;
	printf("resumed: rbx %ld r12 %ld x %.1f\n", rbx, r12, x);
}

static void on_alarm(int sig, siginfo_t *info, void *context)
{
	(void)context;
	got = sig;
	printf("SIGALRM: code %d\n", info->si_code);
}

static void alarm_busy(void)
{
	install(SIGALRM, on_alarm, 0);
	alarm(1);
	while (!got)
		; /* no system call: only preemption brings the signal */
	puts("the busy loop ended");
	got = 0;
	struct itimerval t = { .it_value = { 0, 200000 } };
	setitimer(ITIMER_REAL, &t, NULL);
	int r = pause();
	printf("pause: %d %s\n", r, strerror(errno));
}

static void suspend(void)
{
	install(SIGALRM, on_alarm, 0);
	sigset_t block, empty, now;
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	struct itimerval t = { .it_value = { 0, 100000 } };
	setitimer(ITIMER_REAL, &t, NULL);
	sigemptyset(&empty);
	int r = sigsuspend(&empty);
	printf("sigsuspend: %d %s\n", r, strerror(errno));
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("SIGALRM blocked again: %d\n", sigismember(&now, SIGALRM));
}

static int pipe_fds[2];

static void on_alarm_write(int sig)
{
	(void)sig;
	write(pipe_fds[1], "x", 1);
}

static void restart(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm_write;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
	pipe(pipe_fds);
	struct itimerval t = { .it_value = { 0, 100000 } };
	setitimer(ITIMER_REAL, &t, NULL);
	char c;
	ssize_t n = read(pipe_fds[0], &c, 1);
	printf("read with%s SA_RESTART: %zd %s\n", flags ? "" : "out", n, n < 0 ? strerror(errno) : "");
	if (n < 0) printf("then: %zd\n", read(pipe_fds[0], &c, 1));
}

static void broken_pipe(int ignore)
{
	int fds[2];
	pipe(fds);
	close(fds[0]);
	if (ignore) signal(SIGPIPE, SIG_IGN);
	puts("writing to a pipe without a reader");
	ssize_t n = write(fds[1], "x", 1);
	printf("write: %zd %s\n", n, strerror(errno));
}

static void memory(void)
{
	/* Under a 32 MiB limit (native: ulimit -v; sandboxed: --limit-mem): 16 MiB fit, 20 MiB more do not, then do once the 16 are gone. */
	size_t mib = 1 << 20;
	void *a = mmap(NULL, 16 * mib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("16 MiB: %s\n", a == MAP_FAILED ? strerror(errno) : "mapped");
	void *b = mmap(NULL, 20 * mib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("20 MiB more: %s\n", b == MAP_FAILED ? strerror(errno) : "mapped");
	printf("malloc 40 MiB: %s\n", malloc(40 * mib) ? "allocated" : "NULL");
	munmap(a, 16 * mib);
	b = mmap(NULL, 20 * mib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("20 MiB after unmapping 16: %s\n", b == MAP_FAILED ? strerror(errno) : "mapped");
}

static int deep(int n)
{
	volatile char pad[1000];
	pad[0] = (char)n;
	return n ? deep(n - 1) + (pad[0] != 0) : 0;
}

static void stack(void)
{
	/* Most of the 8 MiB stack, touched as it grows; then a buffer below it the kernel fills before the program touches it. */
	printf("deep recursion: %d\n", deep(6000));
	static char *volatile keep;
	char buffer[1 << 20];
	keep = buffer;
	int fd = open("/dev/zero", O_RDONLY);
	printf("read into an untouched stack buffer: %zd\n", read(fd, keep, sizeof buffer));
}

/* POSIX timers: what a handler sees of each (recorded, printed from main). */
static volatile sig_atomic_t timer_signals, timer_code, timer_value, timer_id, timer_overrun, timer_tid;
static void *volatile timer_pointer;
static int one_shot_target;

static void on_timer(int sig, siginfo_t *info, void *context)
{
	(void)sig; (void)context;
	timer_signals++;
	timer_code = info->si_code;
	timer_value = info->si_value.sival_int;
	timer_pointer = info->si_value.sival_ptr;
	timer_id = info->si_timerid;
	timer_overrun = info->si_overrun;
	timer_tid = syscall(SYS_gettid);
}

/* Waits with every signal but sig blocked until the handler has run count times. */
static void await_timer(int sig, int count)
{
	sigset_t wait;
	sigfillset(&wait);
	sigdelset(&wait, sig);
	while (timer_signals < count) sigsuspend(&wait);
}

static timer_t make_timer(clockid_t clock, int notify, int sig, union sigval value, pid_t tid)
{
	struct sigevent event;
	memset(&event, 0, sizeof event);
	event.sigev_notify = notify;
	event.sigev_signo = sig;
	event.sigev_value = value;
	event._sigev_un._tid = tid;
	timer_t timer;
	if (timer_create(clock, &event, &timer) != 0) { printf("timer_create: %s\n", strerror(errno)); exit(1); }
	return timer;
}

static void arm(timer_t timer, long first_ns, long interval_ns)
{
	struct itimerspec spec = { { 0, interval_ns }, { 0, first_ns } };
	if (timer_settime(timer, 0, &spec, NULL) != 0) { printf("timer_settime: %s\n", strerror(errno)); exit(1); }
}

/* A refused call's result and errno, in a static buffer (one use per printf). */
static const char *refused(long result)
{
	static char text[64];
	snprintf(text, sizeof text, "%ld errno %d", result, result < 0 ? errno : 0);
	return text;
}

static pid_t thread_tid;
static volatile int thread_ready;

static void *timer_thread(void *unused)
{
	(void)unused;
	thread_tid = syscall(SYS_gettid);
	thread_ready = 1;
	await_timer(SIGUSR2, 1);
	return NULL;
}

static void timers(void)
{
	install(SIGUSR1, on_timer, 0);
	install(SIGRTMIN, on_timer, 0);
	install(SIGUSR2, on_timer, 0);
	sigset_t blocked;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGUSR1);
	sigaddset(&blocked, SIGRTMIN);
	sigaddset(&blocked, SIGUSR2);
	sigprocmask(SIG_BLOCK, &blocked, NULL);

	/* A periodic CLOCK_MONOTONIC timer with sival_int, three expiries. */
	timer_t periodic = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, (union sigval){ .sival_int = 42 }, 0);
	arm(periodic, 5000000, 5000000);
	await_timer(SIGUSR1, 3);
	printf("periodic: 3+ signals, code %d (SI_TIMER %d), sival_int %d, si_timerid is the timer's %d, overrun >= 0 %d\n",
		timer_code, SI_TIMER, timer_value, timer_id == (int)(intptr_t)periodic, timer_overrun >= 0);
	struct itimerspec now;
	int got_time = timer_gettime(periodic, &now);
	printf("timer_gettime: %d, interval %ld ns, next within it %d\n", got_time, now.it_interval.tv_nsec,
		now.it_value.tv_sec == 0 && now.it_value.tv_nsec <= 5000000);
	printf("timer_delete: %d\n", timer_delete(periodic));
	printf("timer_gettime after delete: %s\n", refused(timer_gettime(periodic, &now)));
	printf("timer_getoverrun after delete: %s\n", refused(timer_getoverrun(periodic)));

	/* A one-shot with sival_ptr on a real-time signal. */
	timer_signals = 0;
	timer_t once = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGRTMIN, (union sigval){ .sival_ptr = &one_shot_target }, 0);
	arm(once, 10000000, 0);
	await_timer(SIGRTMIN, 1);
	printf("one-shot: signal %d, code %d, sival_ptr is the program's %d, si_timerid is the timer's %d\n",
		timer_signals, timer_code, timer_pointer == &one_shot_target, timer_id == (int)(intptr_t)once);
	timer_gettime(once, &now);
	printf("after expiry: disarmed %d, overrun %d\n", now.it_value.tv_sec == 0 && now.it_value.tv_nsec == 0, timer_getoverrun(once));
	timer_delete(once);

	/* Expiries while the signal is blocked: one signal, the others its overrun (which timer_getoverrun reports after it).
	 * A signal no earlier timer used: a deleted timer's signal still pending would be delivered first. */
	int busy_signal = SIGRTMIN + 6;
	install(busy_signal, on_timer, 0);
	sigset_t busy_set;
	sigemptyset(&busy_set);
	sigaddset(&busy_set, busy_signal);
	sigprocmask(SIG_BLOCK, &busy_set, NULL);
	timer_signals = 0;
	timer_t busy = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, busy_signal, (union sigval){ .sival_int = 5 }, 0);
	arm(busy, 2000000, 2000000);
	struct timespec blocked_for = { 0, 100 * 1000 * 1000 };
	nanosleep(&blocked_for, NULL);
	await_timer(busy_signal, 1);
	printf("blocked 100 ms under a 2 ms timer: signals %d, overrun >= 10 %d, timer_getoverrun agrees %d\n",
		timer_signals, timer_overrun >= 10, timer_getoverrun(busy) == timer_overrun);
	timer_delete(busy);

	/* SIGEV_NONE: no signal, the timer still runs. */
	timer_t quiet = make_timer(CLOCK_MONOTONIC, SIGEV_NONE, 0, (union sigval){ 0 }, 0);
	struct itimerspec long_one = { { 0, 0 }, { 100, 0 } };
	timer_settime(quiet, 0, &long_one, NULL);
	timer_gettime(quiet, &now);
	printf("SIGEV_NONE: armed %d\n", now.it_value.tv_sec > 90 && now.it_value.tv_sec <= 100);
	timer_delete(quiet);

	/* SIGEV_THREAD_ID: the signal goes to a second thread (the first blocks it too). */
	timer_signals = 0;
	pthread_t thread;
	pthread_create(&thread, NULL, timer_thread, NULL);
	while (!thread_ready) sched_yield();
	timer_t directed = make_timer(CLOCK_MONOTONIC, SIGEV_THREAD_ID, SIGUSR2, (union sigval){ .sival_int = 7 }, thread_tid);
	arm(directed, 5000000, 0);
	pthread_join(thread, NULL);
	printf("SIGEV_THREAD_ID: signal %d in the target thread %d, sival_int %d\n", timer_signals, timer_tid == thread_tid, timer_value);
	timer_delete(directed);

	/* What Linux refuses. */
	struct sigevent bad;
	timer_t unused;
	memset(&bad, 0, sizeof bad);
	bad.sigev_notify = 99;
	printf("bad notify: %s\n", refused(timer_create(CLOCK_MONOTONIC, &bad, &unused)));
	bad.sigev_notify = SIGEV_SIGNAL;
	bad.sigev_signo = 0;
	printf("signal 0: %s\n", refused(timer_create(CLOCK_MONOTONIC, &bad, &unused)));
	bad.sigev_notify = SIGEV_THREAD_ID;
	bad.sigev_signo = SIGUSR1;
	bad._sigev_un._tid = 1;
	printf("a thread of another process: %s\n", refused(timer_create(CLOCK_MONOTONIC, &bad, &unused)));
	printf("timer_delete of no timer: %s\n", refused(syscall(SYS_timer_delete, 12345)));
	printf("timer_settime without a value: %s\n", refused(syscall(SYS_timer_settime, 0, 0, NULL, NULL)));
}

/*
 * Timers on the signals whose host numbers the sandbox's monitor keeps for itself (35-38, SIGPIPE, a fault signal)
 * reach the program with their siginfo, as natively; and the program sees no timer but its own.
 */
static volatile sig_atomic_t reserved_signo, reserved_code, reserved_value;
static void on_reserved(int sig, siginfo_t *info, void *context)
{
	reserved_signo = info->si_signo;
	reserved_code = info->si_code;
	reserved_value = info->si_value.sival_int;
}

static void timer_reserved(void)
{
	int numbers[] = { 35, 36, 37, 38, SIGPIPE, SIGBUS };
	for (unsigned i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
	{
		int signo = numbers[i];
		install(signo, on_reserved, 0);
		struct sigevent event;
		timer_t timer;
		memset(&event, 0, sizeof event);
		event.sigev_notify = SIGEV_SIGNAL;
		event.sigev_signo = signo;
		event.sigev_value.sival_int = 1000 + signo;
		reserved_signo = 0;
		printf("signal %d: create %s", signo, refused(timer_create(CLOCK_MONOTONIC, &event, &timer)));
		arm(timer, 1000 * 1000, 0);
		for (int wait = 0; wait < 2000 && !reserved_signo; wait++) usleep(1000);
		printf(", got %d code %d value %d, delete %s\n", reserved_signo, reserved_code, reserved_value, refused(timer_delete(timer)));
	}
	struct itimerspec spec = { { 0, 0 }, { 1, 0 } };
	for (long id = 0; id < 8; id++)
	{
		printf("timer %ld: settime %s, ", id, refused(syscall(SYS_timer_settime, id, 0, &spec, NULL)));
		printf("delete %s\n", refused(syscall(SYS_timer_delete, id)));
	}
}

/* Started with SIGHUP ignored (nohup, or a shell's trap): the program starts with it ignored and survives it. */
static void inherited_ignore(void)
{
	struct sigaction old;
	sigaction(SIGHUP, NULL, &old);
	printf("SIGHUP ignored at start %d\n", old.sa_handler == SIG_IGN);
	raise(SIGHUP);
	printf("raised, still here\n");
	signal(SIGHUP, SIG_DFL);
	sigaction(SIGHUP, NULL, &old);
	printf("default again %d\n", old.sa_handler == SIG_DFL);
}

/* Timers may send the signals no handler can take: SIGSTOP stops the process and SIGKILL ends it, as any sender's would. */
static void timer_stop_kill(void)
{
	struct sigevent event;
	memset(&event, 0, sizeof event);
	event.sigev_notify = SIGEV_SIGNAL;
	pid_t child = fork();
	if (child == 0) {
		timer_t timer;
		event.sigev_signo = SIGSTOP;
		if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) _exit(10);
		arm(timer, 50 * 1000 * 1000, 0);
		for (volatile long spin = 0;; spin++) { }
	}
	int status;
	waitpid(child, &status, WUNTRACED);
	printf("SIGSTOP timer: stopped %d by %d\n", WIFSTOPPED(status), WIFSTOPPED(status) ? WSTOPSIG(status) : 0);
	kill(child, SIGCONT);
	waitpid(child, &status, WCONTINUED);
	printf("continued %d\n", WIFCONTINUED(status));
	kill(child, SIGTERM);
	waitpid(child, &status, 0);
	printf("then SIGTERM: signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	timer_t timer;
	event.sigev_signo = SIGKILL;
	if (timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) { printf("SIGKILL timer: %s\n", strerror(errno)); return; }
	printf("SIGKILL timer armed\n");
	arm(timer, 50 * 1000 * 1000, 0);
	for (;;) pause();
}

/*
 * The monitor's own calls go on under a storm of signals for the program: kill to a child reads /proc to check the
 * child is the program's, and none of those reads may fail for a relayed SIGALRM.
 */
static volatile sig_atomic_t storm_signals;
static void on_storm(int sig) { storm_signals++; }

static void kill_storm(void)
{
	pid_t child = fork();
	if (child == 0) for (;;) pause();
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = on_storm;
	action.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &action, NULL);
	struct itimerval every = { { 0, 2000 }, { 0, 2000 } }, off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &every, NULL);
	int failed = 0;
	for (int i = 0; i < 200 || storm_signals < 20; i++)
		if (kill(child, 0) != 0) failed++;
	setitimer(ITIMER_REAL, &off, NULL);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	printf("kill(child, 0) under a 2 ms timer: %d failed\n", failed);
}

static volatile int taken[16][3], takens;

static void on_queued(int sig, siginfo_t *info, void *context)
{
	(void)context;
	if (takens < 16) {
		taken[takens][0] = sig;
		taken[takens][1] = info->si_code;
		taken[takens][2] = info->si_value.sival_int;
		takens++;
	}
}

/*
 * Real-time signals queue every instance, each with its sender's siginfo (sigqueue's value, kill's SI_USER), and are
 * delivered lowest signal first, each signal's instances in the order sent; a standard signal is pending once.
 * pthread_sigqueue queues to a thread, sigwaitinfo takes the instances one by one; sigqueue may not pretend to be
 * kill to another process.
 */
static void rt_queue(void)
{
	int rt = SIGRTMIN;
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	for (int i = 0; i < 3; i++) sigaddset(&block, rt + i);
	sigprocmask(SIG_BLOCK, &block, &old);
	install(SIGUSR1, on_queued, 0);
	for (int i = 0; i < 3; i++) install(rt + i, on_queued, 0);
	for (int i = 1; i <= 3; i++) sigqueue(getpid(), rt + 1, (union sigval){ .sival_int = i });
	for (int i = 4; i <= 6; i++) sigqueue(getpid(), rt, (union sigval){ .sival_int = i });
	sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 7 });
	sigqueue(getpid(), SIGUSR1, (union sigval){ .sival_int = 8 });
	kill(getpid(), rt + 2);
	kill(getpid(), rt + 2);
	sigset_t pending;
	sigpending(&pending);
	printf("pending: SIGUSR1 %d, SIGRTMIN %d, +1 %d, +2 %d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, rt),
		sigismember(&pending, rt + 1), sigismember(&pending, rt + 2));
	sigprocmask(SIG_SETMASK, &old, NULL);
	for (int i = 0; i < takens; i++)
		printf("took %s+%d code %d value %d\n", taken[i][0] == SIGUSR1 ? "SIGUSR1" : "SIGRTMIN", taken[i][0] == SIGUSR1 ? 0 : taken[i][0] - rt,
			taken[i][1], taken[i][1] == SI_QUEUE ? taken[i][2] : 0);
	sigprocmask(SIG_BLOCK, &block, NULL);
	for (int i = 9; i <= 11; i++) pthread_sigqueue(pthread_self(), rt, (union sigval){ .sival_int = i });
	sigset_t wanted;
	sigemptyset(&wanted);
	sigaddset(&wanted, rt);
	for (int i = 0; i < 3; i++) {
		siginfo_t info;
		int sig = sigwaitinfo(&wanted, &info);
		printf("sigwaitinfo: SIGRTMIN+%d code %d value %d\n", sig - rt, info.si_code, info.si_value.sival_int);
	}
	sigpending(&pending);
	printf("SIGRTMIN still pending %d\n", sigismember(&pending, rt));
	siginfo_t forged;
	memset(&forged, 0, sizeof forged);
	forged.si_signo = rt;
	forged.si_code = SI_USER;
	long r = syscall(SYS_rt_sigqueueinfo, 1, rt, &forged);
	printf("SI_USER to another process: %ld %s\n", r, r ? strerror(errno) : "");
	r = syscall(SYS_rt_sigqueueinfo, getpid(), rt, NULL);
	printf("no siginfo: %ld %s\n", r, r ? strerror(errno) : "");
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static volatile int child_code[2], child_from[2], child_detail[2], child_got[2];

static void on_from_child(int sig, siginfo_t *info, void *context)
{
	(void)context;
	int k = sig == SIGCHLD;
	child_code[k] = info->si_code;
	child_from[k] = info->si_pid;
	child_detail[k] = sig == SIGCHLD ? info->si_status : info->si_value.sival_int;
	child_got[k] = 1;
}

/*
 * Signals from a child, with their sender's siginfo: its sigqueue to its parent (si_code SI_QUEUE, its pid and
 * value) and the SIGCHLD of its exit (CLD_EXITED, its pid and status).
 */
static void from_child(void)
{
	install(SIGUSR1, on_from_child, 0);
	install(SIGCHLD, on_from_child, 0);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		int r = sigqueue(getppid(), SIGUSR1, (union sigval){ .sival_int = 77 });
		_exit(r == 0 ? 3 : 4);
	}
	while (!child_got[0] || !child_got[1]) sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("SIGUSR1: code %d from the child %d value %d\n", child_code[0], child_from[0] == child, child_detail[0]);
	printf("SIGCHLD: code %d from the child %d status %d\n", child_code[1], child_from[1] == child, child_detail[1]);
	int status;
	printf("reaped %d, exit %d\n", waitpid(child, &status, 0) == child, WEXITSTATUS(status));
}

/*
 * AVX state across a handler: the frame holds the interrupted code's YMM registers in Linux's XSAVE layout
 * (UC_FP_XSTATE, the software bytes, the second magic word), the handler starts with their upper halves
 * cleared, may clobber them, and what it writes into the frame is what the interrupted code gets back.
 */
static unsigned avx_offset;
static int avx_edit;

static int upper_is(const unsigned char *upper, unsigned char value)
{
	for (int i = 0; i < 16; i++)
		if (upper[i] != value) return 0;
	return 1;
}

static void on_avx(int sig, siginfo_t *info, void *context)
{
	(void)sig; (void)info;
	ucontext_t *uc = context;
	unsigned char now[32];
	__asm__ volatile("vmovdqu %%ymm8, %0" : "=m"(now));
	const unsigned char *fp = (const unsigned char *)uc->uc_mcontext.fpregs;
	uint32_t size = *(const uint32_t *)(fp + 480);
	printf("frame: uc_flags %lu magic1 %d extended %u features %llu size %u magic2 %d xstate_bv %llu\n",
	       (unsigned long)uc->uc_flags, *(const uint32_t *)(fp + 464) == 0x46505853, *(const uint32_t *)(fp + 468),
	       (unsigned long long)*(const uint64_t *)(fp + 472), size, *(const uint32_t *)(fp + size) == 0x46505845,
	       (unsigned long long)*(const uint64_t *)(fp + 512));
	/* ymm8's upper half in the frame: the AVX component holds the upper halves of ymm0..15, 16 bytes each */
	printf("handler: ymm8 upper in the frame %d, in the register cleared %d\n", upper_is(fp + avx_offset + 8 * 16, 0xa8),
	       upper_is(now + 16, 0));
	*(unsigned char *)(fp + avx_offset + 9 * 16 + 3) = 0x5a; /* the interrupted code gets this in ymm9 */
	if (avx_edit == 1) *(uint32_t *)(fp + size) = 0;        /* no second magic: only the FXSAVE part comes back */
	if (avx_edit == 2) *(uint64_t *)(fp + 520) = 1ull << 63; /* a compacted-form header: rt_sigreturn fails */
	__asm__ volatile("vpcmpeqd %%ymm8, %%ymm8, %%ymm8\n\tvpcmpeqd %%ymm9, %%ymm9, %%ymm9\n\tvpcmpeqd %%ymm15, %%ymm15, %%ymm15"
			 ::: "xmm8", "xmm9", "xmm15");
}

/* Loads ymm8, ymm9 and ymm15, sends itself SIGUSR1 and stores them as they are when kill returns. */
static long avx_kill(unsigned char in[3][32], unsigned char out[3][32])
{
	long nr = SYS_kill;
	__asm__ volatile("vmovdqu (%[in]), %%ymm8\n\tvmovdqu 32(%[in]), %%ymm9\n\tvmovdqu 64(%[in]), %%ymm15\n\t"
			 "syscall\n\t"
			 "vmovdqu %%ymm8, (%[out])\n\tvmovdqu %%ymm9, 32(%[out])\n\tvmovdqu %%ymm15, 64(%[out])\n\tvzeroupper"
			 : "+a"(nr)
			 : "D"((long)getpid()), "S"((long)SIGUSR1), [in] "r"(in), [out] "r"(out)
			 : "rcx", "r11", "memory", "xmm8", "xmm9", "xmm15");
	return nr;
}

static void avx(void)
{
	unsigned eax, ebx, ecx, edx;
	__asm__ volatile("cpuid" : "=a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx) : "a"(0xd), "c"(2));
	avx_offset = ebx;
	printf("AT_MINSIGSTKSZ %lu\n", getauxval(AT_MINSIGSTKSZ));
	install(SIGUSR1, on_avx, 0);
	unsigned char in[3][32], out[3][32];
	for (int r = 0; r < 3; r++)
		for (int i = 0; i < 32; i++) in[r][i] = (unsigned char)(0xa8 + r);
	printf("kill: %ld\n", avx_kill(in, out));
	printf("after: ymm8 %d ymm9 %d (byte 19: %#x) ymm15 %d\n", !memcmp(out[0], in[0], 32),
	       !memcmp(out[1], in[1], 19) && !memcmp(out[1] + 20, in[1] + 20, 12), out[1][19], !memcmp(out[2], in[2], 32));
	fflush(stdout);
	avx_edit = 1;
	avx_kill(in, out);
	printf("without the second magic: lower halves %d, upper halves cleared %d %d %d\n", !memcmp(out[0], in[0], 16),
	       upper_is(out[0] + 16, 0), upper_is(out[1] + 16, 0), upper_is(out[2] + 16, 0));
	fflush(stdout);
	pid_t child = fork();
	if (child == 0) {
		avx_edit = 2;
		avx_kill(in, out);
		puts("a compacted header restored");
		_exit(0);
	}
	int status;
	waitpid(child, &status, 0);
	printf("a compacted header: signaled %d by %d\n", WIFSIGNALED(status), WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/*
 * Job control: a stop signal with the default action stops the process until a SIGCONT, as the parent's
 * waitpid(WUNTRACED) sees; a read it stopped in goes on after the SIGCONT. The child makes its own process
 * group, whose parent is outside it in the same session, so Linux does not discard its stops as orphaned.
 */
static void stop_continue(void)
{
	int to_child[2], from_child[2];
	if (pipe(to_child) || pipe(from_child)) return;
	pid_t child = fork();
	if (child == 0) {
		setpgid(0, 0);
		raise(SIGTSTP);
		puts("child: continued after SIGTSTP");
		fflush(stdout);
		char c = 'r';
		write(from_child[1], &c, 1);
		ssize_t n = read(to_child[0], &c, 1);
		printf("child: read %zd '%c'\n", n, c);
		fflush(stdout);
		_exit(3);
	}
	int status;
	waitpid(child, &status, WUNTRACED);
	printf("parent: stopped %d by %d\n", WIFSTOPPED(status), WIFSTOPPED(status) ? WSTOPSIG(status) : 0);
	fflush(stdout);
	kill(child, SIGCONT);
	char c;
	read(from_child[0], &c, 1);
	kill(child, SIGTTOU);
	waitpid(child, &status, WUNTRACED);
	printf("parent: stopped %d by %d\n", WIFSTOPPED(status), WIFSTOPPED(status) ? WSTOPSIG(status) : 0);
	fflush(stdout);
	write(to_child[1], "x", 1);
	kill(child, SIGCONT);
	waitpid(child, &status, 0);
	printf("parent: exited %d with %d\n", WIFEXITED(status), WIFEXITED(status) ? WEXITSTATUS(status) : 0);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(mode, "handlers")) handlers();
	else if (!strcmp(mode, "altstack")) alternate_stack();
	else if (!strcmp(mode, "faults")) faults();
	else if (!strcmp(mode, "fault-addresses")) fault_addresses();
	else if (!strcmp(mode, "alarm")) alarm_busy();
	else if (!strcmp(mode, "timers")) timers();
	else if (!strcmp(mode, "timer-reserved")) timer_reserved();
	else if (!strcmp(mode, "timer-stop-kill")) timer_stop_kill();
	else if (!strcmp(mode, "kill-storm")) kill_storm();
	else if (!strcmp(mode, "rt-queue")) rt_queue();
	else if (!strcmp(mode, "from-child")) from_child();
	else if (!strcmp(mode, "avx")) avx();
	else if (!strcmp(mode, "stop")) stop_continue();
	else if (!strcmp(mode, "inherited-ignore")) inherited_ignore();
	else if (!strcmp(mode, "sigsuspend")) suspend();
	else if (!strcmp(mode, "restart")) { restart(SA_RESTART); restart(0); }
	else if (!strcmp(mode, "sigpipe")) broken_pipe(0);
	else if (!strcmp(mode, "sigpipe-ignored")) broken_pipe(1);
	else if (!strcmp(mode, "term")) { puts("sending SIGTERM to itself"); kill(getpid(), SIGTERM); puts("not reached"); }
	else if (!strcmp(mode, "divide")) { static volatile int zero; puts("dividing by zero"); return 10 / zero; }
	else if (!strcmp(mode, "busy")) { puts("spinning"); for (;;) ; }
	else if (!strcmp(mode, "memory")) memory();
	else if (!strcmp(mode, "stack")) stack();
	else { fprintf(stderr, "usage: signals MODE\n"); return 2; }
	return 0;
}
