using System.Runtime.CompilerServices;
using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Passing an allowed call through, as <see cref="SyscallTable"/> says. Forwarded calls go to the host kernel
    /// unchanged (Syscall.Invoke, a hypercall): user pages are host memory at the same addresses, so pointers
    /// mean the same there. But the host kernel sees the whole Dune process, so first every pointer argument
    /// must be ring 3's (<see cref="UserPointers"/>, -EFAULT otherwise), every descriptor argument the
    /// program's (<see cref="MonitorFds"/>: -EBADF for the monitor's), and no path may name the process's own
    /// /proc directory (/proc/self, /proc/thread-self, /proc/PID: -EACCES; opens are also checked by what they
    /// opened, which catches symlinks and relative paths). Emulated calls change the program, not the Dune
    /// process underneath: memory (mmap/munmap/mprotect/mremap mirrored into the space, fixed mappings only over
    /// the program's pages or free space outside the Dune region), the break, the FS base, descriptors
    /// (close/fcntl/ioctl/close_range), limits (the descriptor limit it sees is the monitor's floor), signal
    /// state (<see cref="ProgramSignals"/>, <see cref="SignalCalls"/>: dispositions, per-thread masks, kill, sigwait),
    /// futexes (checked, then the host's), processes (<see cref="UserFork"/>, execve) and threads (Ring3.Threads.cs). Timers (alarm, setitimer) are forwarded: the host's signal is relayed.
    /// </summary>
    internal static unsafe partial class UserKernel
    {
        public const int EPERM = 1, ENOENT = 2, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EEXIST = 17,
            EINVAL = 22, ENOTTY = 25, ENOSYS = 38, EINTR = 4, E2BIG = 7;
        /// <summary>The largest single mapping a program gets: the space's page tables could not hold much more.</summary>
        public const ulong MaxMapping = 4UL << 30;

        private const long ArchSetFs = 0x1002, ArchGetFs = 0x1003;
        private const int MapFixed = 0x10, MapFixedNoReplace = 0x100000, MremapMaymove = 1, MremapFixed = 2;
        private const long RlimitNofile = 7, FDupfd = 0, FDupfdCloexec = 1030;
        private const int FutexWait = 0, FutexWake = 1, FutexRequeue = 3, FutexCmpRequeue = 4, FutexWakeOp = 5, FutexWaitBitset = 9, FutexWakeBitset = 10,
            FutexCommandMask = 0x7f;

        /// <summary>Inlined into the SYSCALL handler: a forwarded call's whole path is one frame.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long PassThrough(UserSpace space, in SyscallCall call)
        {
            ref readonly SyscallInfo info = ref SyscallTable.Of(call.Number);
            if (info.Treatment == SyscallTreatment.Forward) return Checked(space, call, info.FdArgs, info.Pointers, -ENOSYS);
            return info.Treatment == SyscallTreatment.Refused ? -info.Errno : EmulateUnderLock(space, call);
        }

        /// <summary>An emulated call, under <see cref="UserSpace.Changes"/> unless it may wait.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long EmulateUnderLock(UserSpace space, in SyscallCall call)
        {
            if (MayBlock(call.Number)) return Emulate(space, call);
            lock (space.Changes) return Emulate(space, call);
        }

        /// <summary>Emulated calls that may wait (or start threads and processes, or only read the thread's tid): they change no shared bookkeeping, so they run without <see cref="UserSpace.Changes"/>.</summary>
        private static bool MayBlock(long number) =>
            number == SyscallNumber.Futex || number == 186 || number == Poll || number == Ppoll || number == Select || number == Pselect6 || number == Nanosleep || number == ClockNanosleep || number == EpollWait || number == 130 || number == 128 || number == 62 || number == SyscallNumber.Fcntl || number == SyscallNumber.Ioctl || number == SyscallNumber.Close
            || number == UserFork.Clone || number == UserFork.Clone3 || number == UserFork.Fork || number == UserFork.Vfork || number == 59 || number == 322;

        private static long Emulate(UserSpace space, in SyscallCall call)
        {
            switch (call.Number)
            {
                case SyscallNumber.Brk: return (long)space.MoveBreak((ulong)call.Arg0);
                case SyscallNumber.ArchPrctl: return ArchPrctl(space, call);
                case SyscallNumber.Mmap: return Mmap(space, call);
                case SyscallNumber.Munmap:
                    if ((call.Arg0 & (long)(Pte.PageSize - 1)) != 0 || !space.IsProgramOrFree((ulong)call.Arg0, (ulong)call.Arg1)) return -EINVAL;
                    long unmapped = Forward(call);
                    if (unmapped == 0) space.Unmap((ulong)call.Arg0, (ulong)call.Arg1);
                    return unmapped;
                case SyscallNumber.Mprotect:
                    if (!space.IsUserRange((ulong)call.Arg0, (ulong)call.Arg1)) return -ENOMEM;
                    long changed = Forward(call);
                    if (changed == 0 && !space.Share((ulong)call.Arg0, (ulong)call.Arg1, FromProt(call.Arg2))) return -ENOMEM;
                    return changed;
                case 25: return Mremap(space, call);
                case 26: // msync
                case 28: // madvise
                case 149: // mlock
                case 150: // munlock
                case 325: // mlock2
                    return space.IsUserRange((ulong)call.Arg0, (ulong)call.Arg1) ? Forward(call) : -ENOMEM;
                case 218: return Ring3.SetTidAddress((ulong)call.Arg0); // the monitor clears it at the thread's exit, not the host
                case 186: return Ring3.GetTid();
                case SyscallNumber.Close: return call.Arg0 >= MonitorFds.Floor ? -EBADF : Forward(call);
                case 436: return CloseRange(call);
                case SyscallNumber.Fcntl:
                    if (call.Arg0 >= MonitorFds.Floor) return -EBADF;
                    if ((call.Arg1 == FDupfd || call.Arg1 == FDupfdCloexec) && (ulong)call.Arg2 >= (ulong)MonitorFds.Floor) return -EINVAL;
                    return Checked(space, call, 0, SyscallPointerArgs.OfFcntl(call.Arg1), -EINVAL);
                case SyscallNumber.Ioctl: return Checked(space, call, 1, SyscallPointerArgs.OfIoctl(call.Arg1), -ENOTTY);
                case 97: return Limits(space, call.Arg0 == RlimitNofile, call.Arg0, call.Arg1); // getrlimit(resource, rlim)
                case 302: // prlimit64(pid, resource, new, old)
                    if (call.Arg0 != 0 && call.Arg0 != Syscall.Invoke(SyscallNumber.Getpid)) return -EPERM;
                    if (call.Arg2 != 0) return -EPERM;
                    return call.Arg3 == 0 ? 0 : Limits(space, call.Arg1 == RlimitNofile, call.Arg1, call.Arg3);
                case 160: return -EPERM; // setrlimit: the limits are the monitor's too
                case 13: // rt_sigaction(sig, act, oact, sigsetsize)
                    if (!Readable(space, call.Arg1, ProgramSignals.ActionBytes) || !Writable(space, call.Arg2, ProgramSignals.ActionBytes)) return -EFAULT;
                    return space.Signals.Action(call.Arg0, (byte*)call.Arg1, (byte*)call.Arg2, call.Arg3);
                case 14: return SignalCalls.Mask(space, Ring3.CurrentThread, call); // rt_sigprocmask(how, set, oset, sigsetsize)
                case 131: return SignalCalls.AltStack(space, Ring3.CurrentThread, call); // sigaltstack(ss, old_ss)
                case 127: return SignalCalls.Pending(space, Ring3.CurrentThread, call); // rt_sigpending(set, sigsetsize)
                case 130: return SignalCalls.Suspend(space, Ring3.CurrentThread, call); // rt_sigsuspend(mask, sigsetsize)
                case 128: return SignalCalls.TimedWait(space, Ring3.CurrentThread, call); // rt_sigtimedwait(set, info, timeout, sigsetsize)
                case 62: return SignalCalls.Kill(space, Ring3.CurrentThread, (int)call.Arg0, (int)call.Arg1); // kill(pid, sig): int arguments
                case 200: return SignalCalls.ThreadKill(space, Ring3.CurrentThread, -1, (int)call.Arg0, (int)call.Arg1); // tkill(tid, sig)
                case 234: return SignalCalls.ThreadKill(space, Ring3.CurrentThread, (int)call.Arg0, (int)call.Arg1, (int)call.Arg2); // tgkill(tgid, tid, sig)
                case 129: return SignalCalls.Queue(space, Ring3.CurrentThread, (int)call.Arg0, -1, (int)call.Arg1, call.Arg2); // rt_sigqueueinfo(tgid, sig, info)
                case 297: return SignalCalls.Queue(space, Ring3.CurrentThread, (int)call.Arg0, (int)call.Arg1, (int)call.Arg2, call.Arg3); // rt_tgsigqueueinfo(tgid, tid, sig, info)
                case 222: return space.Timers.Create(space, call);
                case 223: // timer_settime
                case 224: // timer_gettime
                case 225: // timer_getoverrun
                case 226: // timer_delete
                    return space.Timers.Call(space, call);
                case 202: return Futex(space, call);
                case UserFork.Fork: return UserFork.Start(space, call, CloneRequest.Fork());
                case UserFork.Vfork: return UserFork.Start(space, call, CloneRequest.Vfork());
                case UserFork.Clone:
                {
                    long r = CloneRequest.FromClone(call.Arg0, (ulong)call.Arg1, (ulong)call.Arg2, (ulong)call.Arg3, (ulong)call.Arg4, out CloneRequest request);
                    return r != 0 ? r : Clone(space, call, request);
                }
                case UserFork.Clone3: return Clone3(space, call);
                case Select:
                case Pselect6:
                    return SelectBelowFloor(space, call);
                case Poll:
                case Ppoll:
                case Nanosleep:
                case ClockNanosleep:
                case EpollWait:
                    return TimedWait(space, call);
                case 59: return Ring3.Execve(space, call);
                case 322: return Ring3.Execveat(space, call);
                default: return -ENOSYS; // exit and exit_group end the run before pass-through
            }
        }

        private static long Clone(UserSpace space, in SyscallCall call, in CloneRequest request) =>
            CloneFlags.IsThread(request.Flags) ? Ring3.StartThread(space, call, request) : UserFork.Start(space, call, request);

        /// <summary>clone3(args, size): the struct is read from ring 3 as Linux reads it (bytes past the fields it knows must be zero).</summary>
        private static long Clone3(UserSpace space, in SyscallCall call)
        {
            ulong args = (ulong)call.Arg0, size = (ulong)call.Arg1;
            long r = CloneRequest.CheckSize(size);
            if (r != 0) return r;
            if (!space.IsUserAccessible(args, size, false)) return -EFAULT;
            for (ulong i = CloneRequest.ArgsSize; i < size; i++)
                if (*(byte*)(args + i) != 0) return -E2BIG;
            byte* known = stackalloc byte[(int)CloneRequest.ArgsSize];
            for (ulong i = 0; i < CloneRequest.ArgsSize; i++) known[i] = i < size ? *(byte*)(args + i) : (byte)0;
            r = CloneRequest.FromClone3(new System.ReadOnlySpan<byte>(known, (int)CloneRequest.ArgsSize), size, out CloneRequest request);
            return r != 0 ? r : Clone(space, call, request);
        }

        /// <summary>Forwards the call if its descriptors and pointers are all ring 3's and its paths avoid the monitor's /proc; unknown pointers get <paramref name="unknown"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long Checked(UserSpace space, in SyscallCall call, int fdArgs, in SyscallPointers pointers, long unknown)
        {
            if (pointers.Knowledge == PointerKnowledge.Unknown) return unknown;
            if (fdArgs != 0 && NamesMonitorFd(call, fdArgs)) return -EBADF;
            if (pointers.Count != 0)
            {
                long error = CheckPointers(space, call, pointers);
                if (error != 0) return error;
            }
            long r = Forward(call);
            if (r >= 0 && IsOpen(call.Number) && ProcSelf.IsMonitorsFd((int)r))
            {
                Syscall.Invoke(SyscallNumber.Close, r);
                return -EACCES;
            }
            return r;
        }

        /// <summary>Whether a descriptor argument (bit i of <paramref name="fdArgs"/>: argument i) is the monitor's.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static bool NamesMonitorFd(in SyscallCall call, int fdArgs)
        {
            for (int i = 0; fdArgs >> i != 0; i++)
                if ((fdArgs >> i & 1) != 0 && (int)Argument(call, i) >= MonitorFds.Floor) return true;
            return false;
        }

        /// <summary>0 when every pointer is ring 3's (the stack grown to a buffer just below it) and no path names the monitor's /proc, else -errno.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long CheckPointers(UserSpace space, in SyscallCall call, in SyscallPointers pointers)
        {
            long error = UserPointers.Check(space, call, pointers);
            if (error == -EFAULT && GrowStackFor(space, call, pointers)) error = UserPointers.Check(space, call, pointers);
            if (error != 0) return error;
            for (int i = 0; i < pointers.Count; i++)
            {
                PointerArg p = pointers[i];
                if (p.Length == PointerLength.String && Argument(call, p.Index) != 0 && ProcSelf.Names((byte*)Argument(call, p.Index))) return -EACCES;
            }
            return 0;
        }

        /// <summary>A buffer in the part of the stack not mapped yet (never touched, e.g. a large local array): the stack grows to it, as a fault there would grow it.</summary>
        private static bool GrowStackFor(UserSpace space, in SyscallCall call, in SyscallPointers pointers)
        {
            bool grown = false;
            for (int i = 0; i < pointers.Count; i++)
            {
                ulong address = (ulong)Argument(call, pointers[i].Index);
                if (address < space.StackLow && space.TryGrowStack(address)) grown = true;
            }
            return grown;
        }

        /// <summary>open, creat, openat, openat2: calls that give a descriptor for a path.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsOpen(long number) => number == 2 || number == 85 || number == 257 || number == 437;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static long Forward(in SyscallCall c) => ProgramCall.Invoke(c);

        private static bool Readable(UserSpace space, long address, ulong bytes) => address == 0 || space.IsUserAccessible((ulong)address, bytes, false);

        private static bool Writable(UserSpace space, long address, ulong bytes) => address == 0 || space.IsUserAccessible((ulong)address, bytes, true);

        private static long ArchPrctl(UserSpace space, in SyscallCall call)
        {
            switch (call.Arg0)
            {
                case ArchSetFs:
                    if ((ulong)call.Arg1 >= 1UL << 47) return -EPERM;
                    call.Frame->FsBase = (ulong)call.Arg1;
                    return 0;
                case ArchGetFs:
                    if (!space.IsUserAccessible((ulong)call.Arg1, 8, true)) return -EFAULT;
                    *(ulong*)call.Arg1 = call.Frame->FsBase;
                    return 0;
                default:
                    return -EINVAL;
            }
        }

        /// <summary>
        /// A fixed mapping may only replace the program's pages or free space outside the Dune region; a hint into
        /// the Dune region is dropped (the host would honour it); a mapping larger than <see cref="MaxMapping"/>
        /// gets ENOMEM before the host or the mirror sees it; a file mapping of a monitor descriptor gets EBADF.
        /// </summary>
        private static long Mmap(UserSpace space, in SyscallCall call)
        {
            int flags = (int)call.Arg3;
            ulong length = (ulong)call.Arg1;
            const int MapAnonymous = 0x20;
            if (length == 0) return -EINVAL;
            if (length > MaxMapping || !space.WithinLimit(length)) return -ENOMEM;
            if ((flags & MapAnonymous) == 0 && (int)call.Arg4 >= MonitorFds.Floor) return -EBADF;
            long hint = call.Arg0;
            if ((flags & (MapFixed | MapFixedNoReplace)) != 0)
            {
                if (((ulong)hint & (Pte.PageSize - 1)) != 0) return -EINVAL;
                if (!space.IsProgramOrFree((ulong)hint, length)) return (flags & MapFixedNoReplace) != 0 ? -EEXIST : -EPERM;
            }
            else if (DuneLayout.Overlaps((ulong)hint, length))
            {
                hint = 0;
            }
            long r = Syscall.Invoke(SyscallNumber.Mmap, hint, call.Arg1, call.Arg2, call.Arg3, call.Arg4, call.Arg5);
            if (r < 0 && r > -4096) return r;
            if (!space.Share((ulong)r, length, FromProt(call.Arg2)))
            {
                Syscall.Invoke(SyscallNumber.Munmap, r, (long)length);
                space.Unmap((ulong)r, length);
                return -ENOMEM;
            }
            return r;
        }

        /// <summary>mremap(old, oldSize, newSize, flags, newAddress): the old range must be the program's, a fixed new one free or the program's; the pages keep their permissions.</summary>
        private static long Mremap(UserSpace space, in SyscallCall call)
        {
            ulong old = (ulong)call.Arg0, oldSize = (ulong)call.Arg1, newSize = (ulong)call.Arg2;
            int flags = (int)call.Arg3;
            if (newSize == 0 || newSize > MaxMapping) return newSize == 0 ? -EINVAL : -ENOMEM;
            if (newSize > oldSize && !space.WithinLimit(newSize - oldSize)) return -ENOMEM;
            if (!space.IsUserRange(old, oldSize == 0 ? 1 : oldSize)) return -EFAULT;
            if ((flags & MremapFixed) != 0 && !space.IsProgramOrFree((ulong)call.Arg4, newSize)) return -EINVAL;
            Permissions permissions = space.PermissionsAt(old);
            // Growing in place (no MREMAP_MAYMOVE) needs the pages after the old range: they must not be anyone else's.
            if ((flags & (MremapMaymove | MremapFixed)) == 0 && newSize > oldSize && !space.IsProgramOrFree(old + oldSize, newSize - oldSize))
                return -ENOMEM;
            long r = Forward(call);
            if (r < 0 && r > -4096) return r;
            space.Unmap(old, oldSize);
            if (!space.Share((ulong)r, newSize, permissions)) return -ENOMEM;
            return r;
        }

        private static long CloseRange(in SyscallCall call)
        {
            ulong first = (ulong)call.Arg0, last = (ulong)call.Arg1, floor = (ulong)MonitorFds.Floor;
            if (first > last) return -EINVAL;
            if (first >= floor) return 0;
            if (last >= floor) last = floor - 1;
            return Syscall.Invoke(436, (long)first, (long)last, call.Arg2);
        }

        /// <summary>getrlimit/prlimit64's old limits; the descriptor limit the program sees is the monitor's floor.</summary>
        private static long Limits(UserSpace space, bool descriptors, long resource, long rlim)
        {
            if (!space.IsUserAccessible((ulong)rlim, SyscallPointerArgs.RlimitBytes, true)) return -EFAULT;
            long r = Syscall.Invoke(302, 0, resource, 0, rlim);
            if (r == 0 && descriptors)
            {
                ulong* limit = (ulong*)rlim;
                ulong floor = (ulong)MonitorFds.Floor;
                if (limit[0] > floor) limit[0] = floor;
                if (limit[1] > floor) limit[1] = floor;
            }
            return r;
        }

        /// <summary>
        /// The futex operations glibc's threads use, forwarded: the program's memory is host memory at the same
        /// addresses, so the host's futexes work between its threads (each on its own vCPU and host thread). The
        /// words (and a wait's timeout) must be the program's; PI and other operations are ENOSYS.
        /// </summary>
        private static long Futex(UserSpace space, in SyscallCall call)
        {
            int command = (int)call.Arg1 & FutexCommandMask;
            if (!space.IsUserAccessible((ulong)call.Arg0, 4, false)) return -EFAULT;
            switch (command)
            {
                case FutexWake:
                case FutexWakeBitset:
                    return Forward(call);
                case FutexWait:
                case FutexWaitBitset:
                    if (!Readable(space, call.Arg3, SyscallPointerArgs.TimespecBytes)) return -EFAULT;
                    return Forward(call);
                case FutexRequeue:
                case FutexCmpRequeue:
                case FutexWakeOp:
                    if (!space.IsUserAccessible((ulong)call.Arg4, 4, true)) return -EFAULT;
                    return Forward(call);
                default:
                    return -ENOSYS;
            }
        }

        private static long Argument(in SyscallCall call, int index)
        {
            switch (index)
            {
                case 0: return call.Arg0;
                case 1: return call.Arg1;
                case 2: return call.Arg2;
                case 3: return call.Arg3;
                case 4: return call.Arg4;
                default: return call.Arg5;
            }
        }

        private static Permissions FromProt(long prot)
        {
            Permissions p = Permissions.None;
            if ((prot & (Linux.ProtRead | Linux.ProtWrite | Linux.ProtExec)) != 0) p |= Permissions.Read;
            if ((prot & Linux.ProtWrite) != 0) p |= Permissions.Write;
            if ((prot & Linux.ProtExec) != 0) p |= Permissions.Execute;
            return p;
        }
    }
}
