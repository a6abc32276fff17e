namespace Dune.Loader
{
    /// <summary>Page permissions of a mapping (the PF_R/PF_W/PF_X flags of its segment).</summary>
    public enum MappingPermissions
    {
        /// <summary>No access.</summary>
        None = 0,
        /// <summary>Readable (PF_R).</summary>
        Read = 1,
        /// <summary>Writable (PF_W).</summary>
        Write = 2,
        /// <summary>Executable (PF_X).</summary>
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
        /// <summary>The page-aligned start of the mapping.</summary>
        public ulong VirtualAddress;
        /// <summary>The length of the mapping in bytes.</summary>
        public ulong MemorySize;
        /// <summary>The file offset the copy starts at.</summary>
        public ulong FileOffset;
        /// <summary>The number of bytes copied from the file.</summary>
        public ulong CopySize;
        /// <summary>The number of bytes zeroed after the copied ones.</summary>
        public ulong ZeroSize;
        /// <summary>The page permissions of the mapping.</summary>
        public MappingPermissions Permissions;

        /// <summary>Index of the program header this mapping comes from.</summary>
        public int ProgramHeader;

        /// <summary>The end (exclusive) of the mapping.</summary>
        public ulong End => VirtualAddress + MemorySize;
    }
}
