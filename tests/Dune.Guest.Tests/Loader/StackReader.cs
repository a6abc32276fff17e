using System.Buffers.Binary;
using System.Text;

namespace Dune.Guest.Tests.Loader;

/// <summary>Reads an initial process stack back the way a C runtime's _start would: argc, argv, envp, auxv.</summary>
public sealed class StackReader
{
    private readonly byte[] _memory;
    private readonly ulong _bottom;

    public StackReader(byte[] memory, ulong top) { _memory = memory; _bottom = top - (ulong)memory.Length; }

    public ulong Word(ulong address) => BinaryPrimitives.ReadUInt64LittleEndian(_memory.AsSpan(checked((int)(address - _bottom))));

    public string CString(ulong address)
    {
        int at = checked((int)(address - _bottom));
        int end = Array.IndexOf(_memory, (byte)0, at);
        return Encoding.UTF8.GetString(_memory, at, end - at);
    }

    public byte[] Bytes(ulong address, int count) => _memory.AsSpan(checked((int)(address - _bottom)), count).ToArray();

    public sealed record Parsed(List<string> Argv, List<string> Envp, List<(ulong Type, ulong Value)> Auxv, List<ulong> ArgvPointers, List<ulong> EnvpPointers, ulong AuxvEnd);

    public Parsed Parse(ulong sp)
    {
        ulong at = sp;
        ulong argc = Word(at); at += 8;
        var argvPointers = new List<ulong>();
        for (ulong i = 0; i < argc; i++, at += 8) argvPointers.Add(Word(at));
        Assert.Equal(0UL, Word(at)); at += 8;
        var envpPointers = new List<ulong>();
        for (; Word(at) != 0; at += 8) envpPointers.Add(Word(at));
        at += 8;
        var auxv = new List<(ulong, ulong)>();
        while (true)
        {
            ulong type = Word(at), value = Word(at + 8);
            at += 16;
            auxv.Add((type, value));
            if (type == 0) break;
        }
        return new Parsed(argvPointers.Select(CString).ToList(), envpPointers.Select(CString).ToList(), auxv, argvPointers, envpPointers, at);
    }
}
