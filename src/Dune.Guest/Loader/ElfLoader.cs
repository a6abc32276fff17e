using System;

namespace Dune.Loader
{
    /// <summary>
    /// Validates an x86-64 ELF64 executable held in memory and plans how to load it. Supports ET_EXEC and ET_DYN
    /// (static-pie, PIE and the dynamic linker itself, placed at <see cref="LoaderOptions.PieLoadBias"/>). A
    /// PT_INTERP segment is validated and reported in the plan (<see cref="LoadPlan.HasInterpreter"/>): loading
    /// the interpreter is the caller's second plan. Never allocates and never throws on malformed input: every
    /// offset, size and address is checked before use, with overflow-safe arithmetic.
    /// </summary>
    public static class ElfLoader
    {
        /// <summary>PATH_MAX, with the NUL.</summary>
        public const ulong MaxInterpreterPath = 4096;

        /// <summary>
        /// Checks <paramref name="image"/> and writes one page-aligned mapping per non-empty PT_LOAD segment to
        /// <paramref name="mappings"/> (in program header order). On error, <paramref name="plan"/> is incomplete.
        /// </summary>
        public static ElfResult Plan(ReadOnlySpan<byte> image, in LoaderOptions options, Span<LoadMapping> mappings, out LoadPlan plan)
        {
            plan = default;
            ElfResult r = ElfHeader.Read(image, out ElfHeader header);
            if (!r.Ok) return r;
            r = CheckProgramHeaderTable(image, header, options);
            if (!r.Ok) return r;
            r = CheckFileRanges(image, header, ref plan);
            if (!r.Ok) return r;

            plan.PositionIndependent = header.Type == Elf.TypeSharedObject;
            if (plan.PositionIndependent)
            {
                if (!IsAligned(options.PieLoadBias, options.PageSize)) return new ElfResult(ElfError.BadLoadBias);
                plan.LoadBias = options.PieLoadBias;
            }
            plan.ProgramHeaderEntrySize = header.ProgramHeaderEntrySize;
            plan.ProgramHeaderCount = header.ProgramHeaderCount;

            r = PlanMappings(image, header, options, mappings, ref plan);
            if (!r.Ok) return r;
            r = CheckEntry(image, header, mappings, ref plan);
            if (!r.Ok) return r;
            r = ReadTlsAndStack(image, header, options, ref plan);
            if (!r.Ok) return r;
            plan.ProgramHeaderAddress = FindProgramHeaderAddress(image, header, plan.LoadBias);
            return ElfResult.Success;
        }

        private static ElfResult CheckProgramHeaderTable(ReadOnlySpan<byte> image, in ElfHeader header, in LoaderOptions options)
        {
            if (header.ProgramHeaderCount == 0) return new ElfResult(ElfError.NoLoadableSegment);
            if (header.ProgramHeaderCount == Elf.ExtendedNumbering || header.ProgramHeaderCount > options.MaxProgramHeaders)
                return new ElfResult(ElfError.TooManyProgramHeaders);
            ulong tableSize = (ulong)header.ProgramHeaderCount * Elf.ProgramHeaderSize;
            if (header.ProgramHeaderOffset > (ulong)image.Length || tableSize > (ulong)image.Length - header.ProgramHeaderOffset)
                return new ElfResult(ElfError.TruncatedProgramHeaders);
            return ElfResult.Success;
        }

        /// <summary>Checks that every segment's file data is inside the file, and PT_INTERP (at most one) names a path.</summary>
        private static ElfResult CheckFileRanges(ReadOnlySpan<byte> image, in ElfHeader header, ref LoadPlan plan)
        {
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ProgramHeader p = ProgramHeader.Read(image, header, i);
                if (p.FileSize != 0 && (p.Offset > (ulong)image.Length || p.FileSize > (ulong)image.Length - p.Offset))
                    return new ElfResult(ElfError.SegmentBeyondFile, i);
                if (p.Type != Elf.PtInterp) continue;
                // A path of 1 to PATH_MAX - 1 bytes and its NUL, nothing after it, and no NUL inside.
                if (plan.HasInterpreter || p.FileSize < 2 || p.FileSize > MaxInterpreterPath || image[(int)(p.Offset + p.FileSize - 1)] != 0 ||
                    image.Slice((int)p.Offset, (int)p.FileSize - 1).IndexOf((byte)0) >= 0)
                    return new ElfResult(ElfError.BadInterpreter, i);
                plan.HasInterpreter = true;
                plan.InterpreterOffset = p.Offset;
                plan.InterpreterLength = (int)p.FileSize - 1;
            }
            return ElfResult.Success;
        }

        private static ElfResult PlanMappings(ReadOnlySpan<byte> image, in ElfHeader header, in LoaderOptions options, Span<LoadMapping> mappings, ref LoadPlan plan)
        {
            ulong page = options.PageSize;
            int count = 0;
            ulong total = 0, lowest = ulong.MaxValue, highest = 0;
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ProgramHeader p = ProgramHeader.Read(image, header, i);
                if (p.Type != Elf.PtLoad) continue;
                if (p.FileSize > p.MemorySize) return new ElfResult(ElfError.FileSizeExceedsMemorySize, i);
                if (p.Alignment > 1 && !IsPowerOfTwo(p.Alignment)) return new ElfResult(ElfError.BadAlignment, i);
                if (p.Offset % page != p.VirtualAddress % page) return new ElfResult(ElfError.MisalignedSegment, i);
                if (p.Alignment > 1 && p.Offset % p.Alignment != p.VirtualAddress % p.Alignment) return new ElfResult(ElfError.MisalignedSegment, i);
                if (p.MemorySize > options.MaxImageMemory) return new ElfResult(ElfError.ImageTooLarge, i);
                if (p.MemorySize == 0) continue;

                ulong start = p.VirtualAddress + plan.LoadBias;
                if (start < p.VirtualAddress) return new ElfResult(ElfError.AddressOverflow, i);
                ulong end = start + p.MemorySize;
                if (end < start || end > ulong.MaxValue - (page - 1)) return new ElfResult(ElfError.AddressOverflow, i);
                ulong pageStart = start & ~(page - 1);
                ulong pageEnd = (end + page - 1) & ~(page - 1);
                if (pageStart < options.MinimumAddress || pageEnd > options.UserAddressLimit) return new ElfResult(ElfError.NotUserAddress, i);

                for (int j = 0; j < count; j++)
                    if (pageStart < mappings[j].End && mappings[j].VirtualAddress < pageEnd) return new ElfResult(ElfError.SegmentsOverlap, i);
                if (count == mappings.Length) return new ElfResult(ElfError.TooManyLoadSegments, i);

                total += pageEnd - pageStart;
                if (total > options.MaxImageMemory) return new ElfResult(ElfError.ImageTooLarge, i);

                ref LoadMapping m = ref mappings[count++];
                m.VirtualAddress = pageStart;
                m.MemorySize = pageEnd - pageStart;
                // A segment without file data (pure .bss) copies nothing, wherever its p_offset points.
                m.FileOffset = p.FileSize == 0 ? 0 : p.Offset - (start - pageStart);
                m.CopySize = p.FileSize == 0 ? 0 : (start - pageStart) + p.FileSize;
                m.ZeroSize = m.MemorySize - m.CopySize;
                m.Permissions = PermissionsOf(p.Flags);
                m.ProgramHeader = i;
                if (pageStart < lowest) lowest = pageStart;
                if (pageEnd > highest) highest = pageEnd;
            }
            if (count == 0) return new ElfResult(ElfError.NoLoadableSegment);
            plan.MappingCount = count;
            plan.TotalMemory = total;
            plan.ImageStart = lowest;
            plan.ImageEnd = highest;
            return ElfResult.Success;
        }

        /// <summary>The entry point must lie in the file-backed part of an executable PT_LOAD segment.</summary>
        private static ElfResult CheckEntry(ReadOnlySpan<byte> image, in ElfHeader header, Span<LoadMapping> mappings, ref LoadPlan plan)
        {
            ulong entry = header.Entry + plan.LoadBias;
            if (entry < header.Entry) return new ElfResult(ElfError.EntryNotExecutable);
            for (int k = 0; k < plan.MappingCount; k++)
            {
                if ((mappings[k].Permissions & MappingPermissions.Execute) == 0) continue;
                ProgramHeader p = ProgramHeader.Read(image, header, mappings[k].ProgramHeader);
                ulong start = p.VirtualAddress + plan.LoadBias;
                if (entry >= start && entry - start < p.FileSize)
                {
                    plan.Entry = entry;
                    return ElfResult.Success;
                }
            }
            return new ElfResult(ElfError.EntryNotExecutable);
        }

        private static ElfResult ReadTlsAndStack(ReadOnlySpan<byte> image, in ElfHeader header, in LoaderOptions options, ref LoadPlan plan)
        {
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ProgramHeader p = ProgramHeader.Read(image, header, i);
                if (p.Type == Elf.PtGnuStack) plan.StackExecutable = (p.Flags & Elf.PfExecute) != 0;
                if (p.Type != Elf.PtTls) continue;
                if (plan.HasTls || p.FileSize > p.MemorySize || p.MemorySize > options.MaxImageMemory) return new ElfResult(ElfError.BadTls, i);
                if (p.Alignment > 1 && !IsPowerOfTwo(p.Alignment)) return new ElfResult(ElfError.BadTls, i);
                if (!InsideLoadedFileData(image, header, p)) return new ElfResult(ElfError.BadTls, i);
                plan.HasTls = true;
                plan.TlsAddress = p.VirtualAddress + plan.LoadBias;
                plan.TlsFileSize = p.FileSize;
                plan.TlsMemorySize = p.MemorySize;
                plan.TlsAlignment = p.Alignment == 0 ? 1 : p.Alignment;
            }
            return ElfResult.Success;
        }

        /// <summary>True when the segment's initialized bytes are file-backed bytes of some PT_LOAD, at the same file offset.</summary>
        private static bool InsideLoadedFileData(ReadOnlySpan<byte> image, in ElfHeader header, in ProgramHeader inner)
        {
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ProgramHeader p = ProgramHeader.Read(image, header, i);
                if (p.Type != Elf.PtLoad || inner.VirtualAddress < p.VirtualAddress) continue;
                ulong delta = inner.VirtualAddress - p.VirtualAddress;
                if (delta <= p.FileSize && inner.FileSize <= p.FileSize - delta && inner.Offset == p.Offset + delta) return true;
            }
            return false;
        }

        /// <summary>AT_PHDR: the address of the program header table inside the PT_LOAD segment whose file data holds it.</summary>
        private static ulong FindProgramHeaderAddress(ReadOnlySpan<byte> image, in ElfHeader header, ulong bias)
        {
            ulong tableSize = (ulong)header.ProgramHeaderCount * Elf.ProgramHeaderSize;
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ProgramHeader p = ProgramHeader.Read(image, header, i);
                if (p.Type != Elf.PtLoad || header.ProgramHeaderOffset < p.Offset) continue;
                ulong delta = header.ProgramHeaderOffset - p.Offset;
                if (delta <= p.FileSize && tableSize <= p.FileSize - delta) return p.VirtualAddress + bias + delta;
            }
            return 0;
        }

        private static MappingPermissions PermissionsOf(uint flags)
        {
            MappingPermissions m = MappingPermissions.None;
            if ((flags & Elf.PfRead) != 0) m |= MappingPermissions.Read;
            if ((flags & Elf.PfWrite) != 0) m |= MappingPermissions.Write;
            if ((flags & Elf.PfExecute) != 0) m |= MappingPermissions.Execute;
            return m;
        }

        private static bool IsPowerOfTwo(ulong v) => (v & (v - 1)) == 0;

        private static bool IsAligned(ulong v, ulong alignment) => (v & (alignment - 1)) == 0;
    }
}
