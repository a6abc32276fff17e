using System;

/// <summary>
/// Memory copying: span CopyTo, Array.Copy, Buffer.MemoryCopy over sizes from a few bytes to a megabyte,
/// overlapping span moves within one array, and stackalloc'd scratch spans. Argument: rounds.
/// </summary>
static unsafe class Program
{
    private const int BufferSize = 1 << 20;
    private static readonly int[] Sizes = { 3, 8, 15, 32, 100, 256, 1000, 4096, 10_000, 65_536, 300_000, BufferSize };

    static int Main()
    {
        int rounds = BenchArgs.Size(300);
        var source = new byte[BufferSize];
        var target = new byte[BufferSize];
        for (int i = 0; i < source.Length; i++) source[i] = (byte)(i * 31 + (i >> 8));

        ulong hash = 14695981039346656037;
        uint position = 1;
        for (int round = 0; round < rounds; round++)
        {
            for (int s = 0; s < Sizes.Length; s++)
            {
                int size = Sizes[s];
                int repeats = 1 + 65_536 / size;
                for (int r = 0; r < repeats; r++)
                {
                    position = position * 1103515245 + 12345;
                    int from = (int)((position >> 4) % (uint)(BufferSize - size + 1));
                    int to = (int)((position >> 9) % (uint)(BufferSize - size + 1));
                    switch ((r + round) & 3)
                    {
                        case 0: source.AsSpan(from, size).CopyTo(target.AsSpan(to, size)); break;
                        case 1: Array.Copy(source, from, target, to, size); break;
                        case 2:
                            fixed (byte* src = &source[from], dst = &target[to]) Buffer.MemoryCopy(src, dst, size, size);
                            break;
                        default: target.AsSpan(from, size).CopyTo(target.AsSpan(to, size)); break;
                    }
                    hash = (hash ^ target[to] ^ ((ulong)target[to + size - 1] << 8)) * 1099511628211;
                }
            }
            hash = (hash ^ Scratch(target, round)) * 1099511628211;
        }
        for (int i = 0; i < target.Length; i += 61) hash = (hash ^ target[i]) * 1099511628211;
        Console.WriteLine($"checksum {hash:x16}");
        return 0;
    }

    /// <summary>Copies through a stack buffer and folds it: span copies to and from the stack.</summary>
    private static ulong Scratch(byte[] data, int round)
    {
        Span<byte> scratch = stackalloc byte[512];
        ulong sum = 0;
        for (int offset = round & 1023; offset + 512 <= data.Length; offset += 4096)
        {
            data.AsSpan(offset, 512).CopyTo(scratch);
            sum += (ulong)(scratch[0] + scratch[511]);
            ((ReadOnlySpan<byte>)scratch).CopyTo(data.AsSpan(data.Length - 512 - (offset & 4095), 512));
        }
        return sum;
    }
}
