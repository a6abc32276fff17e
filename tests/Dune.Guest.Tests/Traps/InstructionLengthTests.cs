using Dune.Traps;

namespace Dune.Guest.Tests.Traps;

/// <summary>Lengths checked against GNU as: each case is one assembled instruction followed by junk bytes.</summary>
public unsafe class InstructionLengthTests
{
    private static int Decode(string hex)
    {
        byte[] code = new byte[hex.Length / 2 + 16];
        for (int i = 0; i < hex.Length / 2; i++) code[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
        for (int i = hex.Length / 2; i < code.Length; i++) code[i] = 0xCC;
        fixed (byte* p = code) return InstructionLength.Decode(p);
    }

    [Theory]
    [InlineData("cc")] // int3
    [InlineData("0f0b")] // ud2
    [InlineData("0f32")] // rdmsr
    [InlineData("0f30")] // wrmsr
    [InlineData("f7f1")] // div    %ecx
    [InlineData("48f77c2408")] // idivq  0x8(%rsp)
    [InlineData("488b00")] // mov    (%rax),%rax
    [InlineData("890578563412")] // mov    %eax,0x12345678(%rip)
    [InlineData("48c70777000000")] // movq   $0x77,(%rdi)
    [InlineData("c7448df801000000")] // movl   $0x1,-0x8(%rbp,%rcx,4)
    [InlineData("66c7000100")] // movw   $0x1,(%rax)
    [InlineData("c6401001")] // movb   $0x1,0x10(%rax)
    [InlineData("488b14cd00100000")] // mov    0x1000(,%rcx,8),%rdx
    [InlineData("0fb606")] // movzbl (%rsi),%eax
    [InlineData("480fbe4603")] // movsbq 0x3(%rsi),%rax
    [InlineData("488d4c5810")] // lea    0x10(%rax,%rbx,2),%rcx
    [InlineData("830005")] // addl   $0x5,(%rax)
    [InlineData("48810000100000")] // addq   $0x1000,(%rax)
    [InlineData("80784000")] // cmpb   $0x0,0x40(%rax)
    [InlineData("f70010000000")] // testl  $0x10,(%rax)
    [InlineData("f60001")] // testb  $0x1,(%rax)
    [InlineData("48f710")] // notq   (%rax)
    [InlineData("48b80000000000000080")] // movabs $0x8000000000000000,%rax
    [InlineData("b805000000")] // mov    $0x5,%eax
    [InlineData("0f20e0")] // mov    %cr4,%rax
    [InlineData("0f22d8")] // mov    %rax,%cr3
    [InlineData("0fa2")] // cpuid
    [InlineData("0f31")] // rdtsc
    [InlineData("f4")] // hlt
    [InlineData("cd80")] // int    $0x80
    [InlineData("e460")] // in     $0x60,%al
    [InlineData("ee")] // out    %al,(%dx)
    [InlineData("f0480fb10a")] // lock cmpxchg %rcx,(%rdx)
    [InlineData("660f6f00")] // movdqa (%rax),%xmm0
    [InlineData("0f114c2420")] // movups %xmm1,0x20(%rsp)
    [InlineData("0f4408")] // cmove  (%rax),%ecx
    [InlineData("0f9400")] // sete   (%rax)
    [InlineData("48ff00")] // incq   (%rax)
    [InlineData("ff30")] // push   (%rax)
    [InlineData("64488b042528000000")] // mov    %fs:0x28,%rax
    [InlineData("480fa302")] // bt     %rax,(%rdx)
    [InlineData("0fba2203")] // btl    $0x3,(%rdx)
    [InlineData("a08877665544332211")] // movabs 0x1122334455667788,%al
    [InlineData("67a044332211")] // addr32 mov 0x11223344,%al
    public void DecodesTheAssemblersLength(string hex) => Assert.Equal(hex.Length / 2, Decode(hex));

    [Theory]
    [InlineData("0f0d08")]      // prefetchw (%rax): known two-byte ModRM form
    [InlineData("0fae38")]      // clflush (%rax)
    public void DecodesOtherKnownForms(string hex) => Assert.Equal(hex.Length / 2, Decode(hex));

    [Theory]
    [InlineData("e8")]          // call rel32: not a faulting instruction this decoder knows
    [InlineData("0f0f")]        // 3DNow!
    [InlineData("c4e27d18")]    // VEX-encoded
    [InlineData("6666666666666666666666666666666690")]  // more prefixes than an instruction may have
    public void UnknownInstructionsDecodeAsZero(string hex) => Assert.Equal(0, Decode(hex));
}
