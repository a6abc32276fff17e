namespace Dune
{
    /// <summary>How the process got into Dune mode.</summary>
    public enum DuneBackend
    {
        /// <summary>Not in Dune mode: a normal ring-3 process.</summary>
        None,
        /// <summary>/dev/kvm: the process drives its own VM (Backends/Kvm).</summary>
        Kvm,
        /// <summary>/dev/dune: the dune.ko kernel module.</summary>
        Kmod,
    }
}
