/*
 * Processes in a sandboxed program, one behaviour per argument: fork, vfork, posix_spawn, system, execve (its
 * errors, #! scripts, close-on-exec), pipes between parent and child, wait4, SIGCHLD and children ended by signals,
 * kill to a child and to the process group, vfork's parent waiting for the child's exec or exit, clone3 (processes,
 * pidfd beside the parent's tid, CLONE_CLEAR_SIGHAND, the struct's checks), execveat (relative to a directory
 * descriptor, of a descriptor, its errors), an open the sandbox checks that a SIGCHLD catches. Run natively and under
 * samples/sandbox in the same boot (SandboxTests): the output and exit status must be the same. It prints no
 * pids, only how they relate.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
static volatile sig_atomic_t children;

static void report(const char *what, int status)
{
	if (WIFEXITED(status)) printf("%s: exited %d\n", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status)) printf("%s: signal %d\n", what, WTERMSIG(status));
	else printf("%s: status %#x\n", what, status);
}

static void wait_for(const char *what, pid_t pid)
{
	int status;
	pid_t r = waitpid(pid, &status, 0);
	if (r != pid) printf("%s: waitpid %s\n", what, strerror(errno));
	else report(what, status);
	fflush(stdout);
}

static void fork_basic(void)
{
	int fds[2];
	pid_t parent = getpid();
	if (pipe(fds)) { perror("pipe"); exit(1); }
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		char line[64];
		int n = snprintf(line, sizeof line, "child: parent is mine %d, me new %d\n", getppid() == parent, getpid() != parent);
		write(fds[1], line, n);
		_exit(7);
	}
	close(fds[1]);
	char buffer[128];
	ssize_t n, total = 0;
	while ((n = read(fds[0], buffer + total, sizeof buffer - 1 - total)) > 0) total += n;
	buffer[total] = 0;
	printf("parent read: %s", buffer);
	wait_for("fork", pid);
	/* Memory after fork is the child's own copy. */
	static int shared = 1;
	pid = fork();
	if (pid == 0) { shared = 2; _exit(shared); }
	wait_for("copy", pid);
	printf("parent still has %d\n", shared);
	int status;
	printf("no more children: %d %s\n", waitpid(-1, &status, WNOHANG), strerror(errno));
}

static void on_child(int sig)
{
	(void)sig;
	children++;
}

static void sigchld(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_child;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) _exit(3);
	while (!children) sigsuspend(&old);
	printf("SIGCHLD handled %d\n", (int)children);
	wait_for("sigchld", pid);
	siginfo_t info;
	memset(&info, 0, sizeof info);
	pid = fork();
	if (pid == 0) _exit(4);
	if (waitid(P_PID, pid, &info, WEXITED) == 0)
		printf("waitid: code %d status %d pid matches %d\n", info.si_code, info.si_status, info.si_pid == pid);
}

static void exec_errors(const char *self)
{
	char *argv[] = { "x", NULL };
	execve("/nonexistent/program", argv, environ);
	printf("missing: %s\n", strerror(errno));
	execve("/tmp", argv, environ);
	printf("directory: %s\n", strerror(errno));
	unlink("/tmp/procs-not-elf");
	int fd = open("/tmp/procs-not-elf", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, "just text\n", 10);
	close(fd);
	execve("/tmp/procs-not-elf", argv, environ);
	printf("not ELF: %s\n", strerror(errno));
	chmod("/tmp/procs-not-elf", 0644);
	execve("/tmp/procs-not-elf", argv, environ);
	printf("not executable: %s\n", strerror(errno));
	char **volatile unreadable = (char **)8;
	execve(self, unreadable, environ);
	printf("bad argv: %s\n", strerror(errno));
}

static void exec_run(const char *self)
{
	/* A descriptor without close-on-exec survives, one with it does not. */
	int kept = open("/dev/null", O_RDONLY), closed = open("/dev/null", O_RDONLY | O_CLOEXEC);
	char a[16], b[16];
	snprintf(a, sizeof a, "%d", kept);
	snprintf(b, sizeof b, "%d", closed);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self, "check-fds", a, b, NULL };
		execve(self, argv, environ);
		_exit(99);
	}
	wait_for("exec self", pid);
	int fdsc = open("/tmp/procs-script", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	const char *script = "#!/bin/sh -e\necho \"script: $0 $1 $2\"\n/debian/bin/echo from a child of the script | /debian/bin/tr a-z A-Z\nexit 5\n";
	write(fdsc, script, strlen(script));
	close(fdsc);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "procs-script", "one", "two", NULL };
		execve("/tmp/procs-script", argv, environ);
		_exit(99);
	}
	wait_for("script", pid);
	/* The handler of a caught signal is gone after exec, an ignored one stays ignored. */
	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, on_child);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self, "check-signals", NULL };
		execve(self, argv, environ);
		_exit(99);
	}
	wait_for("signals after exec", pid);
}

static void check_fds(int kept, int closed)
{
	printf("after exec: fd kept %s, fd close-on-exec %s\n", fcntl(kept, F_GETFD) >= 0 ? "open" : "closed",
		fcntl(closed, F_GETFD) >= 0 ? "open" : "closed");
}

static void check_signals(void)
{
	struct sigaction usr1, usr2;
	sigaction(SIGUSR1, NULL, &usr1);
	sigaction(SIGUSR2, NULL, &usr2);
	printf("after exec: USR1 %s, USR2 %s\n", usr1.sa_handler == SIG_IGN ? "ignored" : "not ignored",
		usr2.sa_handler == SIG_DFL ? "default" : "not default");
	fflush(stdout);
	raise(SIGUSR1);
	printf("USR1 ignored\n");
}

static void spawn(void)
{
	pid_t pid;
	char *argv[] = { "echo", "spawned", "by", "posix_spawn", NULL };
	fflush(stdout);
	int r = posix_spawn(&pid, "/debian/bin/echo", NULL, NULL, argv, environ);
	if (r != 0) printf("posix_spawn: %s\n", strerror(r));
	else wait_for("posix_spawn", pid);
	int status = system("/debian/bin/echo via system; exit 6");
	report("system", status);
	fflush(stdout);
	pid = vfork();
	if (pid == 0) _exit(5);
	wait_for("vfork", pid);
	pid = vfork();
	if (pid == 0) {
		char *args[] = { "true", NULL };
		execve("/debian/bin/true", args, environ);
		_exit(99);
	}
	wait_for("vfork exec", pid);
	/* The vfork child writes its parent's memory: posix_spawn reports exec's error that way, and so may vfork's callers. */
	r = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, argv, environ);
	printf("posix_spawn of a missing program: %s\n", r ? strerror(r) : "started");
	if (r == 0) wait_for("posix_spawn of a missing program", pid);
	volatile int shared = 1, seen_by_child = 0;
	volatile char text[64] = "unchanged";
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		seen_by_child = shared;
		shared = 2;
		strcpy((char *)text, "written by the vfork child");
		_exit(0);
	}
	wait_for("vfork writer", pid);
	printf("after the vfork child: shared %d, seen by the child %d, text \"%s\"\n", shared, seen_by_child, (char *)text);
}

static void signaled(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) { raise(SIGTERM); _exit(1); }
	wait_for("raise SIGTERM", pid);
	pid = fork();
	if (pid == 0) abort();
	wait_for("abort", pid);
	pid = fork();
	if (pid == 0) {
		int *volatile nowhere = (int *)8;
		*nowhere = 1;
		_exit(1);
	}
	wait_for("null write", pid);
}

static volatile sig_atomic_t got_usr1, got_usr2;

static void on_usr(int sig)
{
	if (sig == SIGUSR1) got_usr1 = 1;
	else got_usr2 = 1;
}

/* A child that handles SIGUSR1 and SIGUSR2, tells the parent through the pipe it is ready, and exits with what it got. */
static pid_t ready_child(void)
{
	int fds[2];
	pipe(fds);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		struct sigaction sa = { 0 };
		sa.sa_handler = on_usr;
		sigaction(SIGUSR1, &sa, NULL);
		sigaction(SIGUSR2, &sa, NULL);
		write(fds[1], "r", 1);
		close(fds[1]);
		for (int i = 0; i < 1000 && !got_usr1 && !got_usr2; i++) {
			struct timespec t = { 0, 10 * 1000 * 1000 };
			nanosleep(&t, NULL);
		}
		_exit(got_usr1 * 10 + got_usr2);
	}
	close(fds[1]);
	char c;
	read(fds[0], &c, 1);
	close(fds[0]);
	return pid;
}

static void kill_children(void)
{
	pid_t pid = ready_child();
	printf("kill child USR1: %d\n", kill(pid, SIGUSR1));
	wait_for("child", pid);
	pid = ready_child();
	kill(pid, SIGTERM);
	wait_for("child sent SIGTERM", pid);
	pid = ready_child();
	printf("probe: %d\n", kill(pid, 0));
	kill(pid, SIGKILL);
	wait_for("child sent SIGKILL", pid);
	int r = kill(pid, 0);
	printf("probe after reaping: %d %s\n", r, strerror(errno));
	/* A process group of its own (the program and its child): kill(0) reaches both. */
	setpgid(0, 0);
	struct sigaction sa = { 0 };
	sa.sa_handler = on_usr;
	sigaction(SIGUSR2, &sa, NULL);
	pid = ready_child();
	printf("kill group USR2: %d\n", kill(0, SIGUSR2));
	wait_for("child of the group", pid);
	printf("the program got USR2 too %d\n", (int)got_usr2);
	got_usr2 = 0;
	pid = ready_child();
	printf("kill -pgid USR2: %d\n", kill(-getpgrp(), SIGUSR2));
	wait_for("child of the group again", pid);
	printf("the program got USR2 again %d\n", (int)got_usr2);
}

static void vfork_wait(void)
{
	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0) {
		struct timespec t = { 0, 200 * 1000 * 1000 };
		nanosleep(&t, NULL);
		write(1, "vfork child exits first\n", 24);
		_exit(4);
	}
	write(1, "vfork parent goes on\n", 21);
	wait_for("vfork", pid);
	pid = vfork();
	if (pid == 0) {
		struct timespec t = { 0, 200 * 1000 * 1000 };
		nanosleep(&t, NULL);
		write(1, "vfork child execs\n", 18);
		char *args[] = { "true", NULL };
		execve("/debian/bin/true", args, environ);
		_exit(99);
	}
	write(1, "vfork parent goes on after the exec\n", 36);
	wait_for("vfork exec", pid);
}

static long clone3_call(struct clone_args *args, size_t size)
{
	fflush(stdout);
	return syscall(SYS_clone3, args, size);
}

static void clone3_errno(const char *what, struct clone_args *args, size_t size)
{
	long r = clone3_call(args, size);
	if (r == 0) _exit(99);
	printf("%s: %s\n", what, r > 0 ? "started" : strerror(errno));
	if (r > 0) wait_for(what, r);
}

static void on_usr1(int sig) { (void)sig; }

static void clone3_processes(void)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	long pid = clone3_call(&args, sizeof args);
	if (pid == 0) _exit(3);
	wait_for("clone3 fork", pid);

	int pidfd = -1, parent_tid = 0;
	args = (struct clone_args){ .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .pidfd = (unsigned long)&pidfd,
		.parent_tid = (unsigned long)&parent_tid, .exit_signal = SIGCHLD };
	pid = clone3_call(&args, sizeof args);
	if (pid == 0) _exit(parent_tid == 0 ? 4 : 40);
	printf("pidfd open %d, parent tid is the pid %d\n", pidfd >= 0 && fcntl(pidfd, F_GETFD) >= 0, parent_tid == pid);
	close(pidfd);
	wait_for("clone3 pidfd", pid);

	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, SIG_IGN);
	args = (struct clone_args){ .flags = CLONE_CLEAR_SIGHAND, .exit_signal = SIGCHLD };
	pid = clone3_call(&args, sizeof args);
	if (pid == 0) {
		struct sigaction usr1, usr2;
		sigaction(SIGUSR1, NULL, &usr1);
		sigaction(SIGUSR2, NULL, &usr2);
		_exit((usr1.sa_handler == SIG_DFL) + 2 * (usr2.sa_handler == SIG_IGN));
	}
	wait_for("clone3 clear sighand (3: USR1 default, USR2 ignored)", pid);
	struct sigaction kept;
	sigaction(SIGUSR1, NULL, &kept);
	printf("parent keeps its handler %d\n", kept.sa_handler == on_usr1);

	unsigned char big[sizeof args + 8];
	memset(big, 0, sizeof big);
	memcpy(big, &(struct clone_args){ .exit_signal = SIGCHLD }, sizeof args);
	clone3_errno("size 63", &args, 63);
	clone3_errno("size 4097", &args, 4097);
	big[sizeof args + 3] = 1;
	clone3_errno("unknown field set", (struct clone_args *)big, sizeof big);
	big[sizeof args + 3] = 0;
	clone3_errno("unknown field zero", (struct clone_args *)big, sizeof big);
	args = (struct clone_args){ .exit_signal = 65 };
	clone3_errno("exit signal 65", &args, sizeof args);
	args = (struct clone_args){ .flags = SIGCHLD };
	clone3_errno("exit signal in the flags", &args, sizeof args);
	args = (struct clone_args){ .exit_signal = SIGCHLD, .stack_size = 4096 };
	clone3_errno("stack size without a stack", &args, sizeof args);
	args = (struct clone_args){ .flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, .exit_signal = SIGCHLD };
	clone3_errno("thread with an exit signal", &args, sizeof args);
	clone3_errno("bad pointer", (struct clone_args *)8, sizeof args);
}

/* execveat in a child: how the child ended, or the call's error. */
static void execveat_child(const char *what, int dirfd, const char *path, int flags)
{
	int errors[2];
	pipe2(errors, O_CLOEXEC);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "procs-exec", "one", NULL };
		syscall(SYS_execveat, dirfd, path, argv, environ, flags);
		int e = errno;
		write(errors[1], &e, sizeof e);
		_exit(99);
	}
	close(errors[1]);
	int e = 0;
	int failed = read(errors[0], &e, sizeof e) == sizeof e;
	close(errors[0]);
	int status;
	waitpid(pid, &status, 0);
	if (failed) printf("%s: %s\n", what, strerror(e));
	else report(what, status);
}

static void execveat_run(void)
{
	int bin = open("/debian/bin", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int file = open("/debian/bin/true", O_RDONLY | O_CLOEXEC);
	int falsefile = open("/debian/bin/false", O_PATH | O_CLOEXEC);
	printf("descriptors %d %d %d\n", bin, file, falsefile);
	execveat_child("absolute", bin, "/debian/bin/true", 0);
	execveat_child("relative to the directory", bin, "true", 0);
	execveat_child("the descriptor's file", file, "", AT_EMPTY_PATH);
	execveat_child("an O_PATH descriptor", falsefile, "", AT_EMPTY_PATH);
	int fdsc = open("/tmp/procs-script-at", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	const char *script = "#!/bin/sh\necho \"script: $0 $1\"\nexit 6\n";
	write(fdsc, script, strlen(script));
	close(fdsc);
	int tmp = open("/tmp", O_RDONLY | O_DIRECTORY);
	execveat_child("a script relative to a directory", tmp, "procs-script-at", 0);
	unlink("/tmp/procs-link-at");
	symlink("/debian/bin/true", "/tmp/procs-link-at");
	execveat_child("through a link", tmp, "procs-link-at", 0);
	execveat_child("a link with AT_SYMLINK_NOFOLLOW", tmp, "procs-link-at", AT_SYMLINK_NOFOLLOW);
	execveat_child("an empty path", bin, "", 0);
	execveat_child("unknown flags", bin, "true", 1);
	execveat_child("a closed descriptor", 900, "true", 0);
	execveat_child("relative to a file", file, "true", 0);
	execveat_child("missing", bin, "no-such-program", 0);
	execveat_child("a directory", tmp, "", AT_EMPTY_PATH);
	close(tmp);
	unlink("/tmp/procs-link-at");
	unlink("/tmp/procs-script-at");
}

/*
 * An open the sandbox checks against its path rules before passing it on (a FIFO's, which waits for a writer)
 * while a child's SIGCHLD arrives: ignored, the signal does not interrupt it; with an SA_RESTART handler the open
 * restarts; without one it fails with EINTR. The writer opens the FIFO well after the other child ended.
 */
static void fifo_open_case(const char *what, void (*handler)(int), int flags)
{
	const char *fifo = "/tmp/procs-fifo";
	unlink(fifo);
	if (mkfifo(fifo, 0600)) { perror("mkfifo"); exit(1); }
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	children = 0;
	fflush(stdout);
	pid_t writer = fork();
	if (writer == 0) {
		usleep(800000);
		int fd = open(fifo, O_WRONLY);
		write(fd, "x", 1);
		_exit(0);
	}
	pid_t quick = fork();
	if (quick == 0) { usleep(200000); _exit(0); }
	int fd = open(fifo, O_RDONLY);
	int interrupted = fd < 0 && errno == EINTR;
	if (fd < 0) fd = open(fifo, O_RDONLY);
	char c = '-';
	if (read(fd, &c, 1) != 1) c = '?';
	close(fd);
	signal(SIGCHLD, SIG_DFL);
	int handled = children > 0;
	wait_for("quick child", quick);
	wait_for("writer", writer);
	printf("%s: open %s, read %c, handler ran %d\n", what, interrupted ? "interrupted" : "completed", c, handled);
	unlink(fifo);
}

static void fifo_open(void)
{
	fifo_open_case("SIGCHLD ignored", SIG_DFL, 0);
	fifo_open_case("handler with SA_RESTART", on_child, SA_RESTART);
	fifo_open_case("handler without SA_RESTART", on_child, 0);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	const char *mode = argc > 1 ? argv[1] : "";
	if (!strcmp(mode, "fork")) fork_basic();
	else if (!strcmp(mode, "sigchld")) sigchld();
	else if (!strcmp(mode, "exec-errors")) exec_errors(argv[0]);
	else if (!strcmp(mode, "exec")) exec_run(argv[0]);
	else if (!strcmp(mode, "check-fds") && argc > 3) check_fds(atoi(argv[2]), atoi(argv[3]));
	else if (!strcmp(mode, "check-signals")) check_signals();
	else if (!strcmp(mode, "spawn")) spawn();
	else if (!strcmp(mode, "signaled")) signaled();
	else if (!strcmp(mode, "kill")) kill_children();
	else if (!strcmp(mode, "vfork-wait")) vfork_wait();
	else if (!strcmp(mode, "clone3")) clone3_processes();
	else if (!strcmp(mode, "execveat")) execveat_run();
	else if (!strcmp(mode, "fifo-open")) fifo_open();
	else { fprintf(stderr, "usage: procs fork|sigchld|exec-errors|exec|spawn|signaled|kill|vfork-wait|clone3|execveat|fifo-open\n"); return 2; }
	return 0;
}
