namespace Dune.Backends.Kvm
{
    /// <summary>The I/O ports the guest stubs (kvm-entry.S) use to leave the guest.</summary>
    internal static class HypercallPorts
    {
        public const ushort Hypercall = 0xD0, Fault = 0xD1;
    }
}
