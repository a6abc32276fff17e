/*
 * startup PROGRAM [ARGS...]: runs PROGRAM to its end and prints how many instructions that took, from just
 * before fork to just after wait (under tests/vm/run.sh --icount, rdtsc counts instructions). Run once with a
 * program that exits at its first instruction and once with the sandbox running it: the difference is what
 * the sandbox adds before the program's first instruction (and after its exit).
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <x86intrin.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: startup PROGRAM [ARGS...]\n");
		return 2;
	}
	unsigned long long start = __rdtsc();
	pid_t pid = fork();
	if (pid == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	unsigned long long end = __rdtsc();
	printf("%llu instructions, status %d\n", end - start, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
