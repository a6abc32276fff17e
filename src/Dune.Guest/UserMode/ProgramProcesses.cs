using System.Collections.Generic;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// kill to processes other than the program itself: only the sandbox's own processes (the first program, <see
    /// cref="Root"/>, and its descendants: each a sandboxed program under a forked monitor) may be signalled, a child
    /// its parent too; the host's kill reaches their monitors, which relay the signal to their programs
    /// (<see cref="HostSignalRelay"/>). kill(0) and kill(-pgid) reach the program itself when it is in that group, and
    /// the sandbox's other processes in it, never other members of the group (the shell that started the sandbox);
    /// kill(-1) reaches every other process of the sandbox (not the caller, as Linux). A process outside the sandbox
    /// is EPERM (ESRCH if it does not exist), and so are the signals the monitor keeps for itself
    /// (<see cref="HostSignalRelay.Relays"/>).
    /// </summary>
    internal static unsafe class ProgramProcesses
    {
        private const int EPERM = 1, ESRCH = 3;
        private const long RtSigqueueinfo = 129, Getpgid = 121, Getdents64 = 217, AtFdcwd = -100, ODirectory = 0x10000, OCloexec = 0x80000;
        /// <summary>How far up the parent chain a descendant is looked for (deeper ones are not the program's in practice).</summary>
        private const int MaxDepth = 64;

        /// <summary>
        /// The pid of the sandbox's first program, whose descendants are the sandbox's other processes: set when its
        /// first user space is made, kept by its forked children (a copy of this memory) and across execve.
        /// </summary>
        internal static long Root;

        /// <summary>kill(<paramref name="target"/>, <paramref name="signal"/>) with <paramref name="target"/> not the program's pid; <paramref name="self"/>: the program is in the target group.</summary>
        public static long Kill(long target, int signal, long pid, out bool self)
        {
            self = false;
            if (target > 0)
            {
                if (!InSandbox(target, ReadParents(null))) return Exists(target) ? -EPERM : -ESRCH;
                return Forward(target, signal);
            }
            long group = target == 0 ? Syscall.Invoke(Getpgid, 0) : -target;
            self = target != -1 && group == Syscall.Invoke(Getpgid, 0);
            var groups = new Dictionary<long, long>();
            Dictionary<long, long> parents = ReadParents(groups);
            bool found = self;
            long result = 0;
            foreach (KeyValuePair<long, long> process in parents)
            {
                if (process.Key == pid || (target != -1 && groups[process.Key] != group) || !InSandbox(process.Key, parents)) continue;
                found = true;
                long r = Forward(process.Key, signal);
                if (r != 0) result = r;
            }
            return found ? result : target == -1 ? -ESRCH : -EPERM;
        }

        /// <summary>
        /// rt_sigqueueinfo(<paramref name="target"/>, <paramref name="signal"/>, <paramref name="info"/>) to another
        /// process of the sandbox, with the caller's siginfo (checked: readable, a code the caller may use), which its
        /// monitor relays with the signal.
        /// </summary>
        public static long Queue(long target, int signal, long info)
        {
            if (!InSandbox(target, ReadParents(null))) return Exists(target) ? -EPERM : -ESRCH;
            if (signal != 0 && !HostSignalRelay.Relays(signal)) return -EPERM;
            return Syscall.Invoke(RtSigqueueinfo, target, signal, info);
        }

        private static long Forward(long target, int signal) =>
            signal != 0 && !HostSignalRelay.Relays(signal) && signal != ProgramSignals.SigKill && signal != ProgramSignals.SigStop
                ? -EPERM : Syscall.Invoke(SyscallNumber.Kill, target, signal);

        /// <summary>Whether <paramref name="process"/> is <see cref="Root"/> or one of its descendants.</summary>
        private static bool InSandbox(long process, Dictionary<long, long> parents)
        {
            if (process == Root) return true;
            for (int depth = 0; depth < MaxDepth && parents.TryGetValue(process, out long parent); depth++)
            {
                if (parent == Root) return true;
                process = parent;
            }
            return false;
        }

        private static bool Exists(long target) => Syscall.Invoke(SyscallNumber.Kill, target, 0) != -ESRCH;

        /// <summary>Every process's parent (and, when <paramref name="groups"/> is given, its process group), from /proc/N/stat.</summary>
        private static Dictionary<long, long> ReadParents(Dictionary<long, long> groups)
        {
            var parents = new Dictionary<long, long>();
            byte* path = stackalloc byte[64];
            Ascii(path, "/proc", 0);
            long dir = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)path, ODirectory | OCloexec);
            if (dir < 0) return parents;
            const int BufferBytes = 4096;
            byte* buffer = stackalloc byte[BufferBytes];
            byte* stat = stackalloc byte[512];
            long n;
            while ((n = Syscall.Invoke(Getdents64, dir, (long)buffer, BufferBytes)) > 0)
            {
                for (long at = 0; at < n; at += *(ushort*)(buffer + at + 16))
                {
                    long process = Number(buffer + at + 19);
                    if (process <= 0) continue;
                    int end = Ascii(path, "/proc/", 0);
                    end = Digits(path, end, process);
                    Ascii(path, "/stat", end);
                    long fd = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)path, OCloexec);
                    if (fd < 0) continue;
                    long length = Syscall.Invoke(SyscallNumber.Read, fd, (long)stat, 511);
                    Syscall.Invoke(SyscallNumber.Close, fd);
                    if (length <= 0) continue;
                    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so start after the last ')'.
                    long close = length - 1;
                    while (close > 0 && stat[close] != ')') close--;
                    long field = close + 2;
                    while (field < length && stat[field] != ' ') field++;
                    long parent = Parse(stat, ref field, length), group = Parse(stat, ref field, length);
                    parents[process] = parent;
                    if (groups != null) groups[process] = group;
                }
            }
            Syscall.Invoke(SyscallNumber.Close, dir);
            return parents;
        }

        private static long Parse(byte* text, ref long at, long length)
        {
            while (at < length && text[at] == ' ') at++;
            long value = 0;
            for (; at < length && text[at] >= '0' && text[at] <= '9'; at++) value = value * 10 + (text[at] - '0');
            return value;
        }

        private static long Number(byte* name)
        {
            long value = 0;
            if (*name == 0) return -1;
            for (; *name != 0; name++)
            {
                if (*name < '0' || *name > '9' || value > 1 << 30) return -1;
                value = value * 10 + (*name - '0');
            }
            return value;
        }

        private static int Ascii(byte* to, string text, int at)
        {
            for (int i = 0; i < text.Length; i++) to[at + i] = (byte)text[i];
            to[at + text.Length] = 0;
            return at + text.Length;
        }

        private static int Digits(byte* to, int at, long value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do { digits[count++] = (byte)('0' + value % 10); value /= 10; } while (value != 0);
            while (count > 0) to[at++] = digits[--count];
            to[at] = 0;
            return at;
        }
    }
}
