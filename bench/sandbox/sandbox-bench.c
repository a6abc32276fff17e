/*
 * sandbox-bench: what samples/sandbox costs against the native run of the same program, all in one boot
 * (bench/sandbox/README.md). Under tests/vm/run.sh --icount every figure is a count of instructions.
 *
 *   sandbox-bench [--json] SANDBOX FIRST   every measurement, as a table or JSON; SANDBOX is the sandbox tool,
 *                                          FIRST bench/sandbox/first.c built with -nostdlib
 *   sandbox-bench calls N                  REPEATS times N getppid calls: the median instructions per call
 *   sandbox-bench cpu N                    REPEATS times a CPU-bound loop of N rounds: the median instructions
 *
 * The last two are the workloads, run by the first natively and under SANDBOX. Exit status 0, or 1 with a
 * message naming what failed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <x86intrin.h>

#define REPEATS 5
#define CALLS "2000"
#define ROUNDS "150"
#define TABLE_WORDS 4096
#define PORT 8082
#define WARMUP_REQUESTS 5
#define REQUESTS 40
#define PAGE_BYTES 4096
#define SYS_getppid 110

static void fail(const char *what)
{
	fprintf(stderr, "sandbox-bench: %s\n", what);
	exit(1);
}

static unsigned long long monotonic(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (unsigned long long)t.tv_sec * 1000000000ULL + (unsigned long long)t.tv_nsec;
}

static int compare(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
	return x < y ? -1 : x > y;
}

static unsigned long long median(unsigned long long *values, int n)
{
	qsort(values, (size_t)n, sizeof *values, compare);
	return values[n / 2];
}

/* The passed-through call: getppid has no arguments to check, so what it costs beyond the host's call is the
 * path through the sandbox's monitor. */
static long getppid_raw(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
	return r;
}

static int calls(long n)
{
	unsigned long long per[REPEATS];
	for (int i = 0; i < 100; i++)
		getppid_raw();
	for (int r = 0; r < REPEATS; r++) {
		unsigned long long start = __rdtsc();
		for (long i = 0; i < n; i++)
			getppid_raw();
		per[r] = (__rdtsc() - start) / (unsigned long long)n;
	}
	printf("%llu\n", median(per, REPEATS));
	return 0;
}

/* xorshift over a table already touched (no page faults while timed): only ring 3's own instructions. */
static int cpu(long rounds)
{
	static unsigned long long table[TABLE_WORDS];
	unsigned long long took[REPEATS], x = 88172645463325252ULL;
	for (int i = 0; i < TABLE_WORDS; i++)
		table[i] = (unsigned long long)i * 0x9E3779B97F4A7C15ULL;
	for (int r = 0; r < REPEATS; r++) {
		unsigned long long start = __rdtsc();
		for (long k = 0; k < rounds; k++)
			for (int i = 0; i < TABLE_WORDS; i++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				table[i] += x;
			}
		took[r] = __rdtsc() - start;
	}
	unsigned long long sum = 0;
	for (int i = 0; i < TABLE_WORDS; i++)
		sum ^= table[i];
	printf("%llu %llx\n", median(took, REPEATS), sum);
	return 0;
}

/* Runs argv to its end with its stdout in out (NUL-terminated); returns its exit code, 128 + N for signal N. */
static int run(char *const argv[], char *out, size_t capacity)
{
	int fds[2];
	if (pipe(fds) != 0)
		fail("pipe failed");
	pid_t pid = fork();
	if (pid < 0)
		fail("fork failed");
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	size_t length = 0;
	ssize_t n;
	while (length + 1 < capacity && (n = read(fds[0], out + length, capacity - 1 - length)) > 0)
		length += (size_t)n;
	out[length] = 0;
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* One number printed by a workload run natively or sandboxed. */
static unsigned long long workload(const char *sandbox, const char *self, const char *mode, const char *count)
{
	char out[256];
	char *native[] = {(char *)self, (char *)mode, (char *)count, NULL};
	char *sandboxed[] = {(char *)sandbox, "--", (char *)self, (char *)mode, (char *)count, NULL};
	if (run(sandbox ? sandboxed : native, out, sizeof out) != 0)
		fail(sandbox ? "a sandboxed workload failed" : "a native workload failed");
	return strtoull(out, NULL, 10);
}

struct startup {
	unsigned long long cpu, elapsed, total;
};

/* From just before fork: the process's CPU time at its first instruction, the time then, the time after wait. */
static struct startup startup(const char *sandbox, const char *first)
{
	unsigned long long cpu[3], elapsed[3], total[3];
	char out[128];
	char *native[] = {(char *)first, NULL};
	char *sandboxed[] = {(char *)sandbox, "--", (char *)first, NULL};
	for (int i = 0; i < 3; i++) {
		unsigned long long start = monotonic();
		if (run(sandbox ? sandboxed : native, out, sizeof out) != 0)
			fail("the start-up probe failed");
		total[i] = monotonic() - start;
		char *rest;
		cpu[i] = strtoull(out, &rest, 10);
		elapsed[i] = strtoull(rest, NULL, 10) - start;
	}
	return (struct startup){median(cpu, 3), median(elapsed, 3), median(total, 3)};
}

static void write_file(const char *path, const char *text, size_t length)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, text, length) != (ssize_t)length)
		fail("cannot write the web server's files under /tmp");
	close(fd);
}

static void loopback_up(void)
{
	struct ifreq ifr;
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) != 0)
		fail("cannot read the loopback interface's flags");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) != 0)
		fail("cannot bring the loopback interface up");
	close(s);
}

/* One HTTP/1.0 GET of the page; 1 if it came back whole with status 200, 0 if not, -1 if nobody listens. */
static int request(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) {
		close(s);
		return -1;
	}
	static const char get[] = "GET /page.html HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
	if (write(s, get, sizeof get - 1) != (ssize_t)(sizeof get - 1)) {
		close(s);
		return 0;
	}
	char buffer[8192];
	size_t total = 0;
	int ok = 0;
	ssize_t n;
	while ((n = read(s, buffer, sizeof buffer)) > 0) {
		if (total == 0)
			ok = n >= 12 && memcmp(buffer + 9, "200", 3) == 0;
		total += (size_t)n;
	}
	close(s);
	return ok && total > PAGE_BYTES;
}

/* The server's CPU time so far (/proc/PID/schedstat: nanoseconds on the CPU, instructions under --icount). */
static unsigned long long cpu_of(pid_t pid)
{
	char path[64];
	unsigned long long ns = 0;
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL || fscanf(f, "%llu", &ns) != 1)
		fail("cannot read the server's /proc/PID/schedstat");
	fclose(f);
	return ns;
}

/* How many sockets the server has open (the listening one, and one per client connection not yet closed). */
static int sockets_of(pid_t pid)
{
	char path[64], entry[330], target[64];
	snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	if (d == NULL)
		fail("cannot list the server's /proc/PID/fd");
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		snprintf(entry, sizeof entry, "%s/%s", path, e->d_name);
		ssize_t length = readlink(entry, target, sizeof target - 1);
		if (length > 0 && (target[length] = 0, strncmp(target, "socket:", 7) == 0))
			n++;
	}
	closedir(d);
	return n;
}

struct served {
	unsigned long long per_request;
	int exit_status;
};

/* lighttpd (argv) serving REQUESTS pages: its CPU time per request, and its exit status after SIGTERM. */
static struct served serve(char *const argv[])
{
	pid_t pid = fork();
	if (pid < 0)
		fail("fork failed");
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	int up = -1;
	for (int tries = 0; tries < 400 && up < 0; tries++) {
		up = request();
		if (up < 0)
			usleep(50000);
	}
	if (up != 1)
		fail("lighttpd did not serve the page");
	for (int i = 0; i < WARMUP_REQUESTS; i++)
		request();
	unsigned long long before = cpu_of(pid);
	for (int i = 0; i < REQUESTS; i++)
		if (request() != 1)
			fail("lighttpd served a page wrong");
	unsigned long long after = cpu_of(pid);
	/* lighttpd exits 1 when SIGTERM finds a connection still open: first let it close the last one. */
	for (int tries = 0; tries < 200 && sockets_of(pid) > 1; tries++)
		usleep(20000);
	kill(pid, SIGTERM);
	int status;
	waitpid(pid, &status, 0);
	return (struct served){(after - before) / REQUESTS, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)};
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "calls") == 0)
		return calls(atol(argv[2]));
	if (argc == 3 && strcmp(argv[1], "cpu") == 0)
		return cpu(atol(argv[2]));
	int json = argc > 1 && strcmp(argv[1], "--json") == 0;
	if (argc != 3 + json) {
		fprintf(stderr, "usage: sandbox-bench [--json] SANDBOX FIRST | calls N | cpu N\n");
		return 2;
	}
	const char *sandbox = argv[1 + json], *first = argv[2 + json];
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		fail("cannot read /proc/self/exe");
	self[n] = 0;

	struct startup start_native = startup(NULL, first), start_sandboxed = startup(sandbox, first);
	unsigned long long call_native = workload(NULL, self, "calls", CALLS), call_sandboxed = workload(sandbox, self, "calls", CALLS);
	unsigned long long cpu_native = workload(NULL, self, "cpu", ROUNDS), cpu_sandboxed = workload(sandbox, self, "cpu", ROUNDS);

	loopback_up();
	mkdir("/tmp/bench-www", 0755);
	static char page[PAGE_BYTES];
	for (int i = 0; i < PAGE_BYTES; i++)
		page[i] = (char)('a' + i % 26);
	write_file("/tmp/bench-www/page.html", page, sizeof page);
	static const char conf[] = "server.document-root = \"/tmp/bench-www\"\nserver.port = 8082\nserver.bind = \"127.0.0.1\"\n"
				   "mimetype.assign = (\".html\" => \"text/html\")\n";
	write_file("/tmp/bench-lighttpd.conf", conf, sizeof conf - 1);
	static const char policy[] = "default allow\nnetwork on\npath / ro\npath /tmp rw\npath /dev/null rw\n";
	write_file("/tmp/bench-net.policy", policy, sizeof policy - 1);
	char *lighttpd_native[] = {"/debian/bin/lighttpd", "-D", "-f", "/tmp/bench-lighttpd.conf", NULL};
	char *lighttpd_sandboxed[] = {(char *)sandbox, "--policy", "/tmp/bench-net.policy", "--", "/debian/bin/lighttpd", "-D", "-f",
				      "/tmp/bench-lighttpd.conf", NULL};
	struct served web_native = serve(lighttpd_native), web_sandboxed = serve(lighttpd_sandboxed);

	if (json) {
		printf("{\"startup\": {\"native\": {\"cpu\": %llu, \"elapsed\": %llu, \"total\": %llu}, "
		       "\"sandboxed\": {\"cpu\": %llu, \"elapsed\": %llu, \"total\": %llu}},\n",
		       start_native.cpu, start_native.elapsed, start_native.total, start_sandboxed.cpu, start_sandboxed.elapsed,
		       start_sandboxed.total);
		printf(" \"call\": {\"native\": %llu, \"sandboxed\": %llu},\n", call_native, call_sandboxed);
		printf(" \"cpuBound\": {\"native\": %llu, \"sandboxed\": %llu},\n", cpu_native, cpu_sandboxed);
		printf(" \"lighttpd\": {\"requests\": %d, \"pageBytes\": %d, \"native\": {\"perRequest\": %llu, \"exit\": %d}, "
		       "\"sandboxed\": {\"perRequest\": %llu, \"exit\": %d}}}\n",
		       REQUESTS, PAGE_BYTES, web_native.per_request, web_native.exit_status, web_sandboxed.per_request,
		       web_sandboxed.exit_status);
		return 0;
	}
	printf("%-44s %14s %14s %8s\n", "", "native", "sandboxed", "ratio");
	printf("%-44s %14llu %14llu %8.2f\n", "start-up: CPU time at the first instruction", start_native.cpu, start_sandboxed.cpu,
	       (double)start_sandboxed.cpu / (double)start_native.cpu);
	printf("%-44s %14llu %14llu %8.2f\n", "start-up: elapsed to the first instruction", start_native.elapsed,
	       start_sandboxed.elapsed, (double)start_sandboxed.elapsed / (double)start_native.elapsed);
	printf("%-44s %14llu %14llu %8.2f\n", "start-up: elapsed from fork to wait", start_native.total, start_sandboxed.total,
	       (double)start_sandboxed.total / (double)start_native.total);
	printf("%-44s %14llu %14llu %8.2f\n", "getppid, per call", call_native, call_sandboxed, (double)call_sandboxed / (double)call_native);
	printf("%-44s %14llu %14llu %8.4f\n", "CPU-bound loop", cpu_native, cpu_sandboxed, (double)cpu_sandboxed / (double)cpu_native);
	printf("%-44s %14llu %14llu %8.2f\n", "lighttpd: server CPU time per request", web_native.per_request, web_sandboxed.per_request,
	       (double)web_sandboxed.per_request / (double)web_native.per_request);
	printf("%-44s %14d %14d\n", "lighttpd: exit status after SIGTERM", web_native.exit_status, web_sandboxed.exit_status);
	return 0;
}
