// The structs' fields are written by the kernel (the mmap'd run page, DUNE_GET_SREGS), not by C# code.
#pragma warning disable CS0649

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// The /dev/dune ioctl ABI (kmod/include/dune.h): numbers and constants. Every name here is the C name in
    /// PascalCase, and tests/Dune.Guest.Tests checks each value and struct layout against the header.
    /// </summary>
    internal static class DuneAbi
    {
        /// <summary>DUNE_ABI_VERSION: what DUNE_GET_ABI_VERSION returns for this layout.</summary>
        public const int AbiVersion = 3;

        /// <summary>DUNE_RUN_SIZE: the bytes of a vCPU fd to mmap for its <see cref="DuneRun"/>.</summary>
        public const int RunSize = 4096;

        // On /dev/dune.
        public const ulong GetAbiVersion = 0xD700, AddWindows = 0x4010D701, CreateVcpu = 0xD702, FlushTlb = 0xD703;
        // On a vCPU fd.
        public const ulong SetSregs = 0x40D0D710, GetSregs = 0x80D0D711, Run = 0xD712;
    }

    /// <summary>enum dune_exit_reason: why DUNE_RUN returned.</summary>
    internal enum DuneExitReason : uint
    {
        Hypercall = 1,
        Signal = 2,
        MemoryFault = 3,
        Hlt = 4,
        Shutdown = 5,
        InvalidState = 6,
        Unhandled = 7,
    }

    /// <summary>struct dune_window: a host virtual range at a guest-physical range of the same size.</summary>
    internal struct DuneWindow
    {
        public ulong HostVa, Gpa, Size;
    }

    /// <summary>struct dune_windows: DUNE_ADD_WINDOWS's argument.</summary>
    internal struct DuneWindows
    {
        public ulong Windows;
        public uint Count, Reserved;
    }

    /// <summary>struct dune_segment; Attributes packs type, S, DPL, P (bits 0-7) and AVL, L, D/B, G (bits 8-11).</summary>
    internal struct DuneSegment
    {
        public ushort Selector, Attributes;
        public uint Limit;
        public ulong Base;
    }

    /// <summary>struct dune_table: GDTR or IDTR.</summary>
    internal unsafe struct DuneTable
    {
        public ulong Base;
        public ushort Limit;
        public fixed ushort Reserved[3];
    }

    /// <summary>struct dune_sregs: the guest's system state.</summary>
    internal struct DuneSregs
    {
        public ulong Cr0, Cr2, Cr3, Cr4, Efer, Pat;
        public DuneSegment Cs, Ds, Es, Fs, Gs, Ss, Tr, Ldtr;
        public DuneTable Gdt, Idt;
    }

    /// <summary>struct dune_regs: the guest's general registers.</summary>
    internal struct DuneRegs
    {
        public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rbp, Rsp, R8, R9, R10, R11, R12, R13, R14, R15, Rip, Rflags;
    }

    /// <summary>struct dune_run: the page shared with the kernel through a vCPU fd's mmap.</summary>
    internal unsafe struct DuneRun
    {
        public DuneRegs Regs;
        public uint ExitReason;
        /// <summary>Nonzero: DUNE_RUN returns <see cref="DuneExitReason.Signal"/> before entering (set by the host's signal handler).</summary>
        public uint ImmediateExit;
        public fixed ulong Info[2];
        public ulong Exits, NestedPageFaults;
    }
}
