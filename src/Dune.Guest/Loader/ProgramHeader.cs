using System;

namespace Dune.Loader
{
    /// <summary>One decoded ELF64 program header (Elf64_Phdr).</summary>
    public struct ProgramHeader
    {
        public uint Type;
        public uint Flags;
        public ulong Offset;
        public ulong VirtualAddress;
        public ulong FileSize;
        public ulong MemorySize;
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
