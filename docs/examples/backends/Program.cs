using System;
using Dune;

// Which backend put us in ring 0 (DUNE_BACKEND=kvm|kmod|auto chooses), and what happens when none can.
static class Program
{
    static int Main()
    {
        Console.WriteLine($"backends: active {DuneMode.IsActive}, backend {DuneMode.Backend}, ring {DuneMode.CurrentPrivilegeLevel()}");
        string why = DuneMode.TryEnter();   // null on success; Enter() would exit with 71 instead
        if (why != null)
        {
            Console.WriteLine("backends: cannot enter Dune mode: " + why);
            return DuneMode.EnterFailedExitCode;
        }
        Console.WriteLine($"backends: active {DuneMode.IsActive}, backend {DuneMode.Backend}, ring {DuneMode.CurrentPrivilegeLevel()}");
        return 0;
    }
}
