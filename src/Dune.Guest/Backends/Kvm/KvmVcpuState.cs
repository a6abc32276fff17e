using Dune.Cpu;
using Dune.Traps;

namespace Dune.Backends.Kvm
{
    /// <summary>The initial long-mode register state of a vCPU: flat segments, our tables, paging on, XCR0, the FPU.</summary>
    internal static unsafe class KvmVcpuState
    {
        /// <summary>Flat segments, <paramref name="cpu"/>'s GDT and TSS, the VM's IDT; GS base = <paramref name="cpu"/> (the per-CPU path).</summary>
        public static void SetSegments(KvmSregs* s, PerCpu* cpu, ulong idt, ulong fsBase)
        {
            s->Cs = Segment(SystemTables.KernelCode, 0xB, code: true);
            KvmSegment data = Segment(SystemTables.KernelData, 0x3, code: false);
            s->Ds = data;
            s->Es = data;
            s->Ss = data;
            s->Fs = Segment(0, 0x3, code: false);
            s->Fs.Base = fsBase;
            s->Gs = Segment(0, 0x3, code: false);
            s->Gs.Base = (ulong)cpu;
            s->Tr = new KvmSegment
            {
                Base = (ulong)cpu->Tss,
                Limit = Tss64.Size - 1,
                Selector = SystemTables.Tss,
                Type = 0xB,
                Present = 1,
            };
            s->Ldt = new KvmSegment { Type = 0x2, Unusable = 1 };
            s->Gdt = new KvmDtable { Base = (ulong)cpu->Gdt, Limit = PerCpu.GdtEntries * 8 - 1 };
            s->Idt = new KvmDtable { Base = idt, Limit = SystemTables.IdtSize - 1 };
        }

        public static void SetControl(KvmSregs* s, ulong cr3, bool xsave, bool fsgsbase)
        {
            s->Cr0 = Cr0.PE | Cr0.MP | Cr0.ET | Cr0.NE | Cr0.WP | Cr0.PG;
            s->Cr3 = cr3;
            s->Cr4 = Cr4.PAE | Cr4.PGE | Cr4.OSFXSR | Cr4.OSXMMEXCPT | (xsave ? Cr4.OSXSAVE : 0) | (fsgsbase ? Cr4.FSGSBASE : 0);
            s->Efer = Efer.LME | Efer.LMA | Efer.NXE | Efer.SCE;
        }

        /// <summary>XCR0 = what the host enabled and KVM supports (<paramref name="allowed"/>), limited to x87/SSE/AVX (what our code uses).</summary>
        public static bool SetXcr0(int vcpu, ulong allowed)
        {
            ulong* x = stackalloc ulong[KvmApi.XcrsSize / 8];
            for (int i = 0; i < KvmApi.XcrsSize / 8; i++) x[i] = 0;
            *(uint*)x = 1;                                              // nr_xcrs
            x[2] = allowed & (Xcr0.X87 | Xcr0.SSE | Xcr0.AVX);          // xcrs[0] = { xcr 0, value }
            return HostSyscall.Ioctl(vcpu, KvmApi.SetXcrs, x) >= 0;
        }

        /// <summary>The FPU state Linux starts processes with: all exceptions masked, round to nearest.</summary>
        public static bool SetDefaultFpu(int vcpu)
        {
            byte* buf = stackalloc byte[KvmApi.FpuSize];
            for (int i = 0; i < KvmApi.FpuSize; i++) buf[i] = 0;
            *(ushort*)(buf + KvmApi.FpuFcw) = 0x37F;
            *(uint*)(buf + KvmApi.FpuMxcsr) = 0x1F80;
            return HostSyscall.Ioctl(vcpu, KvmApi.SetFpu, buf) >= 0;
        }

        private static KvmSegment Segment(ushort selector, byte type, bool code) => new KvmSegment
        {
            Limit = 0xFFFFFFFF,
            Selector = selector,
            Type = type,
            Present = 1,
            S = 1,
            L = (byte)(code ? 1 : 0),
            Db = (byte)(code ? 0 : 1),
            G = 1,
        };
    }
}
