using Dune.Memory;

namespace Dune.Backends
{
    /// <summary>
    /// A way of running this process in guest ring 0: what the rest of the library (DuneMode, Dune.Memory)
    /// may use, so nothing outside Backends/ knows which one runs (README.md). The KVM backend implements it;
    /// the dune.ko backend (kmod/) will. Besides these members a backend provides, to the assembly, the
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
    }
}
