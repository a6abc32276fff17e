using System;

namespace Dune.Loader
{
    /// <summary>The ELF64 file header fields the loader uses, decoded from the first 64 bytes.</summary>
    public struct ElfHeader
    {
        /// <summary>The object type, e_type (ET_EXEC or ET_DYN).</summary>
        public ushort Type;
        /// <summary>The target architecture, e_machine.</summary>
        public ushort Machine;
        /// <summary>The entry point address, e_entry.</summary>
        public ulong Entry;
        /// <summary>The file offset of the program header table, e_phoff.</summary>
        public ulong ProgramHeaderOffset;
        /// <summary>The size of this header, e_ehsize.</summary>
        public ushort HeaderSize;
        /// <summary>The size of one program header, e_phentsize.</summary>
        public ushort ProgramHeaderEntrySize;
        /// <summary>The number of program headers, e_phnum.</summary>
        public ushort ProgramHeaderCount;

        /// <summary>Decodes and checks the identification and header fields; does not look at program headers.</summary>
        public static ElfResult Read(ReadOnlySpan<byte> image, out ElfHeader header)
        {
            header = default;
            if (image.Length < Elf.HeaderSize) return new ElfResult(ElfError.TruncatedHeader);
            if (image[0] != 0x7F || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F') return new ElfResult(ElfError.BadMagic);
            if (image[4] != Elf.ClassElf64) return new ElfResult(ElfError.NotElf64);
            if (image[5] != Elf.DataLittleEndian) return new ElfResult(ElfError.NotLittleEndian);
            if (image[6] != Elf.CurrentVersion || LittleEndian.U32(image, 20) != Elf.CurrentVersion) return new ElfResult(ElfError.BadVersion);

            header.Type = LittleEndian.U16(image, 16);
            header.Machine = LittleEndian.U16(image, 18);
            header.Entry = LittleEndian.U64(image, 24);
            header.ProgramHeaderOffset = LittleEndian.U64(image, 32);
            header.HeaderSize = LittleEndian.U16(image, 52);
            header.ProgramHeaderEntrySize = LittleEndian.U16(image, 54);
            header.ProgramHeaderCount = LittleEndian.U16(image, 56);

            if (header.Type != Elf.TypeExecutable && header.Type != Elf.TypeSharedObject) return new ElfResult(ElfError.UnsupportedType);
            if (header.Machine != Elf.MachineX86_64) return new ElfResult(ElfError.WrongMachine);
            if (header.HeaderSize != Elf.HeaderSize) return new ElfResult(ElfError.BadHeaderSize);
            if (header.ProgramHeaderEntrySize != Elf.ProgramHeaderSize) return new ElfResult(ElfError.BadProgramHeaderSize);
            return ElfResult.Success;
        }
    }
}
