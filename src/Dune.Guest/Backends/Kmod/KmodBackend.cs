using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// Enters Dune mode on /dev/dune (kmod/, dune.ko): the module gives the calling thread a vCPU whose nested
    /// page tables it fills lazily from the process's own page tables, through the guest-physical windows we
    /// hand it. Everything the guest sees is as on the KVM backend: the same guest-physical layout (the
    /// windows are Host/AddressSpaceMirror's), page tables, GDT, TSS, IDT and per-CPU block, so
    /// Dune.Memory, Traps and UserMode run unchanged (README.md).
    /// </summary>
    internal sealed unsafe class KmodBackend : IBackend
    {
        private const int ORdwr = 2, OCloexec = 0x80000, MapShared = 0x01;
        private const int ArchGetFs = 0x1003;
        /// <summary>Stack mapped below rsp at entry, as on KVM; the guest's faults grow it further (GuestMemory.TryResolvePageFault).</summary>
        private const ulong StackReserve = 256UL << 10;
        /// <summary>The module keeps windows in a list: one per call is plenty for the few a layout has.</summary>
        private const int MaxWindows = 4096;

        /// <summary>The enter stubs of AMD-V (hypercalls with VMMCALL) and Intel VT-x (VMCALL), kmod-entry.S.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kmod_enter_svm")]
        private static extern long SwitchToSvmGuest(PerCpu* cpu, void* hostStackTop, delegate* unmanaged<PerCpu*, void> hostLoop);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kmod_enter_vmx")]
        private static extern long SwitchToVmxGuest(PerCpu* cpu, void* hostStackTop, delegate* unmanaged<PerCpu*, void> hostLoop);

        public DuneBackend Kind => DuneBackend.Kmod;

        public GuestPhysicalLayout* PhysicalLayout => GuestMemory.Layout;

        /// <summary>The host half starts the thread on a vCPU of its own (KmodHost.Threads.cs), asked through the hypercall block.</summary>
        public long StartThread(void* stackTop, int* tid, int* exitTid, void* threadPointer, void* state) =>
            Syscall.Invoke(PlainHypercalls.StartThread, (long)stackTop, (long)tid, (long)exitTid, (long)threadPointer, (long)state, 0);

        /// <summary>DUNE_FLUSH_TLB on the guest, a plain hypercall, once other vCPUs run.</summary>
        public void ShootdownTlb()
        {
            if (KmodHost.RunningVcpus > 1) Syscall.Invoke(SyscallNumber.Ioctl, KmodHost.Guest, (long)DuneAbi.FlushTlb);
        }

        public string Enter() => EntryResources.Enter(&Setup);

        /// <summary>Nothing here may allocate after the final mirror: a new heap chunk would be missing in the guest.</summary>
        private static string Setup(EntryResources* acquired)
        {
            int dune = acquired->Device = MonitorFds.Hide(HostSyscall.Open("/dev/dune", ORdwr | OCloexec));
            if (dune < 0) return "cannot open /dev/dune";
            long version = HostSyscall.Ioctl(dune, DuneAbi.GetAbiVersion, 0);
            if (version != DuneAbi.AbiVersion) return "dune.ko speaks another ABI version (DUNE_GET_ABI_VERSION) than this runtime";

            byte* raw = BackendArea.Map();
            if (raw == null) return "cannot map the backend's memory";
            acquired->Area = raw;
            byte* area = BackendArea.Align(raw);

            // The guest runs on the host CPU's own CPUID (the module does not intercept it).
            uint* r = stackalloc uint[4];
            Instructions.Cpuid(0x80000008, 0, r);
            int physBits = (r[0] & 0xFF) != 0 ? (int)(r[0] & 0xFF) : 36;
            Instructions.Cpuid(1, 0, r);
            bool xsave = (r[2] & CpuidBits.Leaf1EcxXsave) != 0 && (r[2] & CpuidBits.Leaf1EcxOsxsave) != 0;
            Instructions.Cpuid(7, 0, r);
            bool fsgsbase = (r[1] & CpuidBits.Leaf7EbxFsgsbase) != 0;
            // The module's own rule (kmod/dune_main.c): AMD-V wherever the CPU has it, else VT-x.
            Instructions.Cpuid(0x80000001, 0, r);
            bool svm = (r[2] & CpuidBits.ExtLeaf1EcxSvm) != 0;

            int vcpuFd = acquired->Vcpu = MonitorFds.Hide((int)HostSyscall.Ioctl(dune, DuneAbi.CreateVcpu, 0));
            if (vcpuFd < 0) return "DUNE_CREATE_VCPU failed";
            DuneRun* run = (DuneRun*)HostSyscall.Mmap(DuneAbi.RunSize, Linux.ProtRead | Linux.ProtWrite, MapShared, vcpuFd);
            if (run == null) return "cannot map the vCPU's struct dune_run";
            acquired->Run = (byte*)run;
            acquired->RunSize = DuneAbi.RunSize;

            // Memory: the page-table pool first (one contiguous window), then everything the process has.
            if (!GuestMemory.CreateMirror(dune, MaxWindows, &AddWindow, area, physBits, out AddressSpaceMirror mirror))
                return "guest-physical address space too small, or dune.ko refused a window";

            ulong* idt = (ulong*)(area + BackendArea.IdtOffset);
            SystemTables.BuildIdt(idt);
            const int First = 0;
            KmodVcpu* vcpu = KmodVcpu.At(area, First);
            byte* hostStackTop = BackendArea.HostStackTop(area, First) - KmodVcpu.FpuAreaSize;
            *vcpu = new KmodVcpu { Fd = vcpuFd, Run = run, FpuArea = hostStackTop };
            PerCpu* cpu = BackendArea.InitializeCpu(area, First, vcpu, (byte*)&run->ImmediateExit);
            if (!HostSyscall.SetGsBase(cpu)) return "cannot set the host thread's GS base";
            KmodHost.Prepare(dune, xsave ? Instructions.Xgetbv(0) & (Xcr0.X87 | Xcr0.SSE | Xcr0.AVX) : 0);
            KmodHost.RegisterFirstVcpu(area, vcpu, xsave, fsgsbase);

            ulong fsBase = 0;
            HostSyscall.Invoke(SyscallNumber.ArchPrctl, ArchGetFs, (long)&fsBase, 0, 0, 0, 0);
            DuneSregs sregs;
            KmodVcpuState.Set(&sregs, cpu, (ulong)idt, fsBase, mirror.Tables.Root, xsave, fsgsbase);
            if (HostSyscall.Ioctl(vcpuFd, DuneAbi.SetSregs, &sregs) < 0) return "DUNE_SET_SREGS failed";

            GuestMemory.Prepare(mirror, HostSyscall.Invoke(SyscallNumber.Brk, 0, 0, 0, 0, 0, 0), &KmodHost.Shootdown);

            if (!GuestMemory.MirrorAll((ulong)&fsBase, StackReserve)) return "cannot mirror the address space and the stack into the guest";
            if (svm) SwitchToSvmGuest(cpu, hostStackTop, &KmodHost.EnterLoop);
            else SwitchToVmxGuest(cpu, hostStackTop, &KmodHost.EnterLoop);
            return null;
        }

        /// <summary>AddressSpaceMirror's window registration on dune.ko: DUNE_ADD_WINDOWS with one window.</summary>
        private static bool AddWindow(int dune, int index, GpaWindow* w)
        {
            DuneWindows arg = new DuneWindows { Windows = (ulong)w, Count = 1 };
            return HostSyscall.Ioctl(dune, DuneAbi.AddWindows, &arg) >= 0;
        }
    }
}
