using BenchmarkDotNet.Attributes;
using Dune.Traps;

/// <summary>The decoder behind TrapAction.SkipInstruction, over a mix of the instructions handlers skip.</summary>
public unsafe class InstructionLengthBenchmarks
{
    // mov (%rdi),%rax | mov %rdi,(%rdi) | movq $0x77,(%rdi) | ud2 | rdmsr | div %ecx | mov 0x12345678(%rip),%eax |
    // vmovdqu %ymm0,(%rdi) | lock cmpxchg %rcx,(%rdx) | movabs $imm64,%rax | int3
    private static readonly byte[] Code =
    {
        0x48, 0x8b, 0x07, 0x48, 0x89, 0x3f, 0x48, 0xc7, 0x07, 0x77, 0, 0, 0, 0x0f, 0x0b, 0x0f, 0x32, 0xf7, 0xf1,
        0x8b, 0x05, 0x78, 0x56, 0x34, 0x12, 0xc5, 0xfe, 0x7f, 0x07, 0xf0, 0x48, 0x0f, 0xb1, 0x0a,
        0x48, 0xb8, 1, 2, 3, 4, 5, 6, 7, 8, 0xcc,
    };

    [Benchmark(OperationsPerInvoke = 11)]
    public int DecodeMix()
    {
        int total = 0;
        fixed (byte* code = Code)
            for (int at = 0, i = 0; i < 11; i++)
            {
                int n = InstructionLength.Decode(code + at);
                total += n;
                at += n;
            }
        return total;
    }
}
