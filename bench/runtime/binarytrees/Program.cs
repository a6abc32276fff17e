using System;

/// <summary>
/// GC-heavy: the Benchmarks Game's binary trees, single-threaded. Builds many short-lived complete trees while a
/// long-lived one stays reachable, so the collector runs often over a large live set.
/// Argument: the maximum tree depth.
/// </summary>
static class Program
{
    private const int MinDepth = 4;

    private sealed class Node
    {
        public readonly Node Left, Right;

        public Node(Node left, Node right)
        {
            Left = left;
            Right = right;
        }

        public int Check() => Left == null ? 1 : 1 + Left.Check() + Right.Check();
    }

    private static Node Build(int depth) => depth == 0 ? new Node(null, null) : new Node(Build(depth - 1), Build(depth - 1));

    static int Main()
    {
        int maxDepth = BenchArgs.Size(18);
        if (maxDepth < MinDepth + 2) maxDepth = MinDepth + 2;
        long checksum = Build(maxDepth + 1).Check();
        Console.WriteLine($"stretch tree of depth {maxDepth + 1}\t check: {checksum}");

        Node longLived = Build(maxDepth);
        for (int depth = MinDepth; depth <= maxDepth; depth += 2)
        {
            int iterations = 1 << (maxDepth - depth + MinDepth);
            long check = 0;
            for (int i = 0; i < iterations; i++) check += Build(depth).Check();
            Console.WriteLine($"{iterations}\t trees of depth {depth}\t check: {check}");
            checksum += check;
        }
        int longLivedCheck = longLived.Check();
        Console.WriteLine($"long lived tree of depth {maxDepth}\t check: {longLivedCheck}");
        Console.WriteLine($"checksum {checksum + longLivedCheck}");
        return 0;
    }
}
