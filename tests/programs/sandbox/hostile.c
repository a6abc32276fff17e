/*
 * Things a sandboxed program may do to its monitor, one per argument. Run natively and under samples/sandbox
 * (SandboxTests): the monitor must survive each and report it; where Linux has a defined answer, the output
 * under the sandbox is compared with the native run's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/resource.h>
#include <unistd.h>

static int say(const char *what, long r)
{
	printf("%s: %ld%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(mode, "int80")) {
		puts("int $0x80");
		__asm__ volatile("int $0x80" ::: "memory");
		return 0;
	}
	if (!strcmp(mode, "int20")) {
		puts("int $0x20");
		__asm__ volatile("int $0x20" ::: "memory");
		return 0;
	}
	if (!strcmp(mode, "close-all")) {
		/* Closes every descriptor but stdio up to the limit the program is told, then checks stdout still works. */
		struct rlimit rl;
		getrlimit(RLIMIT_NOFILE, &rl);
		int closed = 0;
		for (int fd = 3; fd < 4096; fd++)
			if (close(fd) == 0) closed++;
		printf("closed %d descriptors; dup2(1, 4095): %d\n", closed, dup2(1, 4095) < 0 ? -errno : 0);
		printf("still printing\n");
		return 0;
	}
	if (!strcmp(mode, "poll-limit")) {
		/* Descriptors at and above the limit the program is told (where the monitor keeps its own) are closed
		 * ones: poll reports POLLNVAL without waiting; select looks no further than the descriptor table, so a
		 * bit there is ignored and left set. */
		struct rlimit rl;
		getrlimit(RLIMIT_NOFILE, &rl);
		int fds[2];
		if (pipe(fds)) return 1;
		int limit = (int)rl.rlim_cur;
		struct pollfd p[4] = { { fds[0], POLLIN, 0 }, { limit, POLLIN, 0 }, { limit + 2, POLLIN | POLLOUT, 0 }, { -1, POLLIN, 0 } };
		int r = poll(p, 4, 5000);
		printf("poll: %d, revents %#x %#x %#x %#x, fds back %d\n", r, p[0].revents, p[1].revents, p[2].revents, p[3].revents,
		       p[1].fd == limit && p[2].fd == limit + 2);
		struct timespec zero = { 0, 0 };
		p[1].revents = 0;
		r = ppoll(p, 2, &zero, NULL);
		printf("ppoll: %d, revents %#x\n", r, p[1].revents);
		static unsigned long bits[(1 << 20) / 64];
		if (limit >= 1 << 20) return 1;
		bits[limit / 64] |= 1UL << (limit % 64);
		bits[fds[1] / 64] |= 1UL << (fds[1] % 64);
		struct timeval tv = { 0, 0 };
		r = select(limit + 1, NULL, (fd_set *)bits, NULL, &tv);
		printf("select up to the limit: %d, the pipe's bit %d, the limit's bit %d\n", r, (int)(bits[fds[1] / 64] >> (fds[1] % 64) & 1),
		       (int)(bits[limit / 64] >> (limit % 64) & 1));
		return 0;
	}
	if (!strcmp(mode, "huge-mmap")) {
		void *p = mmap(NULL, 16UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		printf("16 GiB mmap: %s\n", p == MAP_FAILED ? strerror(errno) : "mapped");
		void *q = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		printf("1 MiB mmap afterwards: %s\n", q == MAP_FAILED ? strerror(errno) : "mapped");
		return 0;
	}
	if (!strcmp(mode, "close-stdio")) {
		close(1);
		close(2);
		return 3;
	}
	if (!strcmp(mode, "proc-self-mem")) {
		int fd = open("/proc/self/mem", O_RDWR);
		say("open /proc/self/mem", fd);
		fd = open("/proc/self/maps", O_RDONLY);
		say("open /proc/self/maps", fd);
		return 0;
	}
	if (!strcmp(mode, "reserve")) {
		/* A PROT_NONE reservation, then pieces of it made usable, as thread stacks and allocators do. */
		char *r = mmap(NULL, 1 << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		say("mprotect inside", mprotect(r + 4096, 8192, PROT_READ | PROT_WRITE));
		r[4096] = 'x';
		void *f = mmap(r + 65536, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		say("fixed mmap inside", f == r + 65536 ? 0 : -1);
		say("munmap a piece", munmap(r + 131072, 4096));
		say("munmap the rest", munmap(r, 1 << 20));
		return 0;
	}
	if (!strcmp(mode, "abort")) {
		abort();
	}
	if (!strcmp(mode, "alarm")) {
		alarm(1);
		sleep(2);
		puts("alarm did not end the monitor");
		return 0;
	}
	fprintf(stderr, "hostile: unknown mode '%s'\n", mode);
	return 2;
}
