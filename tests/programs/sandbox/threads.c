/*
 * POSIX threads in a sandboxed program, one behaviour per argument: workers with their own TLS and stacks
 * joined with their results, a mutex-protected counter, a condition-variable ping-pong, malloc from every
 * thread, and a thread that ends the process with exit(). Run natively and under samples/sandbox in the
 * same boot (SandboxTests): the output and exit status must be the same. It prints no tids, only how they relate:
 * the workers are all alive at once when they read theirs (a barrier), so they must differ, as Linux guarantees for
 * live threads. (A tid may come back after its thread exited: a sandboxed thread's tid is its vCPU's host thread,
 * which the KVM backend keeps parked for the next thread.)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "basic")) basic();
	else if (!strcmp(mode, "exit")) thread_exit();
	else { fprintf(stderr, "usage: threads basic|exit\n"); return 2; }
	return 0;
}
