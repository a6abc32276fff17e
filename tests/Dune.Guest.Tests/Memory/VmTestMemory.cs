using System.Runtime.InteropServices;
using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

/// <summary>
/// Guest-physical memory for tests: two 2 MiB-aligned native regions covered by a real
/// <see cref="GuestPhysicalLayout"/> — a "runtime" page-table pool (issue 4's <see cref="PageTables"/>) at
/// GPA 0x200000 and a <see cref="PageAllocator"/> pool at GPA 0x400000 — so walking, sharing and copying
/// run over real table memory with real physical addresses.
/// </summary>
public sealed unsafe class VmTestMemory : IDisposable
{
    public const ulong RuntimeGpa = 0x20_0000, PoolGpa = 0x40_0000;
    public const int RuntimePages = 64, PoolPages = 512;

    private readonly byte* _runtime, _pool, _bookkeeping;
    private readonly GpaWindow* _windows;
    public readonly GuestPhysicalLayout* Layout;
    public readonly PhysicalMemory* Physical;
    public readonly PageAllocator* Pages;
    public PageTables Runtime;

    public VmTestMemory()
    {
        _runtime = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        _pool = (byte*)NativeMemory.AlignedAlloc((nuint)GuestPhysicalLayout.Granule, (nuint)GuestPhysicalLayout.Granule);
        NativeMemory.Clear(_runtime, (nuint)GuestPhysicalLayout.Granule);
        _windows = (GpaWindow*)NativeMemory.AllocZeroed(16, (nuint)sizeof(GpaWindow));
        Layout = (GuestPhysicalLayout*)NativeMemory.AllocZeroed((nuint)sizeof(GuestPhysicalLayout));
        *Layout = new GuestPhysicalLayout(_windows, 16, 40);
        Assert.Equal(1, Layout->Cover((ulong)_runtime, GuestPhysicalLayout.Granule));
        Assert.Equal(1, Layout->Cover((ulong)_pool, GuestPhysicalLayout.Granule));
        Physical = (PhysicalMemory*)NativeMemory.AllocZeroed((nuint)sizeof(PhysicalMemory));
        *Physical = new PhysicalMemory(Layout);
        _bookkeeping = (byte*)NativeMemory.Alloc((nuint)PageAllocator.BookkeepingBytes(PoolPages));
        Pages = (PageAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(PageAllocator));
        *Pages = new PageAllocator(_bookkeeping, _pool, PoolGpa, PoolPages);
        Runtime = new PageTables(_runtime, RuntimeGpa, RuntimePages);
    }

    /// <summary>The "runtime" tables as an attached space (changed in place, never grown).</summary>
    public AddressSpace RuntimeSpace => AddressSpace.Attach(Runtime.Root, Physical, Pages);

    /// <summary>A pool page's contents as 64-bit words.</summary>
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
