using System;

namespace Dune.UserMode
{
    /// <summary>
    /// What fork, vfork, clone or clone3 asks for, in clone(2)'s terms: the flags with the exit signal in the low
    /// byte, the new stack pointer (0: the caller's), the tid and pidfd pointers and the thread pointer. clone3's
    /// struct clone_args is checked as Linux's kernel/fork.c checks it (copy_clone_args_from_user,
    /// clone3_args_valid) and turned into the same request. Pure.
    /// </summary>
    public struct CloneRequest
    {
        /// <summary>clone3 flags above clone's 32 bits.</summary>
        public const ulong ClearSighand = 0x1_0000_0000, IntoCgroup = 0x2_0000_0000;
        /// <summary>struct clone_args: the first version's size, and the size of every field this parser knows (VER2, with cgroup).</summary>
        public const ulong ArgsSizeVer0 = 64, ArgsSize = 88;
        /// <summary>Larger structures are refused (E2BIG) without being read.</summary>
        public const ulong MaxArgsSize = 4096;
        private const long CloneParent = 0x8000, CloneNewTime = 0x80, SigChld = 17;
        private const int MaxPidNamespaceLevel = 32, MaxSignal = 64;
        private const long EPERM = 1, E2BIG = 7, EINVAL = 22;

        public long Flags;
        public ulong Stack;
        public ulong ParentTid, ChildTid, Tls;
        /// <summary>Where the pidfd goes with CLONE_PIDFD (clone: the parent_tid argument).</summary>
        public ulong Pidfd;
        /// <summary>clone3's CLONE_CLEAR_SIGHAND: the child's handlers go back to SIG_DFL (ignored signals stay ignored).</summary>
        public bool ClearHandlers;

        public static CloneRequest Fork() => new CloneRequest { Flags = SigChld };

        /// <summary>vfork(2) is clone(CLONE_VM | CLONE_VFORK | SIGCHLD).</summary>
        public static CloneRequest Vfork() => new CloneRequest { Flags = CloneFlags.Vm | CloneFlags.Vfork | SigChld };

        /// <summary>clone(flags, stack, parent_tid, child_tid, tls): 0, or -EINVAL where Linux refuses the combination.</summary>
        public static long FromClone(long flags, ulong stack, ulong parentTid, ulong childTid, ulong tls, out CloneRequest request)
        {
            request = new CloneRequest
            {
                Flags = flags, Stack = stack, ParentTid = parentTid, ChildTid = childTid, Tls = tls,
                Pidfd = (flags & CloneFlags.Pidfd) != 0 ? parentTid : 0,
            };
            // The pidfd and the parent's tid would share the one argument.
            return (flags & CloneFlags.Pidfd) != 0 && (flags & CloneFlags.ParentSettid) != 0 ? -EINVAL : 0;
        }

        /// <summary>
        /// clone3(args, size): <paramref name="args"/> holds the first min(size, <see cref="ArgsSize"/>) bytes of the
        /// caller's struct, zero after them; the caller has checked the size's bounds (<see cref="CheckSize"/>) and that
        /// any bytes past <see cref="ArgsSize"/> are zero. 0, or -errno as Linux gives it for an unprivileged process.
        /// </summary>
        public static long FromClone3(ReadOnlySpan<byte> args, ulong size, out CloneRequest request)
        {
            request = default;
            ulong flags = Field(args, 0), exitSignal = Field(args, 32), stack = Field(args, 40), stackSize = Field(args, 48);
            ulong setTid = Field(args, 64), setTidSize = Field(args, 72), cgroup = Field(args, 80);
            if (setTidSize > MaxPidNamespaceLevel || (setTid == 0) != (setTidSize == 0)) return -EINVAL;
            if ((exitSignal & ~(ulong)CloneFlags.ExitSignalMask) != 0 || exitSignal > MaxSignal) return -EINVAL;
            if ((flags & IntoCgroup) != 0 && (cgroup > int.MaxValue || size < ArgsSize)) return -EINVAL;
            if ((flags & ~(0xFFFF_FFFFUL | ClearSighand | IntoCgroup)) != 0) return -EINVAL;
            // clone3 keeps the exit signal in its own field and gives CLONE_DETACHED no meaning.
            if ((flags & (ulong)(CloneFlags.Detached | (CloneFlags.ExitSignalMask & ~CloneNewTime))) != 0) return -EINVAL;
            if ((flags & ((ulong)CloneFlags.Sighand | ClearSighand)) == ((ulong)CloneFlags.Sighand | ClearSighand)) return -EINVAL;
            if ((flags & (ulong)(CloneFlags.Thread | CloneParent)) != 0 && exitSignal != 0) return -EINVAL;
            if (stack == 0 ? stackSize != 0 : stackSize == 0) return -EINVAL;
            // Choosing the child's pid needs CAP_CHECKPOINT_RESTORE, a time namespace CAP_SYS_ADMIN (as the other
            // namespaces, CloneFlags.CheckProcess), and the sandbox moves nothing between cgroups.
            if (setTid != 0 || (flags & ((ulong)CloneNewTime | IntoCgroup)) != 0) return -EPERM;
            request = new CloneRequest
            {
                Flags = (long)(flags & 0xFFFF_FFFF) | (long)exitSignal,
                // The stack grows down from the end of the area clone3 names.
                Stack = stack == 0 ? 0 : stack + stackSize,
                Pidfd = Field(args, 8), ChildTid = Field(args, 16), ParentTid = Field(args, 24), Tls = Field(args, 56),
                ClearHandlers = (flags & ClearSighand) != 0,
            };
            return 0;
        }

        /// <summary>clone3's size argument before anything is read: 0, -E2BIG above a page, -EINVAL below the first version.</summary>
        public static long CheckSize(ulong size) => size > MaxArgsSize ? -E2BIG : size < ArgsSizeVer0 ? -EINVAL : 0;

        private static ulong Field(ReadOnlySpan<byte> args, int offset) =>
            offset + 8 <= args.Length ? BitConverter.ToUInt64(args.Slice(offset, 8)) : 0;
    }
}
