using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Dune.Memory in the test VM's ring 0, on the paging hardware QEMU emulates for the nested guest:
/// tests/programs/vm-memory (one behaviour per argument, see VmPrograms) and samples/dirty.
/// </summary>
[Collection("vm")]
public class VirtualMemoryTests
{
    private readonly VmRun _vm;

    public VirtualMemoryTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected VirtualMemoryTests(VmRun vm) => _vm = vm;

    private string Stdout(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        return r.Stdout;
    }

    [Fact]
    public void HardwareSetsAccessedOnReadsAndDirtyOnlyOnWrites()
    {
        Assert.Equal(
            "vm-memory: fresh page: accessed 0, dirty 0\n" +
            "vm-memory: after a read (0): accessed 1, dirty 0\n" +
            "vm-memory: after a write: accessed 1, dirty 1\n" +
            "vm-memory: cleared (had accessed 1, dirty 1): accessed 0, dirty 0\n" +
            "vm-memory: read again (7): accessed 1, dirty 0\n" +
            "vm-memory: written again: accessed 1, dirty 1\n",
            Stdout("vm-dirty"));
    }

    [Fact]
    public void ProtectChangesOnlyTheRangeAndReadsDoNotDirty()
    {
        Assert.Equal(
            "vm-memory: read-only page reads 5: permissions r--s, accessed 1, dirty 0\n" +
            "vm-memory: writable again, wrote 6: permissions rw-s, accessed 1, dirty 1\n" +
            "vm-memory: neighbour untouched: permissions rw-s\n",
            Stdout("vm-protect"));
    }

    [Fact]
    public void WritingAWriteProtectedPageFaultsInRingZero()
    {
        VmResult r = _vm.Result("vm-wp-fault");
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.StartsWith("vm-memory: writing to a read-only page at 0x", r.Stdout);
        Assert.DoesNotContain("went through", r.Stdout);
        string address = r.Stdout.Trim().Split(" at 0x")[1];
        Assert.StartsWith("dune: unhandled guest exception #PF page fault (vector 14) in ring 0\n", r.Stderr);
        Assert.Contains($"error code 0x0000000000000003  cr2 0x{address.PadLeft(16, '0')} (write, protection)", r.Stderr);
    }

    [Fact]
    public void SecondAddressSpaceSeesDifferentMemoryAtTheSameAddressAndAliasesAgree()
    {
        Assert.Equal(
            "vm-memory: mapped yes, roots from the pool yes, distinct\n" +
            "vm-memory: same address, space a reads 0x1111, space b reads 0x2222\n" +
            "vm-memory: alias write 0xa1a5 seen at x 0xa1a5 and at the runtime address 0xa1a5\n" +
            "vm-memory: b's write reached p2: 0xbbbb; runtime maps x: no\n" +
            "vm-memory: after unmap a maps x: no, p1 keeps 0xa1a5, pool pages back: all\n",
            Stdout("vm-spaces"));
    }

    [Fact]
    public void TwoMegabytePagesAndUncachedMappings()
    {
        Assert.Equal(
            "vm-memory: 2 MiB page mapped, large bit 1, sum through it matches\n" +
            "vm-memory: uncached alias pcd 1 pwt 1, its write seen through the pool: 0x5eed\n",
            Stdout("vm-large"));
    }

    [Fact]
    public void GigabytePageReachesTheSameMemory()
    {
        Assert.Equal(
            "vm-memory: cpu 1 GiB pages yes\n" +
            "vm-memory: 1 GiB page mapped, translates to the page yes, reads 0x6161, its write seen at the runtime address 0x7272\n",
            Stdout("vm-huge"));
    }

    [Fact]
    public void PcidSwitchingWhereTheCpuHasIt()
    {
        // The test VM's CPU model (EPYC) has no PCID: switches flush, and each space still sees its own page.
        Assert.Equal(
            "vm-memory: cpu pcid no, invpcid no\n" +
            "vm-memory: pcid enabled no, cr3 pcid bits while in b 0\n" +
            "vm-memory: a 0x1111, b 0x2222, a again 0x1111, b after remap 0x3333\n",
            Stdout("vm-pcid"));
    }

    [Fact]
    public void CopyOnWriteForkCopiesForTheFirstWriterOnly()
    {
        Assert.Equal(
            "vm-memory: shared after fork: writable 0, cow 1, references 2, b reads 0xc0ffee\n" +
            "vm-memory: read fault handled no; b's write fault handled yes, b now 0xb0b in its own copy\n" +
            "vm-memory: a still reads 0xc0ffee, references 1, a's write fault handled yes in the original frame, a second time no, frame holds 0xa0a\n",
            Stdout("vm-cow"));
    }

    [Fact]
    public void CopyOnWriteThroughRealPageFaults()
    {
        // CopyOnWrite.InstallFaultHandler: plain writes fault, the ring-0 handler copies or unprotects, the write is retried.
        Assert.Equal(
            "vm-memory: child wrote pages 0 and 2 after 2 faults; child sees 0xb0 0x101 0xb2 0x103; parent sees 0x100 0x101 0x102 0x103\n" +
            "vm-memory: parent wrote pages 0 and 1 after 2 more faults; page 0 kept its frame, page 1 got a copy; references 1 1 1 2\n",
            Stdout("vm-cow-faults"));
    }

    [Fact]
    public void HotPathsAllocateNoManagedMemory()
    {
        // Per round: protect/unprotect, clear A/D over 16 pages, one write, a dirty walk, map/unmap, fork, two
        // copy-on-write faults, three CR3 switches. Only the original frame stays allocated afterwards.
        Assert.Equal(
            "vm-memory: 1000 rounds, dirty pages seen 1000, faults resolved 2000, managed bytes allocated 0, pool pages in use 1\n",
            Stdout("vm-hot"));
    }

    [Fact]
    public void DirtySampleFindsThePagesTheComputationWrote()
    {
        Assert.Equal(
            "dirty: 64 of 64 pages dirty before clearing\n" +
            "dirty: computation made 22 updates; dirty pages: 0 1 3 5 8 13 21 34 55\n",
            Stdout("dirty-sample"));
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class VirtualMemoryTestsOnKmod : VirtualMemoryTests
{
    public VirtualMemoryTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
