using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune
{
    /// <summary>
    /// Privileged CPU instructions (cpu.S). All but ReadCs, Rdtsc and Cpuid need ring 0: in host mode they
    /// raise #GP, i.e. SIGSEGV.
    /// </summary>
    public static unsafe class Instructions
    {
        /// <summary>Reads the CS selector; its low two bits are the current privilege level (works in any ring).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_read_cs")]
        public static extern ushort ReadCs();

        /// <summary>Reads CR0 (protection, paging, write-protect and FPU control bits; see <c>Dune.Cpu.Cr0</c>).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_read_cr0")]
        public static extern ulong ReadCr0();

        /// <summary>Reads CR2: the linear address of the last page fault.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_read_cr2")]
        public static extern ulong ReadCr2();

        /// <summary>Reads CR3: the physical address of the current root page table (PML4), plus the PCID when enabled.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_read_cr3")]
        public static extern ulong ReadCr3();

        /// <summary>Reads CR4 (PAE, PGE, PCIDE, OSXSAVE... see <c>Dune.Cpu.Cr4</c>).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_read_cr4")]
        public static extern ulong ReadCr4();

        /// <summary>Loads CR3, which also flushes the non-global TLB entries.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_write_cr3")]
        public static extern void WriteCr3(ulong value);

        /// <summary>INVLPG: drops the TLB entries of the page holding <paramref name="address"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_invlpg")]
        public static extern void Invlpg(void* address);

        /// <summary>RDMSR: reads model-specific register <paramref name="msr"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_rdmsr")]
        public static extern ulong Rdmsr(uint msr);

        /// <summary>WRMSR: writes model-specific register <paramref name="msr"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_wrmsr")]
        public static extern void Wrmsr(uint msr, ulong value);

        /// <summary>Loads the GDT from a 10-byte pseudo-descriptor (limit, base).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_lgdt")]
        public static extern void Lgdt(void* pseudoDescriptor);

        /// <summary>Loads the IDT from a 10-byte pseudo-descriptor (limit, base).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_lidt")]
        public static extern void Lidt(void* pseudoDescriptor);

        /// <summary>Loads the task register with the TSS descriptor at GDT <paramref name="selector"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_ltr")]
        public static extern void Ltr(ushort selector);

        /// <summary>XGETBV: reads extended control register <paramref name="xcr"/> (XCR0: the enabled XSAVE state components).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_xgetbv")]
        public static extern ulong Xgetbv(uint xcr);

        /// <summary>XSETBV: writes extended control register <paramref name="xcr"/>.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_xsetbv")]
        public static extern void Xsetbv(uint xcr, ulong value);

        /// <summary>XSAVE of <paramref name="components"/> (an XCR0 mask) into the standard-form area at <paramref name="area"/> (64-byte aligned, its header's bytes past XSTATE_BV zero).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_xsave")]
        public static extern void Xsave(void* area, ulong components);

        /// <summary>XRSTOR of <paramref name="components"/>, which leave out x87 and SSE, from the standard-form area at <paramref name="area"/>; MXCSR keeps its value (written into the area first).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_xrstor_keeping_mxcsr")]
        public static extern void XrstorKeepingMxcsr(void* area, ulong components);

        /// <summary>The time-stamp counter (in the test VM's --icount mode: instructions executed).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_rdtsc")]
        public static extern ulong Rdtsc();

        /// <summary>Executes CPUID; writes EAX, EBX, ECX, EDX to <paramref name="regs"/>[0..3].</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_cpuid")]
        public static extern void Cpuid(uint leaf, uint subleaf, uint* regs);
    }
}
