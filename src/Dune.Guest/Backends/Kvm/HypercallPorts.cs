namespace Dune.Backends.Kvm
{
    /// <summary>
    /// The I/O ports the guest stubs (kvm-entry.S) use to leave the guest. Probe does nothing: the host
    /// re-enters at once, so `out %al, $0xD2` measures the bare exit to user space and back (bench/paper's
    /// exit floor). StartThread and Shootdown carry <see cref="Cpu.PerCpu.Hypercall"/>'s arguments like a
    /// system call but are the backend's own (KvmHost.Threads.cs, KvmHost.Shootdown.cs).
    /// </summary>
    internal static class HypercallPorts
    {
        public const ushort Hypercall = 0xD0, Fault = 0xD1, Probe = 0xD2, StartThread = 0xD3, Shootdown = 0xD4;
    }
}
