namespace Dune.Backends
{
    /// <summary>
    /// What entering Dune mode has acquired so far on either backend (descriptors -1 and pointers null until
    /// acquired), all given back if entering fails, so the process stays in host mode with nothing kept.
    /// </summary>
    internal unsafe struct EntryResources
    {
        /// <summary>/dev/kvm or /dev/dune, KVM's VM (dune.ko has none: the device's descriptor is the guest), the first vCPU.</summary>
        public int Device, Vm, Vcpu;
        /// <summary>What BackendArea.Map returned, and the vCPU's mapped run page of <see cref="RunSize"/> bytes.</summary>
        public byte* Area, Run;
        public long RunSize;

        /// <summary>Runs <paramref name="setup"/> (null once the caller continues in the guest, else why not) and releases everything if it fails.</summary>
        public static string Enter(delegate*<EntryResources*, string> setup)
        {
            EntryResources acquired = new EntryResources { Device = -1, Vm = -1, Vcpu = -1 };
            string error = setup(&acquired);
            if (error != null) acquired.Release();
            return error;
        }

        private void Release()
        {
            HostSyscall.SetGsBase(null);
            if (Run != null) HostSyscall.Invoke(Platform.SyscallNumber.Munmap, (long)Run, RunSize, 0, 0, 0, 0);
            if (Area != null) HostSyscall.Invoke(Platform.SyscallNumber.Munmap, (long)Area, (long)(BackendArea.Size + BackendArea.Alignment), 0, 0, 0, 0);
            if (Vcpu >= 0) HostSyscall.Invoke(Platform.SyscallNumber.Close, Vcpu, 0, 0, 0, 0, 0);
            if (Vm >= 0) HostSyscall.Invoke(Platform.SyscallNumber.Close, Vm, 0, 0, 0, 0, 0);
            if (Device >= 0) HostSyscall.Invoke(Platform.SyscallNumber.Close, Device, 0, 0, 0, 0, 0);
        }
    }
}
