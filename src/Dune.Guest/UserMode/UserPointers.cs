namespace Dune.UserMode
{
    /// <summary>
    /// Checks the pointer arguments of a call (<see cref="SyscallPointerArgs"/>) against the ring-3 address space
    /// before pass-through: the host kernel sees the whole Dune process, so a pointer into a runtime page
    /// (supervisor-only here) would let ring 3 read or overwrite ring-0 memory through the host. Every byte
    /// the kernel may touch must be on a present user page, writable when the kernel stores into it. Strings
    /// and iovecs are read from ring 0 (user pages are host memory at the same address) only after their
    /// pages passed. Ring 3 is suspended and single-threaded, so what was checked is what the kernel sees.
    /// No allocation: this runs on every forwarded call.
    /// </summary>
    internal static unsafe class UserPointers
    {
        private const long EFAULT = 14, EINVAL = 22, ENAMETOOLONG = 36;
        /// <summary>Bounds element counts (pollfds, epoll events, gids, select's nfds) before they are multiplied into a length.</summary>
        private const ulong MaxElements = 1UL << 20;

        /// <summary>0 when every listed pointer of <paramref name="call"/> is ring 3's, otherwise -errno for ring 3.</summary>
        public static long Check(UserSpace space, in SyscallCall call, in SyscallPointers pointers)
        {
            for (int i = 0; i < pointers.Count; i++)
            {
                long error = CheckOne(space, call, pointers[i]);
                if (error != 0) return error;
            }
            return 0;
        }

        private static long CheckOne(UserSpace space, in SyscallCall call, PointerArg p)
        {
            ulong address = (ulong)Argument(call, p.Index);
            if (address == 0 && p.MayBeNull) return 0;
            switch (p.Length)
            {
                case PointerLength.Argument:
                    return space.IsUserAccessible(address, (ulong)Argument(call, p.CountIndex), p.KernelWrites) ? 0 : -EFAULT;
                case PointerLength.Fixed:
                    return space.IsUserAccessible(address, p.FixedBytes, p.KernelWrites) ? 0 : -EFAULT;
                case PointerLength.String:
                    return CheckString(space, address);
                case PointerLength.IovecArray:
                    return CheckIovecs(space, address, (ulong)Argument(call, p.CountIndex), p.KernelWrites);
                case PointerLength.Array:
                {
                    ulong count = (ulong)Argument(call, p.CountIndex);
                    if (count > MaxElements) return -EINVAL;
                    return space.IsUserAccessible(address, count * p.FixedBytes, p.KernelWrites) ? 0 : -EFAULT;
                }
                case PointerLength.FdSet:
                {
                    ulong nfds = (ulong)Argument(call, p.CountIndex);
                    if (nfds > MaxElements) return -EINVAL;
                    return space.IsUserAccessible(address, (nfds + 63) / 64 * 8, true) ? 0 : -EFAULT;
                }
                case PointerLength.Socklen:
                {
                    ulong length = (ulong)Argument(call, p.CountIndex);
                    if (!space.IsUserAccessible(length, 4, true)) return -EFAULT;
                    return space.IsUserAccessible(address, *(uint*)length, true) ? 0 : -EFAULT;
                }
                case PointerLength.Msghdr:
                    return CheckMsghdr(space, address, p.KernelWrites);
                default:
                {
                    if (!space.IsUserAccessible(address, 16, false)) return -EFAULT;
                    ulong mask = *(ulong*)address;
                    return mask == 0 || space.IsUserAccessible(mask, ((ulong*)address)[1], false) ? 0 : -EFAULT;
                }
            }
        }

        /// <summary>struct msghdr { name, namelen (u32), iov, iovlen, control, controllen, flags }: every buffer it names.</summary>
        private static long CheckMsghdr(UserSpace space, ulong address, bool kernelWrites)
        {
            if (!space.IsUserAccessible(address, SyscallPointerArgs.MsghdrBytes, kernelWrites)) return -EFAULT;
            ulong* m = (ulong*)address;
            ulong name = m[0], nameLength = *(uint*)(address + 8), iov = m[2], iovCount = m[3], control = m[4], controlLength = m[5];
            if (name != 0 && !space.IsUserAccessible(name, nameLength, kernelWrites)) return -EFAULT;
            if (control != 0 && !space.IsUserAccessible(control, controlLength, kernelWrites)) return -EFAULT;
            return CheckIovecs(space, iov, iovCount, kernelWrites);
        }

        /// <summary>A path: readable page by page up to its NUL, which must come within PATH_MAX bytes.</summary>
        private static long CheckString(UserSpace space, ulong address)
        {
            ulong scanned = 0;
            while (scanned < SyscallPointerArgs.PathMax)
            {
                ulong at = address + scanned;
                if (!space.IsUserAccessible(at, 1, false)) return -EFAULT;
                ulong pageLeft = Memory.Pte.PageSize - (at & (Memory.Pte.PageSize - 1));
                for (ulong i = 0; i < pageLeft && scanned < SyscallPointerArgs.PathMax; i++, scanned++)
                    if (*(byte*)(at + i) == 0) return 0;
            }
            return -ENAMETOOLONG;
        }

        /// <summary>The iovec array, then each iov_base for its iov_len (Linux: more than IOV_MAX is EINVAL).</summary>
        private static long CheckIovecs(UserSpace space, ulong array, ulong count, bool kernelWrites)
        {
            if (count > SyscallPointerArgs.IovMax) return -EINVAL;
            if (!space.IsUserAccessible(array, count * SyscallPointerArgs.IovecBytes, false)) return -EFAULT;
            ulong* iov = (ulong*)array;
            for (ulong i = 0; i < count; i++)
                if (!space.IsUserAccessible(iov[2 * i], iov[2 * i + 1], kernelWrites)) return -EFAULT;
            return 0;
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
    }
}
