using System.Buffers.Binary;

namespace Dune.Guest.Tests.Loader;

/// <summary>Patches fields of an ELF64 image in place, to make precisely malformed inputs from valid ones.</summary>
public sealed class ElfBytes
{
    public readonly byte[] Bytes;

    public ElfBytes(byte[] bytes) { Bytes = (byte[])bytes.Clone(); }

    public static ElfBytes Load(string path) => new(File.ReadAllBytes(path));

    public ulong PhOff => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(32));
    public int PhNum => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(56));

    public ElfBytes Header16(int offset, ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(offset), v); return this; }
    public ElfBytes Header64(int offset, ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(offset), v); return this; }

    public ElfBytes Entry(ulong v) => Header64(24, v);

    private int Ph(int index) => (int)PhOff + index * 56;

    public uint Type(int index) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(Ph(index)));
    public ulong Offset(int index) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Ph(index) + 8));
    public ulong VAddr(int index) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Ph(index) + 16));
    public ulong FileSize(int index) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Ph(index) + 32));
    public ulong MemSize(int index) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan(Ph(index) + 40));

    public ElfBytes SetType(int index, uint v) { BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(Ph(index)), v); return this; }
    public ElfBytes SetFlags(int index, uint v) { BinaryPrimitives.WriteUInt32LittleEndian(Bytes.AsSpan(Ph(index) + 4), v); return this; }
    public ElfBytes SetOffset(int index, ulong v) => SetPh64(index, 8, v);
    public ElfBytes SetVAddr(int index, ulong v) { SetPh64(index, 16, v); return SetPh64(index, 24, v); }
    public ElfBytes SetFileSize(int index, ulong v) => SetPh64(index, 32, v);
    public ElfBytes SetMemSize(int index, ulong v) => SetPh64(index, 40, v);
    public ElfBytes SetAlign(int index, ulong v) => SetPh64(index, 48, v);

    private ElfBytes SetPh64(int index, int field, ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(Bytes.AsSpan(Ph(index) + field), v); return this; }

    /// <summary>Indexes of the program headers of a type, in table order.</summary>
    public int[] IndexesOf(uint type) => Enumerable.Range(0, PhNum).Where(i => Type(i) == type).ToArray();
}
