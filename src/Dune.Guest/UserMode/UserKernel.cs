using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// Passing an allowed call through to the host. Calls go to the host kernel unchanged (Syscall.Invoke, a
    /// hypercall): user pages are host memory at the same addresses, so pointers mean the same there. But the
    /// host kernel sees the whole Dune process, so every pointer argument is first checked against the ring-3
    /// space (<see cref="UserPointers"/>, -EFAULT if ring 3 could not touch the memory itself), and a call whose
    /// pointers are not in <see cref="SyscallPointerArgs"/> is not forwarded (ENOSYS; ioctl: ENOTTY; fcntl:
    /// EINVAL). The calls that change the calling process itself are applied to the ring-3 program instead, so
    /// the Dune process underneath stays intact: brk is emulated on the space's own break,
    /// arch_prctl(ARCH_SET_FS/GET_FS) changes the program's FS base, mmap/munmap/mprotect are passed through and
    /// mirrored into the space as user pages (and may only touch the program's own pages when fixed),
    /// set_tid_address returns the thread id without handing the host a clear-on-exit address, and
    /// set_robust_list, rseq, mremap and the process creating calls return ENOSYS.
    /// </summary>
    internal static unsafe class UserKernel
    {
        private const long Ioctl = 16, Mremap = 25, Vfork = 58, Execve = 59, SetTidAddress = 218, SetRobustList = 273,
            Clone3 = 435, Rseq = 334;
        private const long ArchSetFs = 0x1002, ArchGetFs = 0x1003;
        private const int MapFixed = 0x10, MapFixedNoReplace = 0x100000;
        private const int EINVAL = 22, ENOMEM = 12, EPERM = 1, ENOSYS = 38, EFAULT = 14, ENOTTY = 25, EEXIST = 17;
        /// <summary>The largest single mapping a program gets: the space's page tables could not hold much more.</summary>
        public const ulong MaxMapping = 4UL << 30;

        public static long PassThrough(UserSpace space, in SyscallCall call)
        {
            long nr = call.Number;
            switch (nr)
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
                case Rseq:
                case Mremap:
                case SyscallNumber.Clone:
                case SyscallNumber.Fork:
                case Vfork:
                case Execve:
                case Clone3:
                    return -ENOSYS;
                case SetTidAddress: return Syscall.Invoke(SyscallNumber.Gettid);
                case SetRobustList: return -ENOSYS;
                case Ioctl: return Checked(space, call, SyscallPointerArgs.OfIoctl(call.Arg1), -ENOTTY);
                case SyscallNumber.Fcntl: return Checked(space, call, SyscallPointerArgs.OfFcntl(call.Arg1), -EINVAL);
                default: return Checked(space, call, SyscallPointerArgs.Of(nr), -ENOSYS);
            }
        }

        /// <summary>Forwards the call if its pointers are all ring 3's; a call whose pointers are not known gets <paramref name="unknown"/>.</summary>
        private static long Checked(UserSpace space, in SyscallCall call, in SyscallPointers pointers, long unknown)
        {
            if (pointers.Knowledge == PointerKnowledge.Unknown) return unknown;
            long error = UserPointers.Check(space, call, pointers);
            return error != 0 ? error : Forward(call);
        }

        private static long Forward(in SyscallCall c) => Syscall.Invoke(c.Number, c.Arg0, c.Arg1, c.Arg2, c.Arg3, c.Arg4, c.Arg5);

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
        /// A fixed mapping may only replace the program's pages or free space; a hint into the Dune region is dropped
        /// (the host would honour it); a mapping larger than <see cref="MaxMapping"/> gets ENOMEM before the host
        /// or the mirror sees it.
        /// </summary>
        private static long Mmap(UserSpace space, in SyscallCall call)
        {
            int flags = (int)call.Arg3;
            ulong length = (ulong)call.Arg1;
            if (length == 0) return -EINVAL;
            if (length > MaxMapping) return -ENOMEM;
            long hint = call.Arg0;
            if ((flags & (MapFixed | MapFixedNoReplace)) != 0)
            {
                if (((ulong)call.Arg0 & (Pte.PageSize - 1)) != 0) return -EINVAL;
                if (!space.IsProgramOrFree((ulong)call.Arg0, length)) return (flags & MapFixedNoReplace) != 0 ? -EEXIST : -EPERM;
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
