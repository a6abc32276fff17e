using BenchmarkDotNet.Attributes;
using Dune.Cpu;
using Dune.Memory;

/// <summary>Hardware encodings: PTEs, GDT descriptors and IDT gates, as SystemTables and the mapper build them.</summary>
public class EncodingBenchmarks
{
    [Benchmark(OperationsPerInvoke = 512)]
    public ulong LeafPtes()
    {
        ulong sum = 0;
        for (ulong i = 0; i < 512; i++) sum += Pte.Make(i << 12, Pte.LeafFlags((i & 1) != 0, (i & 2) != 0, (i & 4) != 0));
        return sum;
    }

    [Benchmark]
    public ulong GdtDescriptors() =>
        SegmentDescriptor.Code64(0) ^ SegmentDescriptor.Data(0) ^ SegmentDescriptor.Code64(3) ^ SegmentDescriptor.Data(3)
        ^ SegmentDescriptor.TssLow(0x7F00_1234_5000, 0x67, false) ^ SegmentDescriptor.TssHigh(0x7F00_1234_5000);

    [Benchmark(OperationsPerInvoke = 256)]
    public ulong IdtGates()
    {
        ulong sum = 0;
        for (int v = 0; v < 256; v++) sum += IdtGate.Low(0x40_1000 + (ulong)v * 16, 0x08, v == 8 ? 1 : 0, 0xE, v == 3 ? 3 : 0) ^ IdtGate.High(0x40_1000);
        return sum;
    }
}
