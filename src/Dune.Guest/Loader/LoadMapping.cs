namespace Dune.Loader
{
    /// <summary>Page permissions of a mapping (the PF_R/PF_W/PF_X flags of its segment).</summary>
    public enum MappingPermissions
    {
        None = 0,
        Read = 1,
        Write = 2,
        Execute = 4,
    }

    /// <summary>
    /// One page-aligned region to create for a PT_LOAD segment: copy <see cref="CopySize"/> bytes of the file
    /// starting at <see cref="FileOffset"/> to <see cref="VirtualAddress"/>, then zero the next <see cref="ZeroSize"/>
    /// bytes (the rest of the last file page and the .bss). CopySize + ZeroSize == MemorySize. The copied range
    /// starts at the page boundary, as Linux's file mapping does, so the bytes in front of the segment in its
    /// first page come from the file too.
    /// </summary>
    public struct LoadMapping
    {
        public ulong VirtualAddress;
        public ulong MemorySize;
        public ulong FileOffset;
        public ulong CopySize;
        public ulong ZeroSize;
        public MappingPermissions Permissions;

        /// <summary>Index of the program header this mapping comes from.</summary>
        public int ProgramHeader;

        public ulong End => VirtualAddress + MemorySize;
    }
}
