/*
 * POSIX threads in a sandboxed program, one behaviour per argument: workers with their own TLS and stacks
 * joined with their results, a mutex-protected counter, a condition-variable ping-pong, malloc from every
 * thread, a thread that ends the process with exit(); per-thread signal masks (a process signal runs its
 * handler in the thread that does not block it, pthread_kill, sigwait, per-thread sigpending); the first thread's
 * pthread_exit leaving the others running; execve from a thread while others run. Run natively and under samples/sandbox in the
 * same boot (SandboxTests): the output and exit status must be the same. It prints no tids, only how they relate:
 * the workers are all alive at once when they read theirs (a barrier), so they must differ, as Linux guarantees for
 * live threads. (A tid may come back after its thread exited: a sandboxed thread's tid is its vCPU's host thread,
 * which the KVM backend keeps parked for the next thread.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define WORKERS 4
#define ROUNDS 20000

static __thread long mine = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn = PTHREAD_COND_INITIALIZER;
static long counter;
static int ball;
static pid_t tids[WORKERS];
static pthread_barrier_t all_alive;

static void *work(void *arg)
{
	long index = (long)(intptr_t)arg;
	mine = index;
	tids[index] = gettid();
	pthread_barrier_wait(&all_alive);
	long sum = 0;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		sum += i % (index + 2);
	}
	char *block = malloc(100000 + index);
	memset(block, (int)index, 100000 + index);
	sum += block[99999];
	free(block);
	return (void *)(intptr_t)(sum * 10 + (mine == index));
}

static void *player(void *arg)
{
	int me = (int)(intptr_t)arg;
	for (int i = 0; i < 50; i++) {
		pthread_mutex_lock(&lock);
		while (ball != me) pthread_cond_wait(&turn, &lock);
		ball = 1 - me;
		pthread_cond_broadcast(&turn);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void basic(void)
{
	pthread_t threads[WORKERS];
	mine = 99;
	pthread_barrier_init(&all_alive, NULL, WORKERS);
	for (long i = 0; i < WORKERS; i++)
		if (pthread_create(&threads[i], NULL, work, (void *)(intptr_t)i) != 0) { printf("pthread_create failed\n"); exit(1); }
	for (int i = 0; i < WORKERS; i++) {
		void *result;
		pthread_join(threads[i], &result);
		printf("worker %d: %ld\n", i, (long)(intptr_t)result);
	}
	int distinct = 1;
	for (int i = 0; i < WORKERS; i++) {
		if (tids[i] == getpid() || tids[i] <= 0) distinct = 0;
		for (int j = 0; j < i; j++) if (tids[i] == tids[j]) distinct = 0;
	}
	printf("counter %ld, main's TLS %ld, tids distinct %d\n", counter, mine, distinct);
	pthread_t a, b;
	pthread_create(&a, NULL, player, (void *)0);
	pthread_create(&b, NULL, player, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("ping-pong done, ball %d\n", ball);
}

static void *exiter(void *arg)
{
	(void)arg;
	printf("thread exits the process\n");
	exit(5);
}

static void thread_exit(void)
{
	pthread_t t;
	pthread_create(&t, NULL, exiter, NULL);
	pthread_join(t, NULL);
	printf("not reached\n");
}

static pthread_t worker_thread;
static volatile sig_atomic_t handled_in_worker = -1, handled_signal;
static volatile int worker_ready, worker_stop;

static void on_signal(int sig)
{
	handled_signal = sig;
	handled_in_worker = pthread_equal(pthread_self(), worker_thread);
}

static void *sig_worker(void *arg)
{
	(void)arg;
	__atomic_store_n(&worker_ready, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&worker_stop, __ATOMIC_SEQ_CST)) {
		struct timespec t = { 0, 20 * 1000 * 1000 };
		nanosleep(&t, NULL); /* a host call the signal interrupts */
	}
	return NULL;
}

static void wait_handled(void)
{
	for (int i = 0; i < 500 && handled_signal == 0; i++) {
		struct timespec t = { 0, 10 * 1000 * 1000 };
		nanosleep(&t, NULL);
	}
}

static void *pending_reader(void *arg)
{
	sigset_t set;
	sigpending(&set);
	*(int *)arg = sigismember(&set, SIGUSR2);
	return NULL;
}

static void *sender(void *arg)
{
	(void)arg;
	struct timespec t = { 0, 50 * 1000 * 1000 };
	nanosleep(&t, NULL);
	kill(getpid(), SIGUSR2);
	return NULL;
}

static void thread_masks(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigset_t usr1, usr2, old;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	pthread_create(&worker_thread, NULL, sig_worker, NULL);
	while (!__atomic_load_n(&worker_ready, __ATOMIC_SEQ_CST)) sched_yield();
	/* The worker started with main's mask (nothing blocked); now only main blocks SIGUSR1. */
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	pthread_sigmask(SIG_BLOCK, NULL, &old);
	printf("main blocks USR1 %d\n", sigismember(&old, SIGUSR1));
	kill(getpid(), SIGUSR1);
	wait_handled();
	printf("process USR1: signal %d handled in the worker %d\n", (int)handled_signal, (int)handled_in_worker);
	handled_signal = 0;
	pthread_kill(worker_thread, SIGUSR2);
	wait_handled();
	printf("pthread_kill USR2: signal %d handled in the worker %d\n", (int)handled_signal, (int)handled_in_worker);
	__atomic_store_n(&worker_stop, 1, __ATOMIC_SEQ_CST);
	pthread_join(worker_thread, NULL);

	/* A signal sent to a thread that blocks it stays that thread's: its sigpending shows it, another thread's does not. */
	pthread_sigmask(SIG_BLOCK, &usr2, NULL);
	pthread_kill(pthread_self(), SIGUSR2);
	sigset_t mine;
	sigpending(&mine);
	int other = -1;
	pthread_t reader;
	pthread_create(&reader, NULL, pending_reader, &other);
	pthread_join(reader, NULL);
	printf("sigpending: main %d, another thread %d\n", sigismember(&mine, SIGUSR2), other);
	int sig = 0;
	sigwait(&usr2, &sig);
	printf("sigwait took the thread's own %d\n", sig);

	/* Every thread blocks SIGUSR2 (new threads inherit the mask): sigwait in main takes the one another thread sends. */
	pthread_t s;
	pthread_create(&s, NULL, sender, NULL);
	siginfo_t info;
	sig = sigwaitinfo(&usr2, &info);
	printf("sigwaitinfo: %d, code SI_USER %d, from this process %d\n", sig, info.si_code == SI_USER, info.si_pid == getpid());
	pthread_join(s, NULL);
	struct timespec zero = { 0, 20 * 1000 * 1000 };
	errno = 0;
	int r = sigtimedwait(&usr2, &info, &zero);
	printf("sigtimedwait with nothing pending: %d %s\n", r, strerror(errno));
	printf("main's handler never ran %d\n", handled_in_worker == 1);
}

static volatile int main_gone;

static void *survivor(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&main_gone, __ATOMIC_SEQ_CST)) sched_yield();
	struct timespec t = { 0, 100 * 1000 * 1000 };
	nanosleep(&t, NULL);
	printf("the worker goes on after main's pthread_exit\n");
	fflush(stdout);
	syscall(SYS_exit, 7); /* the last thread's own exit: Linux reports its status for the process */
	return NULL;
}

static void main_exit(void)
{
	pthread_t t;
	pthread_create(&t, NULL, survivor, NULL);
	printf("main calls pthread_exit\n");
	fflush(stdout);
	__atomic_store_n(&main_gone, 1, __ATOMIC_SEQ_CST);
	pthread_exit(NULL);
}

static const char *self_path;
static pid_t original_pid;

static void *spinner(void *arg)
{
	(void)arg;
	for (;;) __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED); /* no system call: only preemption can end it */
	return NULL;
}

static void *sleeper(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) pthread_cond_wait(&turn, &lock); /* blocked in the host's futex wait */
	return NULL;
}

static void *execer(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&counter, __ATOMIC_RELAXED) == 0) sched_yield();
	char pid[16];
	snprintf(pid, sizeof pid, "%d", (int)original_pid);
	char *args[] = { "threads", "after-exec", pid, NULL };
	execv(self_path, args);
	printf("execv: %s\n", strerror(errno));
	exit(1);
}

static void exec_threads(void)
{
	original_pid = getpid();
	pthread_t a, b, c;
	pthread_create(&a, NULL, spinner, NULL);
	pthread_create(&b, NULL, sleeper, NULL);
	pthread_create(&c, NULL, execer, NULL);
	pthread_join(c, NULL);
	printf("not reached\n");
}

static void after_exec(const char *pid)
{
	printf("after execve from a thread: same pid %d, its tid is the pid %d\n", getpid() == atoi(pid), syscall(SYS_gettid) == getpid());
	printf("tgkill to that tid: %d\n", (int)syscall(SYS_tgkill, getpid(), getpid(), 0));
	pthread_t t;
	pthread_create(&t, NULL, pending_reader, &(int){ 0 });
	pthread_join(t, NULL);
	printf("threads work in the new image\n");
	exit(3);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "basic")) basic();
	else if (!strcmp(mode, "exit")) thread_exit();
	else if (!strcmp(mode, "sigmask")) thread_masks();
	else if (!strcmp(mode, "main-exit")) main_exit();
	else if (!strcmp(mode, "exec")) { self_path = argv[0]; exec_threads(); }
	else if (!strcmp(mode, "after-exec") && argc > 2) after_exec(argv[2]);
	else { fprintf(stderr, "usage: threads basic|exit|sigmask|main-exit|exec\n"); return 2; }
	return 0;
}
