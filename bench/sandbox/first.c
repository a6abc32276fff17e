/*
 * At its first instruction, prints the process's CPU time and the monotonic clock in nanoseconds ("CPU MONO"),
 * then exits 0. Under tests/vm/run.sh --icount both count instructions: the CPU time is what starting this
 * process cost so far (the exec, and when sandboxed everything the sandbox did before ring 3's first
 * instruction). Built with -nostdlib: no C library start-up runs before the clocks are read. The clocks are
 * real system calls (no vDSO), which the sandbox passes through.
 */
#define SYS_write 1
#define SYS_clock_gettime 228
#define SYS_exit_group 231
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2

struct timespec64 {
	long sec, nsec;
};

static long sys3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}

static char *put(char *p, unsigned long v)
{
	char digits[24];
	int n = 0;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		*p++ = digits[--n];
	return p;
}

__attribute__((force_align_arg_pointer, noreturn)) void _start(void)
{
	struct timespec64 cpu, mono;
	sys3(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, (long)&cpu, 0);
	sys3(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&mono, 0);
	char line[64];
	char *p = put(line, (unsigned long)(cpu.sec * 1000000000L + cpu.nsec));
	*p++ = ' ';
	p = put(p, (unsigned long)(mono.sec * 1000000000L + mono.nsec));
	*p++ = '\n';
	sys3(SYS_write, 1, (long)line, p - line);
	for (;;)
		sys3(SYS_exit_group, 0, 0, 0);
}
