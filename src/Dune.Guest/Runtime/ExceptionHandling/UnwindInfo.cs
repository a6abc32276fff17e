using Dune.Runtime.NativeFormat;
using System.Runtime;
using Dune.Platform;
using System.Runtime.CompilerServices;

namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>The unwind record (.eh_frame FDE) of one method body or funclet.</summary>
    internal unsafe struct CodeRange
    {
        public ulong Start;
        public ulong End;
        /// <summary>ilc's per-body data in .dotnet_eh_table (flags, clause table, GC info); null for non-managed code.</summary>
        public byte* Lsda;
        public byte* Instructions;
        public byte* InstructionsEnd;
        public byte* CieInstructions;
        public byte* CieInstructionsEnd;
        public long DataAlignment;
        public ulong CodeAlignment;
    }

    /// <summary>
    /// Finds the FDE for a code address in .eh_frame and applies its call-frame instructions to step a
    /// <see cref="RegisterContext"/> to the caller. ilc emits only prologue rules (def_cfa*, offset) in one
    /// CIE shape, so this interprets just the common subset and refuses anything else.
    /// </summary>
    internal static unsafe class UnwindInfo
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneEhFrame")]
        private static extern byte* EhFrameBounds(byte** end);

        private const int DwRbx = 3, DwRbp = 6, DwRsp = 7, DwR12 = 12, DwR15 = 15, DwReturnAddress = 16;
        private const byte PointerAbsolute = 0x00, PointerUData4 = 0x03, PointerSData4 = 0x0b, PointerPcRelative = 0x10, PointerOmit = 0xff;

        /// <summary>Start address and FDE of one unwind record, sorted by start for binary search.</summary>
        private struct IndexEntry
        {
            public ulong Start;
            public byte* Fde;
        }

        // Built on first use in memory of its own (not the GC heap: faults and early start-up use it too).
        private static IndexEntry* s_index;
        private static int s_indexCount;
        private static bool s_indexTried;

        public static bool Find(ulong pc, out CodeRange range)
        {
            if (!s_indexTried) BuildIndex();
            if (s_index == null) return FindLinear(pc, out range);
            int lo = 0, hi = s_indexCount - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                if (s_index[mid].Start <= pc) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            range = default;
            if (found < 0) return false;
            byte* fde = s_index[found].Fde;
            return ParseFde(fde + 4, fde + 4 + *(uint*)fde, out range) && pc < range.End;
        }

        private static void BuildIndex()
        {
            s_indexTried = true;
            byte* end;
            byte* start = EhFrameBounds(&end);
            int count = 0;
            for (byte* p = start; p + 4 <= end && *(uint*)p != 0 && *(uint*)p != 0xffffffff; p += 4 + *(uint*)p)
                if (*(uint*)(p + 4) != 0) count++;
            if (count == 0) return;
            IndexEntry* index = (IndexEntry*)Linux.Mmap(null, (nuint)(count * sizeof(IndexEntry)), Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (index == null) return;
            int n = 0;
            for (byte* p = start; p + 4 <= end && *(uint*)p != 0 && *(uint*)p != 0xffffffff; p += 4 + *(uint*)p)
            {
                if (*(uint*)(p + 4) == 0 || !ParseFde(p + 4, p + 4 + *(uint*)p, out CodeRange r)) continue;
                // Insertion sort: ilc and ld already emit FDEs in address order, so this is a linear pass.
                int i = n++;
                while (i > 0 && index[i - 1].Start > r.Start) { index[i] = index[i - 1]; i--; }
                index[i].Start = r.Start;
                index[i].Fde = p;
            }
            s_indexCount = n;
            s_index = index;
        }

        private static bool FindLinear(ulong pc, out CodeRange range)
        {
            range = default;
            byte* end;
            byte* p = EhFrameBounds(&end);
            while (p + 4 <= end)
            {
                uint length = *(uint*)p;
                if (length == 0 || length == 0xffffffff) return false;
                byte* body = p + 4;
                byte* next = body + length;
                uint cieOffset = *(uint*)body;
                if (cieOffset != 0 && ParseFde(body, next, out CodeRange candidate) && pc >= candidate.Start && pc < candidate.End)
                {
                    range = candidate;
                    return true;
                }
                p = next;
            }
            return false;
        }

        private static bool ParseFde(byte* body, byte* next, out CodeRange range)
        {
            range = default;
            byte* cie = body - *(uint*)body;
            uint cieLength = *(uint*)cie;
            byte* cieEnd = cie + 4 + cieLength;
            byte* c = cie + 8;
            if (*c++ != 1 && c[-1] != 3) return false;
            byte* augmentation = c;
            while (*c != 0) c++;
            c++;
            range.CodeAlignment = NativeReader.Uleb128(ref c);
            range.DataAlignment = NativeReader.Sleb128(ref c);
            if ((ulong)NativeReader.Uleb128(ref c) != DwReturnAddress) return false;
            byte fdeEncoding = PointerAbsolute, lsdaEncoding = PointerOmit;
            if (augmentation[0] == (byte)'z')
            {
                ulong augLength = NativeReader.Uleb128(ref c);
                byte* augEnd = c + augLength;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == (byte)'R') fdeEncoding = *c++;
                    else if (*a == (byte)'L') lsdaEncoding = *c++;
                    else if (*a == (byte)'P') return false;
                }
                c = augEnd;
            }
            range.CieInstructions = c;
            range.CieInstructionsEnd = cieEnd;

            byte* f = body + 4;
            range.Start = ReadPointer(ref f, fdeEncoding);
            range.End = range.Start + ReadPointer(ref f, (byte)(fdeEncoding & 0x0f));
            if (augmentation[0] == (byte)'z')
            {
                ulong augLength = NativeReader.Uleb128(ref f);
                byte* augEnd = f + augLength;
                if (lsdaEncoding != PointerOmit && augLength > 0) range.Lsda = (byte*)ReadPointer(ref f, lsdaEncoding);
                f = augEnd;
            }
            range.Instructions = f;
            range.InstructionsEnd = next;
            return true;
        }

        private static ulong ReadPointer(ref byte* p, byte encoding)
        {
            byte* at = p;
            ulong value;
            switch (encoding & 0x0f)
            {
                case PointerAbsolute: value = *(ulong*)p; p += 8; break;
                case PointerUData4: value = *(uint*)p; p += 4; break;
                case PointerSData4: value = (ulong)(long)*(int*)p; p += 4; break;
                default: return 0;
            }
            if ((encoding & 0x70) == PointerPcRelative) value += (ulong)at;
            return value;
        }

        /// <summary>Where the rules of one row put the CFA and the saved registers.</summary>
        private struct Row
        {
            public int CfaRegister;
            public long CfaOffset;
            public long Rbx, Rbp, R12, R13, R14, R15;   // offset from the CFA, or 0 when the register is not saved
        }

        /// <summary>
        /// Steps <paramref name="context"/> from the frame executing at <paramref name="lookupPc"/> to its caller.
        /// lookupPc is the faulting instruction for the first frame of a fault, otherwise return address - 1.
        /// </summary>
        public static bool Unwind(in CodeRange range, ulong lookupPc, ref RegisterContext context)
        {
            Row row = default;
            if (!Execute(range.CieInstructions, range.CieInstructionsEnd, in range, ulong.MaxValue, ref row)) return false;
            Row initial = row;
            if (!Execute(range.Instructions, range.InstructionsEnd, in range, lookupPc, ref row, initial)) return false;

            ulong cfaBase = row.CfaRegister == DwRsp ? context.Rsp : row.CfaRegister == DwRbp ? context.Rbp : 0;
            if (cfaBase == 0) return false;
            ulong cfa = cfaBase + (ulong)row.CfaOffset;
            ulong returnAddress = *(ulong*)(cfa - 8);
            if (row.Rbx != 0) context.Rbx = *(ulong*)(cfa + (ulong)row.Rbx);
            if (row.Rbp != 0) context.Rbp = *(ulong*)(cfa + (ulong)row.Rbp);
            if (row.R12 != 0) context.R12 = *(ulong*)(cfa + (ulong)row.R12);
            if (row.R13 != 0) context.R13 = *(ulong*)(cfa + (ulong)row.R13);
            if (row.R14 != 0) context.R14 = *(ulong*)(cfa + (ulong)row.R14);
            if (row.R15 != 0) context.R15 = *(ulong*)(cfa + (ulong)row.R15);
            context.Rsp = cfa;
            context.Rip = returnAddress;
            return true;
        }

        private static bool Execute(byte* p, byte* end, in CodeRange range, ulong pc, ref Row row, Row initial = default)
        {
            ulong location = range.Start;
            Row remembered = row;
            while (p < end)
            {
                byte op = *p++;
                byte high = (byte)(op & 0xc0), low = (byte)(op & 0x3f);
                ulong advance = 0;
                if (high == 0x40) advance = low;
                else if (high == 0x80) { SetSaved(ref row, low, (long)NativeReader.Uleb128(ref p) * range.DataAlignment); continue; }
                else if (high == 0xc0) { SetSaved(ref row, low, GetSaved(in initial, low)); continue; }
                else switch (op)
                {
                    case 0x00: continue;                                                  // nop
                    case 0x02: advance = *p; p += 1; break;                               // advance_loc1
                    case 0x03: advance = *(ushort*)p; p += 2; break;                      // advance_loc2
                    case 0x04: advance = *(uint*)p; p += 4; break;                        // advance_loc4
                    case 0x05: { ulong r = NativeReader.Uleb128(ref p); SetSaved(ref row, (int)r, (long)NativeReader.Uleb128(ref p) * range.DataAlignment); continue; }
                    case 0x07: case 0x08: NativeReader.Uleb128(ref p); continue;          // undefined, same_value: volatile here
                    case 0x0a: remembered = row; continue;                                // remember_state
                    case 0x0b: row = remembered; continue;                                // restore_state
                    case 0x0c: row.CfaRegister = (int)NativeReader.Uleb128(ref p); row.CfaOffset = (long)NativeReader.Uleb128(ref p); continue;
                    case 0x0d: row.CfaRegister = (int)NativeReader.Uleb128(ref p); continue;
                    case 0x0e: row.CfaOffset = (long)NativeReader.Uleb128(ref p); continue;
                    case 0x11: { ulong r = NativeReader.Uleb128(ref p); SetSaved(ref row, (int)r, NativeReader.Sleb128(ref p) * range.DataAlignment); continue; }
                    default: return false;
                }
                location += advance * range.CodeAlignment;
                if (location > pc) return true;
            }
            return true;
        }

        private static void SetSaved(ref Row row, int register, long offset)
        {
            switch (register)
            {
                case DwRbx: row.Rbx = offset; break;
                case DwRbp: row.Rbp = offset; break;
                case DwR12: row.R12 = offset; break;
                case 13: row.R13 = offset; break;
                case 14: row.R14 = offset; break;
                case DwR15: row.R15 = offset; break;
            }
        }

        private static long GetSaved(in Row row, int register) => register switch
        {
            DwRbx => row.Rbx, DwRbp => row.Rbp, DwR12 => row.R12, 13 => row.R13, 14 => row.R14, DwR15 => row.R15, _ => 0,
        };
    }
}
