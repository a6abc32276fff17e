namespace Dune.Memory
{
    /// <summary>What <see cref="CopyOnWrite.Resolve"/> did about a page fault.</summary>
    public enum FaultResolution
    {
        /// <summary>Not a write to a present copy-on-write page: someone else's fault.</summary>
        NotCopyOnWrite,
        /// <summary>The faulting space was the page's last user: it became writable again, no copy.</summary>
        MadeWritable,
        /// <summary>The page was copied to a fresh frame, mapped writable; the old frame lost a reference.</summary>
        Copied,
        /// <summary>Copy-on-write, but the pool had no page for the copy.</summary>
        OutOfMemory,
    }

    /// <summary>
    /// Copy-on-write as a page-fault policy. <see cref="Share"/> write-protects the writable 4 KiB pages of a
    /// range and tags them with <see cref="PageFlags.CopyOnWrite"/>; <see cref="Fork"/> does that and clones
    /// the space, taking a reference on every pool frame for the child. A write then faults (present + write)
    /// and <see cref="Resolve"/> (in ring 0: <c>HandleFault</c>) gives the writer its own
    /// copy, or just the write bit back when no one else uses the frame. Frames outside the pool are copied
    /// on every first write and never freed; large pages are left alone.
    /// </summary>
    public static unsafe partial class CopyOnWrite
    {
        /// <summary>Page-fault error-code bits (Intel SDM vol. 3, 4.7).</summary>
        public const ulong ErrorPresent = 1, ErrorWrite = 2, ErrorUser = 4, ErrorInstructionFetch = 16;

        /// <summary>Write-protects and tags the writable 4 KiB leaves of the range. False if tables could not be copied.</summary>
        public static bool Share(ref AddressSpace space, ulong va, ulong length)
        {
            var v = new ShareVisitor();
            return space.Modify(va, length, ref v);
        }

        /// <summary>
        /// Shares the range copy-on-write and returns a clone of the whole space; the clone's references to pool
        /// frames in the range are counted. Both spaces must be TLB-invalidated for the range before use.
        /// </summary>
        public static bool Fork(ref AddressSpace parent, PageAllocator* pages, ulong va, ulong length, out AddressSpace child)
        {
            child = default;
            if (!Share(ref parent, va, length) || !parent.TryClone(out child)) return false;
            var v = new ReferenceVisitor { Pages = pages };
            child.Walk(va, length, ref v);
            return true;
        }

        /// <summary>Applies the policy to a fault at <paramref name="va"/> in <paramref name="space"/>. Invalidate the page afterwards.</summary>
        public static FaultResolution Resolve(ref AddressSpace space, PageAllocator* pages, ulong va, ulong errorCode)
        {
            if ((errorCode & (ErrorPresent | ErrorWrite)) != (ErrorPresent | ErrorWrite)) return FaultResolution.NotCopyOnWrite;
            // Look first: Modify would split a large page, and this may be someone else's fault.
            if (!space.Lookup(va, out ulong entry, out PageSize size) || size != PageSize.Size4K
                || (entry & (PageFlags.CopyOnWrite | Pte.Present)) != (PageFlags.CopyOnWrite | Pte.Present))
                return FaultResolution.NotCopyOnWrite;
            var v = new ResolveVisitor { Pages = pages, Source = space.PhysicalPointer(Pte.Address(entry)) };
            if (!space.Modify(va & ~(Pte.PageSize - 1), Pte.PageSize, ref v)) return FaultResolution.OutOfMemory;
            return v.Result;
        }

        private struct ShareVisitor : IPageVisitor
        {
            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                if (size == PageSize.Size4K && (*entry & (Pte.Present | Pte.Writable)) == (Pte.Present | Pte.Writable))
                    *entry = (*entry & ~Pte.Writable) | PageFlags.CopyOnWrite;
                return true;
            }
        }

        private struct ReferenceVisitor : IPageVisitor
        {
            public PageAllocator* Pages;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                if ((*entry & PageFlags.CopyOnWrite) != 0) Pages->AddReference(Pte.Address(*entry));
                return true;
            }
        }

        private struct ResolveVisitor : IPageVisitor
        {
            public PageAllocator* Pages;
            /// <summary>Where the shared frame is visible, looked up before the walk.</summary>
            public byte* Source;
            public FaultResolution Result;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                ulong e = *entry;
                if (size != PageSize.Size4K || (e & PageFlags.CopyOnWrite) == 0 || !Pte.IsPresent(e)) return false;
                ulong frame = Pte.Address(e);
                ulong flags = (e & ~Pte.AddressMask & ~PageFlags.CopyOnWrite) | Pte.Writable;
                if (Pages->References(frame) == 1)
                {
                    *entry = frame | flags;
                    Result = FaultResolution.MadeWritable;
                    return false;
                }
                ulong* from = (ulong*)Source;
                if (from == null || !Pages->Allocate(out ulong copy, zero: false))
                {
                    Result = FaultResolution.OutOfMemory;
                    return false;
                }
                ulong* to = (ulong*)Pages->Pointer(copy);
                for (int i = 0; i < 512; i++) to[i] = from[i];
                *entry = copy | flags;
                Pages->Release(frame);
                Result = FaultResolution.Copied;
                return false;
            }
        }
    }
}
