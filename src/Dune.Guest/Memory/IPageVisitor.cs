namespace Dune.Memory
{
    /// <summary>
    /// Called by <see cref="AddressSpace.Walk{TVisitor}"/> and <see cref="AddressSpace.Modify{TVisitor}"/> for each
    /// leaf entry in a range. Implement it on a struct: the walk is then specialized for it, with no allocation
    /// and no interface call.
    /// </summary>
    public unsafe interface IPageVisitor
    {
        /// <summary>
        /// <paramref name="va"/> is where the page starts (it may start before the range when a walk does not
        /// split large pages); <paramref name="entry"/> is non-zero. Return false to stop the walk.
        /// </summary>
        bool Visit(ulong va, ulong* entry, PageSize size);
    }
}
