using System;

namespace Dune.Loader
{
    /// <summary>One decoded ELF64 program header (Elf64_Phdr).</summary>
    public struct ProgramHeader
    {
        /// <summary>The segment type, p_type (PT_LOAD, PT_TLS...).</summary>
        public uint Type;
        /// <summary>The segment flags, p_flags (PF_R, PF_W, PF_X).</summary>
        public uint Flags;
        /// <summary>The segment's file offset, p_offset.</summary>
        public ulong Offset;
        /// <summary>The segment's virtual address, p_vaddr.</summary>
        public ulong VirtualAddress;
        /// <summary>The segment's size in the file, p_filesz.</summary>
        public ulong FileSize;
        /// <summary>The segment's size in memory, p_memsz.</summary>
        public ulong MemorySize;
        /// <summary>The segment's alignment, p_align.</summary>
        public ulong Alignment;

        /// <summary>Decodes entry <paramref name="index"/> of a table whose bounds <see cref="ElfLoader"/> has checked.</summary>
        internal static ProgramHeader Read(ReadOnlySpan<byte> image, in ElfHeader header, int index)
        {
            int at = (int)header.ProgramHeaderOffset + index * Elf.ProgramHeaderSize;
            ProgramHeader p;
            p.Type = LittleEndian.U32(image, at);
            p.Flags = LittleEndian.U32(image, at + 4);
            p.Offset = LittleEndian.U64(image, at + 8);
            p.VirtualAddress = LittleEndian.U64(image, at + 16);
            p.FileSize = LittleEndian.U64(image, at + 32);
            p.MemorySize = LittleEndian.U64(image, at + 40);
            p.Alignment = LittleEndian.U64(image, at + 48);
            return p;
        }
    }
}
