using System.Runtime.InteropServices;
using Dune.Memory;

/// <summary>
/// Native, 2 MiB-aligned guest-physical memory for the benchmarks: a page-table pool for the "runtime" tables
/// (as the KVM backend's mirror builds them) and a PageAllocator pool for address spaces, both covered by a
/// real GuestPhysicalLayout so walks convert physical addresses exactly as in ring 0.
/// </summary>
sealed unsafe class GuestMemory : IDisposable
{
    public const ulong RuntimeGpa = 0x20_0000;
    public const int RuntimePages = 512, PoolPages = 512;

    private readonly byte* _runtime, _pool, _bookkeeping;
    private readonly GpaWindow* _windows;
    public readonly GuestPhysicalLayout* Layout;
    public readonly PhysicalMemory* Physical;
    public readonly PageAllocator* Pages;
    public PageTables Runtime;

    public GuestMemory()
    {
        _runtime = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        _pool = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        NativeMemory.Clear(_runtime, (nuint)GuestPhysicalLayout.Granule);
        _windows = (GpaWindow*)NativeMemory.AllocZeroed(16, (nuint)sizeof(GpaWindow));
        Layout = (GuestPhysicalLayout*)NativeMemory.AllocZeroed((nuint)sizeof(GuestPhysicalLayout));
        *Layout = new GuestPhysicalLayout(_windows, 16, 40);
        Layout->Cover((ulong)_runtime, GuestPhysicalLayout.Granule);
        Layout->Cover((ulong)_pool, GuestPhysicalLayout.Granule);
        Layout->TryTranslate((ulong)_pool, out ulong poolGpa);
        Physical = (PhysicalMemory*)NativeMemory.AllocZeroed((nuint)sizeof(PhysicalMemory));
        *Physical = new PhysicalMemory(Layout);
        _bookkeeping = (byte*)NativeMemory.Alloc((nuint)PageAllocator.BookkeepingBytes(PoolPages));
        Pages = (PageAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(PageAllocator));
        *Pages = new PageAllocator(_bookkeeping, _pool, poolGpa, PoolPages);
        Runtime = new PageTables(_runtime, RuntimeGpa, RuntimePages);
    }

    public AddressSpace RuntimeSpace => AddressSpace.Attach(Runtime.Root, Physical, Pages);

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
