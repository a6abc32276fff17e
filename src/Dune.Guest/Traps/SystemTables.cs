using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;

namespace Dune.Traps
{
    /// <summary>
    /// The guest's GDT, TSS and IDT, all in one 4 KiB page the caller provides (mirrored into the guest).
    /// Selector order follows SYSRET's conventions so a later ring-3 mode can use STAR directly.
    /// Every exception gate uses IST1: faults on a bad stack still reach the trap entry.
    /// </summary>
    public static unsafe class SystemTables
    {
        public const ushort KernelCode = 0x08, KernelData = 0x10, UserData = 0x18 | 3, UserCode = 0x20 | 3, Tss = 0x28;
        public const int GdtOffset = 0, GdtEntries = 7, TssOffset = 0x100, IdtOffset = 0x400;
        public const int IdtEntries = ExceptionVectors.Count;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_stub_address")]
        private static extern ulong TrapStubAddress(int vector);

        /// <summary>Fills <paramref name="page"/> (zeroed) and points IST1 at <paramref name="trapStackTop"/>.</summary>
        public static void Build(byte* page, ulong trapStackTop)
        {
            ulong* gdt = (ulong*)(page + GdtOffset);
            gdt[KernelCode / 8] = SegmentDescriptor.Code64(0);
            gdt[KernelData / 8] = SegmentDescriptor.Data(0);
            gdt[UserData / 8] = SegmentDescriptor.Data(3);
            gdt[UserCode / 8] = SegmentDescriptor.Code64(3);
            ulong tss = (ulong)(page + TssOffset);
            gdt[Tss / 8] = SegmentDescriptor.TssLow(tss, Tss64.Size - 1, busy: true);
            gdt[Tss / 8 + 1] = SegmentDescriptor.TssHigh(tss);

            *(ulong*)(page + TssOffset + Tss64.IstOffset(1)) = trapStackTop;
            *(ushort*)(page + TssOffset + Tss64.IoMapBase) = Tss64.Size;

            ulong* idt = (ulong*)(page + IdtOffset);
            for (int v = 0; v < IdtEntries; v++)
            {
                ulong handler = TrapStubAddress(v);
                idt[2 * v] = IdtGate.Low(handler, KernelCode, 1, IdtGate.InterruptGate, 0);
                idt[2 * v + 1] = IdtGate.High(handler);
            }
        }
    }
}
