using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Dune.Guest.Generators
{
    /// <summary>
    /// The binary table (little-endian) that Internal.Runtime.Metadata.TypeMetadataTable reads:
    ///   u32 count, u32 offset of the assembly's display name (a string)
    ///   count x { i32 hash, u32 record offset }, sorted by hash (unsigned) for binary search
    ///   records: u8 flags (1 enum, 2 [Flags]), u16 namespace length, u16 name start, string full name
    ///            (the namespace is the full name's first bytes, the name its last ones),
    ///            enums only: u16 member count, members x { u64 value, string name } sorted by value (unsigned),
    ///            as Enum.GetValues orders them; declaration order among equal values
    ///   string = u16 UTF-8 byte length + bytes
    /// </summary>
    public static class TypeMetadataTable
    {
        public const byte EnumFlag = 1, FlagsAttributeFlag = 2;

        public static byte[] Write(string assemblyDisplayName, IReadOnlyList<TypeRecord> types)
        {
            var sorted = types.OrderBy(t => (uint)t.Hash).ToList();
            var records = new MemoryStream();
            var recordWriter = new BinaryWriter(records);
            var offsets = new List<uint>();
            int headerSize = 8 + 8 * sorted.Count;
            foreach (TypeRecord type in sorted)
            {
                offsets.Add((uint)(headerSize + records.Length));
                recordWriter.Write((byte)((type.IsEnum ? EnumFlag : 0) | (type.IsFlags ? FlagsAttributeFlag : 0)));
                byte[] fullName = Encoding.UTF8.GetBytes(type.FullName);
                recordWriter.Write((ushort)Encoding.UTF8.GetByteCount(type.Namespace));
                recordWriter.Write((ushort)(fullName.Length - Encoding.UTF8.GetByteCount(type.Name)));
                recordWriter.Write((ushort)fullName.Length);
                recordWriter.Write(fullName);
                if (!type.IsEnum) continue;
                var members = type.Members.Select((m, i) => (m, i)).OrderBy(p => p.m.Value).ThenBy(p => p.i).Select(p => p.m).ToList();
                recordWriter.Write((ushort)members.Count);
                foreach (EnumMember member in members)
                {
                    recordWriter.Write(member.Value);
                    WriteString(recordWriter, member.Name);
                }
            }
            uint assemblyOffset = (uint)(headerSize + records.Length);
            WriteString(recordWriter, assemblyDisplayName);
            recordWriter.Flush();

            var table = new MemoryStream();
            var writer = new BinaryWriter(table);
            writer.Write((uint)sorted.Count);
            writer.Write(assemblyOffset);
            for (int i = 0; i < sorted.Count; i++)
            {
                writer.Write(sorted[i].Hash);
                writer.Write(offsets[i]);
            }
            writer.Write(records.ToArray());
            writer.Flush();
            return table.ToArray();
        }

        private static void WriteString(BinaryWriter writer, string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            writer.Write((ushort)bytes.Length);
            writer.Write(bytes);
        }
    }
}
