using Dune.Memory;

namespace Dune.Backends
{
    /// <summary>
    /// A way of running this process in guest ring 0: what the rest of the library (DuneMode, Dune.Memory)
    /// may use, so nothing outside Backends/ knows which one runs (README.md): the KVM backend (Kvm/) and the
    /// dune.ko backend (Kmod/). Besides these members a backend provides, to the assembly, the
    /// hypercall stub (<c>dune_hypercall_entry</c>) and the fault report (<c>dune_trap_report_entry</c>), and
    /// sets GS base of every vCPU to its <see cref="Cpu.PerCpu"/>.
    /// </summary>
    internal unsafe interface IBackend
    {
        DuneBackend Kind { get; }

        /// <summary>
        /// Enters on the calling thread: null once it continues in guest ring 0 (same stack, memory and
        /// descriptors), otherwise why not, with the process still in host mode and nothing acquired kept.
        /// </summary>
        string Enter();

        /// <summary>Where the process's virtual addresses are in guest-physical memory (changed only while the guest waits in a hypercall).</summary>
        GuestPhysicalLayout* PhysicalLayout { get; }

        /// <summary>
        /// Called in guest ring 0: starts a thread on a vCPU of its own. A new Linux thread of the process (the
        /// kernel stores its tid in *<paramref name="tid"/> before it runs and clears *<paramref name="exitTid"/>
        /// with a futex wake when it has exited) drives the new vCPU, which runs <c>DuneThreadStart(state)</c>
        /// (System/Threading/Thread.Start.cs) in guest ring 0 on <paramref name="stackTop"/> (16-byte aligned)
        /// with FS base <paramref name="threadPointer"/>. Returns the tid, or -errno (-EAGAIN: no vCPU left).
        /// </summary>
        long StartThread(void* stackTop, int* tid, int* exitTid, void* threadPointer, void* state);

        /// <summary>
        /// Called in guest ring 0 after a change to page tables that other vCPUs may have cached (the caller has
        /// invalidated its own TLB): when this returns, every other vCPU has flushed its whole TLB (global entries
        /// and every PCID) or will before it runs another instruction. Cheap with one vCPU.
        /// </summary>
        void ShootdownTlb();
    }
}
