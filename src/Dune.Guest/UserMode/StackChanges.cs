using System;
using System.Buffers.Binary;

namespace Dune.UserMode
{
    /// <summary>
    /// The bytes that changed between two copies of memory at one address, as records a pipe can carry:
    /// address (8 bytes), length (4) and the new bytes, in address order. Runs closer than <see cref="Gap"/> bytes
    /// are sent as one. Pure.
    /// </summary>
    public static class StackChanges
    {
        private const int Gap = 16, HeaderBytes = 12;

        /// <summary>The records that turn <paramref name="before"/> into <paramref name="after"/> (same length) at <paramref name="address"/>; empty if nothing changed.</summary>
        public static byte[] Encode(ulong address, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
        {
            var records = new System.Collections.Generic.List<byte>();
            Span<byte> header = stackalloc byte[HeaderBytes];
            int i = 0;
            while (i < after.Length)
            {
                if (before[i] == after[i]) { i++; continue; }
                int start = i, end = i + 1, same = 0;
                for (i++; i < after.Length && same < Gap; i++)
                {
                    if (before[i] == after[i]) same++;
                    else { same = 0; end = i + 1; }
                }
                BinaryPrimitives.WriteUInt64LittleEndian(header, address + (ulong)start);
                BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(8), (uint)(end - start));
                for (int h = 0; h < HeaderBytes; h++) records.Add(header[h]);
                for (int b = start; b < end; b++) records.Add(after[b]);
                i = end;
            }
            return records.ToArray();
        }

        /// <summary>Calls <paramref name="write"/>(address, bytes) for each record; false (nothing more written) at a malformed one.</summary>
        public static bool Decode(ReadOnlySpan<byte> records, Func<ulong, byte[], bool> write)
        {
            while (records.Length > 0)
            {
                if (records.Length < HeaderBytes) return false;
                ulong address = BinaryPrimitives.ReadUInt64LittleEndian(records);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(records.Slice(8));
                if (length == 0 || length > records.Length - HeaderBytes) return false;
                if (!write(address, records.Slice(HeaderBytes, (int)length).ToArray())) return false;
                records = records.Slice(HeaderBytes + (int)length);
            }
            return true;
        }
    }
}
