using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>
    /// Everything that belongs to one (virtual) CPU in ring 0, in one block that ring-0 C# and the assembly
    /// stubs share (gVisor's ring0.CPU plays the same part). In the guest, GS base points at it, so the stubs
    /// reach it without a free register (<c>%gs:PERCPU_...</c>, offsets in src/Dune.Guest.Intrinsics/layouts.inc,
    /// checked against this layout by a unit test); ring-3 entries and exits SWAPGS. The backend allocates one
    /// per vCPU in memory the guest sees at the same address and passes it to the host half too.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe partial struct PerCpu
    {
        /// <summary>Descriptors in <see cref="Gdt"/> (selectors: Traps/SystemTables).</summary>
        public const int GdtEntries = 7;

        /// <summary>This structure's own address: <c>mov %gs:0</c> gives the current CPU.</summary>
        public PerCpu* Self;
        /// <summary>The vCPU's number in its VM (0 for the first).</summary>
        public long Index;
        /// <summary>The block the hypercall stub passes to the host.</summary>
        public HypercallBlock Hypercall;
        /// <summary>The trap entry's (traps.S) own state.</summary>
        public TrapScratch Trap;
        /// <summary>The ring-3 run in progress.</summary>
        public UserModeState UserMode;
        /// <summary>Where the guest continues after entry.</summary>
        public ResumeState Resume;
        /// <summary>This CPU's signal state.</summary>
        public SignalState Signals;
        /// <summary>The backend's own per-vCPU state, used by its host half only (e.g. the KVM vCPU descriptor).</summary>
        public void* Backend;
        /// <summary>This CPU's GDT; the TSS descriptor points at <see cref="Tss"/>.</summary>
        public fixed ulong Gdt[GdtEntries];
        /// <summary>This CPU's 64-bit TSS (<see cref="Tss64"/> offsets): IST1/IST2 are its trap stacks.</summary>
        public fixed byte Tss[Tss64.Size];
    }
}
