namespace Dune.Backends.Kvm
{
    /// <summary>ioctl numbers, capabilities and exit reasons of the KVM API (linux/kvm.h, x86-64).</summary>
    internal static class KvmApi
    {
        // On /dev/kvm.
        public const ulong GetApiVersion = 0xAE00, CreateVm = 0xAE01, CheckExtension = 0xAE03,
            GetVcpuMmapSize = 0xAE04, GetSupportedCpuid = 0xC008AE05;
        // On the VM.
        public const ulong CreateVcpu = 0xAE41, SetUserMemoryRegion = 0x4020AE46, SetTssAddr = 0xAE47;
        // On the vCPU.
        public const ulong Run = 0xAE80, GetRegs = 0x8090AE81, SetRegs = 0x4090AE82, GetSregs = 0x8138AE83,
            SetSregs = 0x4138AE84, SetFpu = 0x41A0AE8D, SetCpuid2 = 0x4008AE90, SetXcrs = 0x4188AEA7,
            GetVcpuEvents = 0x8040AE9F, SetVcpuEvents = 0x4040AEA0, GetMsrs = 0xC008AE88, SetMsrs = 0x4008AE89,
            GetXcrs = 0x8188AEA6, GetXsave = 0x9000AEA4, SetXsave = 0x5000AEA5, Nmi = 0xAE9A;

        /// <summary>struct kvm_xsave size.</summary>
        public const int XsaveSize = 4096;

        public const int ApiVersion = 12;
        public const long CapNrMemslots = 10;

        public const uint ExitIo = 2, ExitHlt = 5, ExitMmio = 6, ExitShutdown = 8, ExitFailEntry = 9,
            ExitInternalError = 17;

        /// <summary>Offsets into struct kvm_run.</summary>
        public const int RunImmediateExit = 1, RunExitReason = 8, RunIoPort = 34,
            RunMmioPhysAddr = 32, RunInternalSuberror = 32, RunFailEntryReason = 32;

        /// <summary>struct kvm_fpu: size and the offsets of the x87 control word and MXCSR.</summary>
        public const int FpuSize = 416, FpuFcw = 128, FpuMxcsr = 408;

        /// <summary>kvm_vcpu_events.flags: the NMI pending count is valid (KVM_SET_VCPU_EVENTS overwrites it).</summary>
        public const uint VcpuEventValidNmiPending = 1;

        /// <summary>struct kvm_xcrs size.</summary>
        public const int XcrsSize = 392;
    }

    /// <summary>struct kvm_segment.</summary>
    internal struct KvmSegment
    {
        public ulong Base;
        public uint Limit;
        public ushort Selector;
        public byte Type, Present, Dpl, Db, S, L, G, Avl, Unusable, Padding;
    }

    /// <summary>struct kvm_dtable.</summary>
    internal struct KvmDtable
    {
        public ulong Base;
        public ushort Limit, Pad0, Pad1, Pad2;
    }

    /// <summary>struct kvm_sregs (312 bytes).</summary>
    internal unsafe struct KvmSregs
    {
        public KvmSegment Cs, Ds, Es, Fs, Gs, Ss, Tr, Ldt;
        public KvmDtable Gdt, Idt;
        public ulong Cr0, Cr2, Cr3, Cr4, Cr8, Efer, ApicBase;
        public fixed ulong InterruptBitmap[4];
    }

    /// <summary>struct kvm_regs (144 bytes).</summary>
    internal struct KvmRegs
    {
        public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rsp, Rbp, R8, R9, R10, R11, R12, R13, R14, R15, Rip, Rflags;
    }

    /// <summary>struct kvm_userspace_memory_region.</summary>
    internal struct KvmMemoryRegion
    {
        public uint Slot, Flags;
        public ulong GuestPhysAddr, MemorySize, UserspaceAddr;
    }

    /// <summary>struct kvm_cpuid_entry2 (40 bytes); struct kvm_cpuid2 is an 8-byte count header before them.</summary>
    internal unsafe struct KvmCpuidEntry
    {
        public uint Function, Index, Flags, Eax, Ebx, Ecx, Edx;
        public fixed uint Padding[3];
    }

    /// <summary>struct kvm_vcpu_events (64 bytes): the events KVM delivers on the next entry.</summary>
    internal struct KvmVcpuEvents
    {
        public byte ExceptionInjected, ExceptionNr, ExceptionHasErrorCode, ExceptionPending;
        public uint ExceptionErrorCode;
        public byte InterruptInjected, InterruptNr, InterruptSoft, InterruptShadow;
        public byte NmiInjected, NmiPending, NmiMasked, NmiPad;
        public uint SipiVector, Flags;
        public ulong Rest0, Rest1, Rest2, Rest3, Rest4;
    }
}
