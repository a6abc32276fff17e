using Dune.Cpu;
using Dune.Traps;

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// The initial long-mode state of a dune.ko vCPU, the same as the KVM backend's (Kvm/KvmVcpuState): flat
    /// segments, the CPU's GDT and TSS, the VM's IDT, GS base = its <see cref="PerCpu"/>, paging on.
    /// </summary>
    internal static unsafe class KmodVcpuState
    {
        /// <summary>dune_segment.attributes: type (0-3), S, DPL (5-6), P, AVL, L, D/B, G (11).</summary>
        private const ushort S = 1 << 4, P = 1 << 7, L = 1 << 9, Db = 1 << 10, G = 1 << 11;
        private const ushort Code64 = 0xB | S | P | L | G, Data = 0x3 | S | P | Db | G, BusyTss = 0xB | P, Ldt = 0x2 | P;
        /// <summary>The power-on PAT (write-back, write-through, UC-, UC, twice), as Linux's guests expect it.</summary>
        private const ulong DefaultPat = 0x0007040600070406;

        public static void Set(DuneSregs* s, PerCpu* cpu, ulong idt, ulong fsBase, ulong cr3, bool xsave, bool fsgsbase)
        {
            *s = default;
            s->Cs = Segment(SystemTables.KernelCode, Code64, 0);
            DuneSegment data = Segment(SystemTables.KernelData, Data, 0);
            s->Ds = data;
            s->Es = data;
            s->Ss = data;
            s->Fs = Segment(0, Data, fsBase);
            s->Gs = Segment(0, Data, (ulong)cpu);
            s->Tr = new DuneSegment { Selector = SystemTables.Tss, Attributes = BusyTss, Limit = Tss64.Size - 1, Base = (ulong)cpu->Tss };
            s->Ldtr = new DuneSegment { Attributes = Ldt, Limit = 0xFFFF };
            s->Gdt.Base = (ulong)cpu->Gdt;
            s->Gdt.Limit = PerCpu.GdtEntries * 8 - 1;
            s->Idt.Base = idt;
            s->Idt.Limit = SystemTables.IdtSize - 1;
            s->Cr0 = Cr0.PE | Cr0.MP | Cr0.ET | Cr0.NE | Cr0.WP | Cr0.PG;
            s->Cr3 = cr3;
            s->Cr4 = Cr4.PAE | Cr4.PGE | Cr4.OSFXSR | Cr4.OSXMMEXCPT | (xsave ? Cr4.OSXSAVE : 0) | (fsgsbase ? Cr4.FSGSBASE : 0);
            s->Efer = Efer.LME | Efer.LMA | Efer.NXE | Efer.SCE;
            s->Pat = DefaultPat;
        }

        /// <summary>CS of ring 0 with <paramref name="selector"/> (an interrupt gate's).</summary>
        public static DuneSegment KernelCode(ushort selector) => Segment(selector, Code64, 0);

        /// <summary>The SS an interrupt from ring 3 leaves in 64-bit mode: the null selector, ring 0.</summary>
        public static DuneSegment NullStack() => Segment(0, Data, 0);

        private static DuneSegment Segment(ushort selector, ushort attributes, ulong @base) =>
            new DuneSegment { Selector = selector, Attributes = attributes, Limit = 0xFFFFFFFF, Base = @base };
    }
}
