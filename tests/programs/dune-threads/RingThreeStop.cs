using System;
using System.Collections.Generic;
using System.Threading;
using Dune.UserMode;

/// <summary>
/// Collections reach threads that run ring-3 code (run under DUNE_GC_STRESS, VmPrograms): one thread spins in ring 3
/// without system calls, another makes system calls from ring 3 in a loop (each denied by its policy, so every one is
/// a round trip through usermode.S's crossings with no exit to the host), while the main thread allocates and keeps
/// a graph alive, collecting every few allocations. Each collection finishes only once both ring-3 threads have
/// stopped, so many collections while they run show the stops reach them promptly, wherever in ring 3, ring 0 or
/// the crossings between the signal finds them; the graph shows the collections are sound.
/// </summary>
static unsafe class RingThreeStop
{
    /// <summary>mov $0x8000000, %rcx; 1: dec %rcx; jnz 1b; exit(0)</summary>
    static readonly byte[] s_spin =
    {
        0x48, 0xc7, 0xc1, 0x00, 0x00, 0x00, 0x08, 0x48, 0xff, 0xc9, 0x75, 0xfb,
        0xb8, 0x3c, 0x00, 0x00, 0x00, 0x31, 0xff, 0x0f, 0x05,
    };

    /// <summary>mov $200000, %ebx; 1: getppid(); cmp $-1, %rax; jne 2f; dec %ebx; jnz 1b; exit(0); 2: exit(1)</summary>
    static readonly byte[] s_calls =
    {
        0xbb, 0x40, 0x0d, 0x03, 0x00, 0xb8, 0x6e, 0x00, 0x00, 0x00, 0x0f, 0x05,
        0x48, 0x83, 0xf8, 0xff, 0x75, 0x0d, 0xff, 0xcb, 0x75, 0xef, 0xb8, 0x3c,
        0x00, 0x00, 0x00, 0x31, 0xff, 0x0f, 0x05, 0xb8, 0x3c, 0x00, 0x00, 0x00,
        0xbf, 0x01, 0x00, 0x00, 0x00, 0x0f, 0x05,
    };

    const long Getppid = 110;
    const int EPERM = 1;

    sealed class Node
    {
        public Node Next;
        public int Value;
    }

    public static int Run()
    {
        // One space for both (as two threads of one program): the calls' code right after the spin's; neither uses the stack.
        var code = new byte[s_spin.Length + s_calls.Length];
        s_spin.CopyTo(code, 0);
        s_calls.CopyTo(code, s_spin.Length);
        UserFrame spinStart = default;
        string error = UserSpace.TryCreate(out UserSpace space) ?? RawCode.Load(space, code, out spinStart);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            return 2;
        }
        UserFrame callsStart = spinStart;
        callsStart.Rip += (ulong)s_spin.Length;
        int running = 2;
        RunResult spin = default, calls = default;
        var threads = new[]
        {
            new Thread(() =>
            {
                spin = Ring3.Run(space, spinStart, SyscallPolicy.AllowByDefault());
                Interlocked.Decrement(ref running);
            }),
            new Thread(() =>
            {
                calls = Ring3.Run(space, callsStart, SyscallPolicy.AllowByDefault().Deny(Getppid, EPERM));
                Interlocked.Decrement(ref running);
            }),
        };
        foreach (Thread t in threads) t.Start();
        // Allocate (collecting every few allocations under DUNE_GC_STRESS) until both ring-3 runs are over.
        Node head = null;
        int during = 0, length = 0, before = GC.CollectionCount(0);
        while (Volatile.Read(ref running) > 0)
        {
            head = new Node { Next = head, Value = length++ };
            var garbage = new List<string> { "a" + length, "b" + length };
            during = GC.CollectionCount(0) - before;
        }
        foreach (Thread t in threads) t.Join();
        bool intact = true;
        for (int expected = length - 1; head != null; head = head.Next, expected--) intact &= head.Value == expected;
        Console.WriteLine("ring3: the spin " + spin.Describe() + ", the system calls " + calls.Describe()
            + ", collections while they ran " + (during >= 3 ? "3 or more" : during.ToString()) + ", graph intact " + intact);
        return 0;
    }
}
