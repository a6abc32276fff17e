using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// The host's own call behind a guest's fork, vfork or clone without CLONE_VM (either backend's Fork, which then
    /// gives the child a VM of its own). vfork cannot share the memory as on Linux: KVM and dune.ko bind a VM to the
    /// address space that made it, and the child's host half needs its own memory to build its VM in. So it is a fork
    /// (the child gets a copy) with vfork's wait: clone(CLONE_VFORK) without CLONE_VM returns in the parent only once
    /// the child has called execve or exited, which is what a vfork caller (posix_spawn) relies on.
    /// </summary>
    internal static unsafe class ForkCall
    {
        public const long Vfork = 58;
        private const long CloneVfork = 0x4000, Sigchld = 17;

        /// <summary>In the parent the child's pid or -errno, in the child 0.</summary>
        public static long Invoke(long nr, HypercallBlock* b) => nr switch
        {
            SyscallNumber.Fork => HostSyscall.Invoke(SyscallNumber.Fork, 0, 0, 0, 0, 0, 0),
            Vfork => HostSyscall.Invoke(SyscallNumber.Clone, CloneVfork | Sigchld, 0, 0, 0, 0, 0),
            _ => HostSyscall.Invoke(nr, b->A0, b->A1, b->A2, b->A3, b->A4, b->A5),
        };
    }
}
