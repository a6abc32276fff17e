/*
 * Random system calls from ring 3 against the monitor (SandboxTests): a fixed seed, many thousands of calls
 * with random numbers (0-460 and beyond) and arguments mixing small integers, descriptors, random words,
 * NULL, pointers into its own buffer, into the monitor's region and into the kernel half. Calls that would
 * end or stop this program by design (exit, kill, sigreturn, unmapping or remapping its own memory, waits
 * without end) are skipped: the monitor's answer to everything else must leave it alive, and the program too.
 * Random writes to fds 1 and 2 go to /dev/null: the summary goes to a copy of stdout at fd 200. Only under
 * the sandbox (natively it would fork and write wherever root may).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static unsigned char buffer[1 << 16];

static long argument(void)
{
	switch (next() % 10) {
	case 0: return 0;
	case 1: return (long)(next() % 16);
	case 2: return -1;
	case 3: return (long)next();
	case 4: return (long)(buffer + next() % sizeof buffer);
	case 5: return (long)buffer;
	case 6: return (long)(0x600000000000ULL + (next() % (1ULL << 32))); /* the monitor's image and runtime */
	case 7: return (long)(0xffff800000000000ULL + (next() % (1ULL << 32)));
	case 8: return (long)(next() % 4096);
	default: return (long)(next() % 70); /* descriptors, the monitor's floor included */
	}
}

static int skipped(long nr)
{
	switch (nr) {
	case SYS_exit: case SYS_exit_group: case SYS_kill: case SYS_tkill: case SYS_tgkill: case SYS_rt_sigreturn:
	case SYS_rt_sigaction: case SYS_rt_sigsuspend: case SYS_pause: case SYS_munmap: case SYS_mremap:
	case SYS_mprotect: case SYS_mmap: case SYS_brk: case SYS_madvise: case SYS_arch_prctl: case SYS_close:
	case SYS_close_range: case SYS_dup2: case SYS_dup3: case SYS_nanosleep: case SYS_clock_nanosleep:
	case SYS_select: case SYS_pselect6: case SYS_poll: case SYS_ppoll: case SYS_epoll_wait: case SYS_epoll_pwait:
	case 441 /* epoll_pwait2 */: case SYS_futex: case 449 /* futex_waitv */: case SYS_alarm: case SYS_setitimer:
	case SYS_read: case SYS_readv: case SYS_pread64: case SYS_preadv: case SYS_preadv2: case SYS_recvfrom:
	case SYS_recvmsg: case SYS_accept: case SYS_accept4: case SYS_wait4: case SYS_waitid: case SYS_msgrcv:
	case SYS_semop: case SYS_semtimedop: case SYS_flock: case SYS_fcntl: case SYS_rt_sigtimedwait:
	case SYS_fork: case SYS_vfork: case SYS_clone: case SYS_clone3: case SYS_execve: case SYS_execveat:
	case SYS_rt_sigprocmask: case SYS_shutdown: case SYS_connect: case SYS_sendfile: case SYS_splice: case SYS_tee:
	case SYS_vmsplice: case SYS_copy_file_range: case SYS_msync: case SYS_mlock: case SYS_mlockall:
	case SYS_userfaultfd: case SYS_sched_yield: case SYS_fallocate:
		return 1;
	default:
		return 0;
	}
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "run")) {
		puts("fuzz run: random system calls, for the sandbox only");
		return 0;
	}
	int calls = 0, succeeded = 0, faults = 0;
	int report = dup2(1, 200), null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	dup2(null, 2);
	for (int i = 0; i < 20000; i++) {
		long nr = (long)(next() % 470);
		if (i % 97 == 0) nr = (long)next(); /* numbers far outside the table, negative ones too */
		long a[6];
		for (int k = 0; k < 6; k++) a[k] = argument();
		if (skipped(nr)) continue;
		long r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		calls++;
		if (r >= 0) succeeded++;
		else if (errno == EFAULT) faults++;
	}
	dprintf(report, "fuzz: %d calls made (%s), the program and its monitor are alive\n", calls,
		calls > 10000 && succeeded > 100 && faults > 100 ? "many succeeded, many EFAULT" : "too few of some kind");
	return 0;
}
