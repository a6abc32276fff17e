#if !DUNE_HOSTED_TESTS
using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;

namespace Dune.Memory
{
    /// <summary>INVPCID's invalidation types.</summary>
    public enum InvpcidType : ulong
    {
        /// <summary>One linear address in one PCID.</summary>
        Address = 0,
        /// <summary>Every non-global entry of one PCID.</summary>
        Context = 1,
        /// <summary>Every entry of every PCID, global ones included.</summary>
        AllIncludingGlobal = 2,
        /// <summary>Every non-global entry of every PCID.</summary>
        AllNonGlobal = 3,
    }

    /// <summary>
    /// TLB control and address-space switching in ring 0: INVLPG, full flushes, and process-context
    /// identifiers (CR4.PCIDE: CR3's low 12 bits tag TLB entries, and bit 63 of a CR3 write keeps them).
    /// The invalidations reach every vCPU of the process: after the local instruction, the backend flushes the
    /// other vCPUs' whole TLBs before returning (a shootdown, IBackend.ShootdownTlb; free with one vCPU).
    /// </summary>
    public static unsafe class Tlb
    {
        /// <summary>CR3 write bit 63 (with PCIDE): switch without flushing the new PCID's entries.</summary>
        public const ulong NoFlush = 1UL << 63;
        /// <summary>The PCID bits of CR3 (12 bits).</summary>
        public const ulong PcidMask = 0xFFF;
        /// <summary>Above this many pages one flush is cheaper than INVLPG per page.</summary>
        public const int InvlpgLimit = 64;

        private const uint Leaf1EcxPcid = 1u << 17, Leaf7EbxInvpcid = 1u << 10;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_write_cr4")]
        private static extern void WriteCr4(ulong value);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_invpcid")]
        private static extern void Invpcid(ulong type, ulong* descriptor);

        /// <summary>Drops the TLB entry of the page holding <paramref name="va"/> (current PCID), and the other vCPUs' TLBs.</summary>
        public static void Invalidate(ulong va)
        {
            Instructions.Invlpg((void*)va);
            ShootdownOthers();
        }

        /// <summary>Drops the entries of [va, va+length): INVLPG per page, or a flush for long ranges.</summary>
        public static void InvalidateRange(ulong va, ulong length)
        {
            ulong first = va & ~(Pte.PageSize - 1), end = va + length;
            if ((end - first) >> Pte.PageShift > InvlpgLimit) { Flush(); return; }
            for (ulong p = first; p < end; p += Pte.PageSize) Instructions.Invlpg((void*)p);
            ShootdownOthers();
        }

        /// <summary>Reloads CR3: drops the current PCID's non-global entries (and the other vCPUs' TLBs).</summary>
        public static void Flush()
        {
            Instructions.WriteCr3(Instructions.ReadCr3());
            ShootdownOthers();
        }

        /// <summary>Drops every entry, global ones and other PCIDs' included (toggles CR4.PGE).</summary>
        public static void FlushEverything()
        {
            ulong cr4 = Instructions.ReadCr4();
            WriteCr4(cr4 ^ Cr4.PGE);
            WriteCr4(cr4);
            ShootdownOthers();
        }

        /// <summary>Other vCPUs may cache what changed: the backend flushes theirs.</summary>
        private static void ShootdownOthers() => Backends.Backend.Current?.ShootdownTlb();

        /// <summary>Whether the CPU supports process-context identifiers (CPUID.1:ECX.PCID).</summary>
        public static bool CpuHasPcid => (Cpuid(1, 0, 2) & Leaf1EcxPcid) != 0;

        /// <summary>Whether the CPU has the INVPCID instruction (CPUID.7:EBX.INVPCID).</summary>
        public static bool CpuHasInvpcid => (Cpuid(7, 0, 1) & Leaf7EbxInvpcid) != 0;

        /// <summary>Whether CR4.PCIDE is set.</summary>
        public static bool PcidEnabled => (Instructions.ReadCr4() & Cr4.PCIDE) != 0;

        /// <summary>Sets CR4.PCIDE if the CPU has PCIDs; the current CR3 must carry PCID 0 (the runtime's does).</summary>
        public static bool EnablePcid()
        {
            if (PcidEnabled) return true;
            if (!CpuHasPcid || (Instructions.ReadCr3() & PcidMask) != 0) return false;
            WriteCr4(Instructions.ReadCr4() | Cr4.PCIDE);
            return true;
        }

        /// <summary>
        /// Switches to the address space rooted at <paramref name="root"/>. With PCIDs enabled its entries are
        /// tagged <paramref name="pcid"/> and, unless <paramref name="flush"/>, survive the switch (so they must
        /// still be valid: invalidate after changing a space that is not current). Without PCIDs the switch
        /// always flushes and <paramref name="pcid"/> is ignored.
        /// </summary>
        public static void Switch(ulong root, ushort pcid = 0, bool flush = true)
        {
            ulong cr3 = root & Pte.AddressMask;
            if (PcidEnabled) cr3 |= (pcid & PcidMask) | (flush ? 0 : NoFlush);
            Instructions.WriteCr3(cr3);
        }

        /// <summary>INVPCID (needs <see cref="CpuHasInvpcid"/>): drops entries of any PCID, current or not.</summary>
        public static void InvalidatePcid(InvpcidType type, ushort pcid, ulong va = 0)
        {
            ulong* descriptor = stackalloc ulong[2];
            descriptor[0] = pcid & PcidMask;
            descriptor[1] = va;
            Invpcid((ulong)type, descriptor);
        }

        private static uint Cpuid(uint leaf, uint subleaf, int register)
        {
            uint* r = stackalloc uint[4];
            Instructions.Cpuid(leaf, subleaf, r);
            return r[register];
        }
    }
}
#endif
