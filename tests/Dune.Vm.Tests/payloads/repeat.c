/*
 * repeat N PROGRAM [ARGS...]: runs PROGRAM N times in sequence and checks that every run exits 0 and
 * that nothing outlives it (no child process or KVM VM left behind). Prints one summary line.
 * Used to show that Dune processes release their VM, vCPU and threads when they exit.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Number of processes in /proc other than ourselves whose parent is us. */
static int live_children(void)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    int n = 0;
    char path[300], buf[512];
    while (d && (e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        int fd = open(path, O_RDONLY);
        if (fd < 0)
            continue;
        ssize_t len = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (len <= 0)
            continue;
        buf[len] = 0;
        char *paren = strrchr(buf, ')');
        int ppid;
        if (paren && sscanf(paren + 2, "%*c %d", &ppid) == 1 && ppid == getpid())
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: repeat N PROGRAM [ARGS...]\n");
        return 2;
    }
    int runs = atoi(argv[1]), ok = 0;
    for (int i = 0; i < runs; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execv(argv[2], argv + 2);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) != pid) {
            perror("waitpid");
            return 1;
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            ok++;
        else
            fprintf(stderr, "repeat: run %d ended with status 0x%x\n", i + 1, status);
        if (live_children() != 0) {
            fprintf(stderr, "repeat: a process outlived run %d\n", i + 1);
            return 1;
        }
    }
    printf("repeat: %d/%d runs exited 0, nothing left running\n", ok, runs);
    return ok == runs ? 0 : 1;
}
