using System;
using System.Threading;
using Dune.Platform;
using Dune.UserMode;

/// <summary>
/// A thread spinning in ring 3 without system calls takes the collector's stop at once: the host's signal
/// interrupt preempts ring 3 and the thread parks in ring 0. Meanwhile another vCPU's thread collects again and
/// again; each collection finishes only once the spinning thread has stopped.
/// </summary>
static unsafe class RingThreeStop
{
    /// <summary>mov $0x10000000, %rcx; 1: dec %rcx; jnz 1b; mov $60, %eax; xor %edi, %edi; syscall</summary>
    static readonly byte[] s_spin =
    {
        0x48, 0xc7, 0xc1, 0x00, 0x00, 0x00, 0x10,
        0x48, 0xff, 0xc9,
        0x75, 0xfb,
        0xb8, 0x3c, 0x00, 0x00, 0x00,
        0x31, 0xff,
        0x0f, 0x05,
    };

    public static int Run()
    {
        UserFrame start = default;
        string error = UserSpace.TryCreate(out UserSpace space) ?? RawCode.Load(space, s_spin, out start);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            return 2;
        }
        int spinning = 0, during = 0;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref spinning) == 0) Thread.Yield();
            while (Volatile.Read(ref spinning) == 1)
            {
                GC.Collect();
                if (Volatile.Read(ref spinning) == 1) during++;
            }
        });
        collector.Start();
        Volatile.Write(ref spinning, 1);
        RunResult r = Ring3.Run(space, start, SyscallPolicy.AllowByDefault());
        Volatile.Write(ref spinning, 2);
        collector.Join();
        Console.WriteLine("ring3: the spin " + r.Describe() + ", collections while it spun " + (during >= 3 ? "3 or more" : during.ToString()));
        return 0;
    }
}
