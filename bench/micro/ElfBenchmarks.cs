using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Dune.Loader;

/// <summary>The ELF validator and load planner on a static executable's headers (text, rodata, data+bss, GNU_STACK).</summary>
public class ElfBenchmarks
{
    private byte[] _image;
    private readonly LoadMapping[] _mappings = new LoadMapping[16];

    [GlobalSetup]
    public void Setup()
    {
        _image = StaticExecutable();
        ElfResult r = ElfLoader.Plan(_image, LoaderOptions.Default, _mappings, out _);
        if (!r.Ok) throw new InvalidOperationException("the benchmark's image is rejected: " + r.Error);
    }

    [Benchmark]
    public ulong Plan()
    {
        ElfResult r = ElfLoader.Plan(_image, LoaderOptions.Default, _mappings, out LoadPlan plan);
        return r.Ok ? plan.Entry : 0;
    }

    /// <summary>An ET_EXEC image with three PT_LOAD segments and PT_GNU_STACK, laid out as ld lays out a static program.</summary>
    private static byte[] StaticExecutable()
    {
        const int PhOff = 64, PhSize = 56, Count = 4;
        byte[] b = new byte[0x4000];
        Span<byte> s = b;
        s[0] = 0x7F; s[1] = (byte)'E'; s[2] = (byte)'L'; s[3] = (byte)'F';
        s[4] = 2; s[5] = 1; s[6] = 1;                                   // 64-bit, little endian, version 1
        BinaryPrimitives.WriteUInt16LittleEndian(s[16..], 2);           // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(s[18..], 62);          // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], 0x40_1000);   // entry
        BinaryPrimitives.WriteUInt64LittleEndian(s[32..], PhOff);
        BinaryPrimitives.WriteUInt16LittleEndian(s[52..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(s[54..], PhSize);
        BinaryPrimitives.WriteUInt16LittleEndian(s[56..], Count);
        Segment(s[(PhOff + 0 * PhSize)..], 1, 5, 0x0000, 0x40_0000, 0x2000, 0x2000);    // R X: headers + text
        Segment(s[(PhOff + 1 * PhSize)..], 1, 4, 0x2000, 0x40_2000, 0x1000, 0x1000);    // R: rodata
        Segment(s[(PhOff + 2 * PhSize)..], 1, 6, 0x3000, 0x40_3000, 0x0800, 0x5000);    // RW: data + bss
        Segment(s[(PhOff + 3 * PhSize)..], 0x6474E551, 6, 0, 0, 0, 0);                  // PT_GNU_STACK
        return b;
    }

    private static void Segment(Span<byte> ph, uint type, uint flags, ulong offset, ulong vaddr, ulong fileSize, ulong memSize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(ph, type);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], flags);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[8..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[16..], vaddr);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[24..], vaddr);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[32..], fileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[40..], memSize);
        BinaryPrimitives.WriteUInt64LittleEndian(ph[48..], type == 1 ? 0x1000UL : 0x10UL);
    }
}
