using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Memory;
using Dune.Platform;
using Dune.Traps;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// Enters Dune mode on /dev/kvm: one VM with a vCPU per thread (the first one now, the others as threads start:
    /// KvmHost.Threads.cs), the process's address space mirrored into it, and the calling thread continuing in
    /// guest ring 0 while its host half serves hypercalls (see README.md).
    /// </summary>
    internal sealed unsafe class KvmBackend : IBackend
    {
        private const int ORdwr = 2, OCloexec = 0x80000;
        private const int ArchGetFs = 0x1003;
        /// <summary>Stack mapped below rsp at entry; the guest's faults grow it further (KvmHost.TryResolvePageFault).</summary>
        private const ulong StackReserve = 256UL << 10;
        /// <summary>Where BackendArea's scratch space keeps the CPUID list (8 + 256 * 40 bytes, kept: every later vCPU and a forked child's get it too).</summary>
        internal const int ScratchCpuid = 0;
        /// <summary>For VMX without unrestricted guest; inside the GPA range the layout leaves free.</summary>
        internal const ulong VmxTssAddress = 0x1000;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kvm_enter")]
        private static extern long SwitchToGuest(PerCpu* cpu, void* hostStackTop, delegate* unmanaged<PerCpu*, void> hostLoop);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kvm_start_thread")]
        private static extern long StartThreadHypercall(void* stackTop, int* tid, int* exitTid, void* threadPointer, void* state);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kvm_shootdown")]
        private static extern void ShootdownHypercall();

        public DuneBackend Kind => DuneBackend.Kvm;

        public GuestPhysicalLayout* PhysicalLayout => GuestMemory.Layout;

        public long StartThread(void* stackTop, int* tid, int* exitTid, void* threadPointer, void* state) =>
            StartThreadHypercall(stackTop, tid, exitTid, threadPointer, state);

        public void ShootdownTlb()
        {
            if (KvmHost.RunningVcpus > 1) ShootdownHypercall();
        }

        public string Enter() => EntryResources.Enter(&Setup);

        /// <summary>Nothing here may allocate after the final mirror: a new heap chunk would be missing in the guest.</summary>
        private static string Setup(EntryResources* acquired)
        {
            int kvm = acquired->Device = MonitorFds.Hide(HostSyscall.Open("/dev/kvm", ORdwr | OCloexec));
            if (kvm < 0) return "cannot open /dev/kvm";
            if (HostSyscall.Ioctl(kvm, KvmApi.GetApiVersion, 0) != KvmApi.ApiVersion) return "unsupported KVM API version";
            int vm = acquired->Vm = MonitorFds.Hide((int)HostSyscall.Ioctl(kvm, KvmApi.CreateVm, 0));
            if (vm < 0) return "KVM_CREATE_VM failed";
            long maxSlots = HostSyscall.Ioctl(kvm, KvmApi.CheckExtension, KvmApi.CapNrMemslots);
            if (maxSlots <= 0) maxSlots = 32;
            HostSyscall.Ioctl(vm, KvmApi.SetTssAddr, (long)VmxTssAddress);

            byte* raw = BackendArea.Map();
            if (raw == null) return "cannot map the backend's memory";
            acquired->Area = raw;
            byte* area = BackendArea.Align(raw);
            byte* scratch = area + BackendArea.ScratchOffset;

            // CPUID: what KVM supports, passed through to the guest unchanged.
            uint* cpuid = (uint*)(scratch + ScratchCpuid);
            const int MaxCpuidEntries = 256;
            cpuid[0] = MaxCpuidEntries;
            if (HostSyscall.Ioctl(kvm, KvmApi.GetSupportedCpuid, cpuid) < 0) return "KVM_GET_SUPPORTED_CPUID failed";
            KvmCpuidEntry* leaf1 = FindLeaf(cpuid, 1), leaf7 = FindLeaf(cpuid, 7), leafD = FindLeaf(cpuid, 0xD), leafAddr = FindLeaf(cpuid, 0x80000008);
            int physBits = leafAddr != null && (leafAddr->Eax & 0xFF) != 0 ? (int)(leafAddr->Eax & 0xFF) : 36;
            bool xsave = leaf1 != null && (leaf1->Ecx & CpuidBits.Leaf1EcxXsave) != 0 && leafD != null && HostHasOsxsave();
            bool fsgsbase = leaf7 != null && (leaf7->Ebx & CpuidBits.Leaf7EbxFsgsbase) != 0;

            int vcpu = acquired->Vcpu = MonitorFds.Hide((int)HostSyscall.Ioctl(vm, KvmApi.CreateVcpu, 0));
            if (vcpu < 0) return "KVM_CREATE_VCPU failed";
            long runSize = HostSyscall.Ioctl(kvm, KvmApi.GetVcpuMmapSize, 0);
            const int MapShared = 0x01;
            byte* run = runSize > 0 ? (byte*)HostSyscall.Mmap((ulong)runSize, Linux.ProtRead | Linux.ProtWrite, MapShared, vcpu) : null;
            if (run == null) return "cannot map kvm_run";
            acquired->Run = run;
            acquired->RunSize = runSize;

            // Memory: the page-table pool first (one contiguous window), then everything the process has.
            if (!GuestMemory.CreateMirror(vm, (int)maxSlots, &KvmHost.RegisterMemslot, area, physBits, out AddressSpaceMirror mirror))
                return "guest-physical address space too small";

            ulong* idt = (ulong*)(area + BackendArea.IdtOffset);
            SystemTables.BuildIdt(idt);
            const int First = 0;
            KvmVcpu* kvmVcpu = KvmVcpu.At(area, First);
            *kvmVcpu = new KvmVcpu { Fd = vcpu, Run = run };
            PerCpu* cpu = BackendArea.InitializeCpu(area, First, kvmVcpu, run + KvmApi.RunImmediateExit);
            if (!HostSyscall.SetGsBase(cpu)) return "cannot set the host thread's GS base";

            KvmHost.Prepare(kvm, vm, area);
            GuestMemory.Prepare(mirror, HostSyscall.Invoke(SyscallNumber.Brk, 0, 0, 0, 0, 0, 0), &KvmHost.Shootdown);
            KvmHost.RegisterFirstVcpu(kvmVcpu, xsave, fsgsbase, xsave ? Instructions.Xgetbv(0) & leafD->Eax : 0);
            ulong fsBase = 0;
            HostSyscall.Invoke(SyscallNumber.ArchPrctl, ArchGetFs, (long)&fsBase, 0, 0, 0, 0);
            string error = KvmHost.ConfigureVcpu(vcpu, cpu, fsBase);
            if (error != null) return error;
            if (!KvmHost.InstallKickHandler()) return "cannot install the vCPU kick handler";

            if (!GuestMemory.MirrorAll((ulong)&fsBase, StackReserve)) return "cannot mirror the address space and the stack into the guest";
            SwitchToGuest(cpu, BackendArea.HostStackTop(area, First), &KvmHost.EnterLoop);
            return null;
        }

        private static KvmCpuidEntry* FindLeaf(uint* cpuid, uint function)
        {
            KvmCpuidEntry* e = (KvmCpuidEntry*)(cpuid + 2);
            for (uint i = 0; i < cpuid[0]; i++)
                if (e[i].Function == function && e[i].Index == 0) return e + i;
            return null;
        }

        private static bool HostHasOsxsave()
        {
            uint* r = stackalloc uint[4];
            Instructions.Cpuid(1, 0, r);
            return (r[2] & CpuidBits.Leaf1EcxOsxsave) != 0;
        }
    }
}
