using System.Runtime.InteropServices;
using Dune.Memory;

namespace Dune.Tests.Shared;

/// <summary>
/// Guest-physical memory on normal .NET, for the unit tests (Dune.Guest.Tests) and the benchmarks (bench/micro):
/// two 2 MiB-aligned native regions covered by a real <see cref="GuestPhysicalLayout"/> — a "runtime"
/// <see cref="PageTables"/> pool at GPA 0x200000 (as the KVM backend's mirror builds it) and a
/// <see cref="PageAllocator"/> pool at GPA 0x400000 — so walking, sharing and copying run over real table memory
/// with real physical addresses, exactly as in ring 0.
/// </summary>
public sealed unsafe class NativeGuestMemory : IDisposable
{
    public const ulong RuntimeGpa = 0x20_0000, PoolGpa = 0x40_0000;
    public const int PoolPages = 512;

    private readonly byte* _runtime, _pool, _bookkeeping;
    private readonly GpaWindow* _windows;
    public readonly GuestPhysicalLayout* Layout;
    public readonly PhysicalMemory* Physical;
    public readonly PageAllocator* Pages;
    public PageTables Runtime;

    /// <param name="runtimePages">Pages the runtime tables may use (at most 512, one granule).</param>
    public NativeGuestMemory(int runtimePages = 64)
    {
        _runtime = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        _pool = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        NativeMemory.Clear(_runtime, (nuint)GuestPhysicalLayout.Granule);
        _windows = (GpaWindow*)NativeMemory.AllocZeroed(16, (nuint)sizeof(GpaWindow));
        Layout = (GuestPhysicalLayout*)NativeMemory.AllocZeroed((nuint)sizeof(GuestPhysicalLayout));
        *Layout = new GuestPhysicalLayout(_windows, 16, 40);
        Layout->Cover((ulong)_runtime, GuestPhysicalLayout.Granule);
        Layout->Cover((ulong)_pool, GuestPhysicalLayout.Granule);
        if (!Layout->TryTranslate((ulong)_runtime, out ulong runtimeGpa) || runtimeGpa != RuntimeGpa ||
            !Layout->TryTranslate((ulong)_pool, out ulong poolGpa) || poolGpa != PoolGpa)
            throw new InvalidOperationException("GuestPhysicalLayout no longer places the first two granules at 0x200000 and 0x400000");
        Physical = (PhysicalMemory*)NativeMemory.AllocZeroed((nuint)sizeof(PhysicalMemory));
        *Physical = new PhysicalMemory(Layout);
        _bookkeeping = (byte*)NativeMemory.Alloc((nuint)PageAllocator.BookkeepingBytes(PoolPages));
        Pages = (PageAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(PageAllocator));
        *Pages = new PageAllocator(_bookkeeping, _pool, PoolGpa, PoolPages);
        Runtime = new PageTables(_runtime, RuntimeGpa, runtimePages);
    }

    /// <summary>The "runtime" tables as an attached space (changed in place, never grown).</summary>
    public AddressSpace RuntimeSpace => AddressSpace.Attach(Runtime.Root, Physical, Pages);

    /// <summary>A page's contents as 64-bit words.</summary>
    public ulong* Words(ulong gpa) => (ulong*)Physical->ToPointer(gpa);

    public void Dispose()
    {
        NativeMemory.AlignedFree(_runtime);
        NativeMemory.AlignedFree(_pool);
        NativeMemory.Free(_windows);
        NativeMemory.Free(Layout);
        NativeMemory.Free(Physical);
        NativeMemory.Free(_bookkeeping);
        NativeMemory.Free(Pages);
    }
}
