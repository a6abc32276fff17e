using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;

namespace Dune.Traps
{
    /// <summary>
    /// The guest's GDT, TSS and IDT, in the <see cref="Size"/> bytes the caller provides (mirrored into the guest).
    /// Selector order follows SYSRET's conventions so ring 3 can use STAR directly.
    /// All 256 vectors have interrupt gates (interrupts stay off in handlers). NMI, #DF and #MC use IST2, every
    /// other vector IST1, so a fault on a bad stack still reaches the trap entry; the trap stack is split: the
    /// lowest <see cref="FatalStackSize"/> bytes are IST2's, the rest IST1's. #BP, #OF and the software vectors
    /// 32..255 may be raised from ring 3 (DPL 3).
    /// </summary>
    public static unsafe class SystemTables
    {
        public const ushort KernelCode = 0x08, KernelData = 0x10, UserData = 0x18 | 3, UserCode = 0x20 | 3, Tss = 0x28;
        public const int GdtOffset = 0, GdtEntries = 7, TssOffset = 0x100, IdtOffset = 0x1000;
        public const int IdtEntries = 256;
        public const int Size = IdtOffset + IdtEntries * 16;
        /// <summary>The trap stack the caller provides below its top.</summary>
        public const ulong TrapStackSize = 16UL << 10;
        public const ulong FatalStackSize = 4UL << 10;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_stub_address")]
        private static extern ulong TrapStubAddress(int vector);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_trap_set_ist_slot")]
        private static extern void SetIstSlot(ulong* ist1);

        /// <summary>Fills <paramref name="page"/> (zeroed, <see cref="Size"/> bytes) for a trap stack of <see cref="TrapStackSize"/> below <paramref name="trapStackTop"/>.</summary>
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

            ulong* ist1 = (ulong*)(page + TssOffset + Tss64.IstOffset(1));
            *ist1 = trapStackTop;
            *(ulong*)(page + TssOffset + Tss64.IstOffset(2)) = trapStackTop - TrapStackSize + FatalStackSize;
            *(ushort*)(page + TssOffset + Tss64.IoMapBase) = Tss64.Size;
            // The trap entry lowers IST1 while a frame is in use, so nested traps do not overwrite it.
            SetIstSlot(ist1);

            ulong* idt = (ulong*)(page + IdtOffset);
            for (int v = 0; v < IdtEntries; v++)
            {
                ulong handler = TrapStubAddress(v);
                bool fatal = v == ExceptionVectors.Nmi || v == ExceptionVectors.DoubleFault || v == ExceptionVectors.MachineCheck;
                bool fromUser = v == ExceptionVectors.Breakpoint || v == ExceptionVectors.Overflow || v >= ExceptionVectors.Count;
                idt[2 * v] = IdtGate.Low(handler, KernelCode, fatal ? 2 : 1, IdtGate.InterruptGate, fromUser ? 3 : 0);
                idt[2 * v + 1] = IdtGate.High(handler);
            }
        }
    }
}
