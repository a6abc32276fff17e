using Dune.Tests.Shared;
using BenchmarkDotNet.Attributes;
using Dune.Memory;

/// <summary>
/// The mapper and walker the KVM backend and Dune.Memory run in ring 0: mirroring 2 MiB of host memory into
/// the runtime's tables, looking pages up, and Dune.Memory's protect/unprotect pair (Appel and Li's PROT1 and
/// UNPROT) on an attached space.
/// </summary>
public unsafe class PageTableBenchmarks
{
    private const ulong Base = 0x7F00_0000_0000, Gpa = 0x4000_0000;
    private NativeGuestMemory _memory;
    private readonly ulong[] _probes = new ulong[512];

    [GlobalSetup]
    public void Setup()
    {
        _memory = new NativeGuestMemory(runtimePages: 512);
        _memory.Runtime.Map(Base, Gpa, 8 * GuestPhysicalLayout.Granule, Pte.LeafFlags(true, false, false));
        ulong x = 0x9E3779B97F4A7C15;
        for (int i = 0; i < _probes.Length; i++)
        {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            _probes[i] = Base + (x % (8 * 512)) * Pte.PageSize;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _memory.Dispose();

    /// <summary>512 PTEs, the unit the mirror fills per leaf table.</summary>
    [Benchmark]
    public bool MirrorTwoMiB() => _memory.Runtime.Map(Base, Gpa, GuestPhysicalLayout.Granule, Pte.LeafFlags(true, false, false));

    [Benchmark(OperationsPerInvoke = 512)]
    public ulong Lookup()
    {
        ulong sum = 0;
        foreach (ulong va in _probes) sum += _memory.Runtime.Lookup(va);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 512)]
    public ulong Translate()
    {
        AddressSpace space = _memory.RuntimeSpace;
        ulong sum = 0;
        foreach (ulong va in _probes) { space.Translate(va, out ulong pa); sum += pa; }
        return sum;
    }

    [Benchmark]
    public bool ProtectUnprotectOnePage()
    {
        AddressSpace space = _memory.RuntimeSpace;
        return space.Protect(Base + 0x5000, Pte.PageSize, Permissions.Read) & space.Protect(Base + 0x5000, Pte.PageSize, Permissions.ReadWrite);
    }

    /// <summary>Appel and Li's PROTN over 100 pages.</summary>
    [Benchmark]
    public bool ProtectHundredPages()
    {
        AddressSpace space = _memory.RuntimeSpace;
        return space.Protect(Base, 100 * Pte.PageSize, Permissions.Read) & space.Protect(Base, 100 * Pte.PageSize, Permissions.ReadWrite);
    }
}
