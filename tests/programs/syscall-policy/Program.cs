using System;
using Dune.UserMode;

/// <summary>The syscall policy compiled by ilc on our runtime: one line per decision, compared by the conformance test.</summary>
static class Program
{
    static int Main()
    {
        var sandbox = SyscallPolicy.DenyByDefault().Allow(0).Allow(1).Allow(231).Emulate(39, 5).Deny(2, SyscallPolicy.EPERM).Kill(57);
        long[] numbers = { 0, 1, 2, 3, 39, 57, 231, 511, 512, -1, 0x4000_0001 };
        foreach (long nr in numbers) Console.WriteLine("sandbox " + nr.ToString() + ": " + Describe(sandbox.Decide(nr)));

        var open = SyscallPolicy.AllowByDefault().Deny(57, 11);
        foreach (long nr in numbers) Console.WriteLine("open " + nr.ToString() + ": " + Describe(open.Decide(nr)));
        return 0;
    }

    private static string Describe(SyscallAction a)
    {
        switch (a.Verdict)
        {
            case SyscallVerdict.Allow: return "allow";
            case SyscallVerdict.Deny: return "deny " + a.DeniedResult.ToString();
            case SyscallVerdict.Emulate: return "emulate " + a.Handler.ToString();
            default: return "kill";
        }
    }
}
