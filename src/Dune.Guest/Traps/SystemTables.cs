using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;

namespace Dune.Traps
{
    /// <summary>
    /// The guest's descriptor tables: one IDT for the whole VM (<see cref="BuildIdt"/>, in the
    /// <see cref="IdtSize"/> bytes the caller provides) and, per CPU, a GDT and TSS inside its
    /// <see cref="PerCpu"/> (<see cref="BuildCpu"/>). All live in memory mirrored into the guest.
    /// Selector order follows SYSRET's conventions so ring 3 can use STAR directly.
    /// All 256 vectors have interrupt gates (interrupts stay off in handlers). NMI, #DF and #MC use IST2, every
    /// other vector IST1, so a fault on a bad stack still reaches the trap entry; each CPU's trap stack is split:
    /// the lowest <see cref="FatalStackSize"/> bytes are IST2's, the rest IST1's. #BP, #OF and the software
    /// vectors 32..255 may be raised from ring 3 (DPL 3).
    /// </summary>
    public static unsafe class SystemTables
    {
        /// <summary>The GDT selectors: kernel code and data, user data and code (RPL 3), and the TSS.</summary>
        public const ushort KernelCode = 0x08, KernelData = 0x10, UserData = 0x18 | 3, UserCode = 0x20 | 3, Tss = 0x28;
        /// <summary>The number of IDT vectors.</summary>
        public const int IdtEntries = 256;
        /// <summary>The size of the IDT in bytes (16 per gate).</summary>
        public const int IdtSize = IdtEntries * 16;
        /// <summary>The trap stack each CPU has below its top.</summary>
        public const ulong TrapStackSize = 16UL << 10;
        /// <summary>The lowest bytes of each trap stack, used by IST2 (NMI, #DF, #MC).</summary>
        public const ulong FatalStackSize = 4UL << 10;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_stub_address")]
        private static extern ulong TrapStubAddress(int vector);

        /// <summary>Fills the VM's IDT (<see cref="IdtSize"/> bytes): every vector to its entry stub in traps.S.</summary>
        public static void BuildIdt(ulong* idt)
        {
            for (int v = 0; v < IdtEntries; v++)
            {
                ulong handler = TrapStubAddress(v);
                bool fatal = v == ExceptionVectors.Nmi || v == ExceptionVectors.DoubleFault || v == ExceptionVectors.MachineCheck;
                bool fromUser = v == ExceptionVectors.Breakpoint || v == ExceptionVectors.Overflow || v >= ExceptionVectors.Count;
                idt[2 * v] = IdtGate.Low(handler, KernelCode, fatal ? 2 : 1, IdtGate.InterruptGate, fromUser ? 3 : 0);
                idt[2 * v + 1] = IdtGate.High(handler);
            }
        }

        /// <summary>Fills <paramref name="cpu"/>'s GDT and TSS for a trap stack of <see cref="TrapStackSize"/> below <paramref name="trapStackTop"/>.</summary>
        public static void BuildCpu(PerCpu* cpu, ulong trapStackTop)
        {
            ulong* gdt = cpu->Gdt;
            gdt[0] = 0;
            gdt[KernelCode / 8] = SegmentDescriptor.Code64(0);
            gdt[KernelData / 8] = SegmentDescriptor.Data(0);
            gdt[UserData / 8] = SegmentDescriptor.Data(3);
            gdt[UserCode / 8] = SegmentDescriptor.Code64(3);
            byte* tss = cpu->Tss;
            for (int i = 0; i < Tss64.Size; i++) tss[i] = 0;
            gdt[Tss / 8] = SegmentDescriptor.TssLow((ulong)tss, Tss64.Size - 1, busy: true);
            gdt[Tss / 8 + 1] = SegmentDescriptor.TssHigh((ulong)tss);
            // The trap entry lowers IST1 while a frame is in use, so nested traps do not overwrite it.
            *(ulong*)(tss + Tss64.IstOffset(1)) = trapStackTop;
            *(ulong*)(tss + Tss64.IstOffset(2)) = trapStackTop - TrapStackSize + FatalStackSize;
            *(ushort*)(tss + Tss64.IoMapBase) = Tss64.Size;
        }
    }
}
