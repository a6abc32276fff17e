using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>The ring-3 run in progress on this CPU (usermode.S and UserMode/Ring3).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct UserModeState
    {
        /// <summary>The ring-0 stack of the run's caller: SYSCALL entries build their frame below it.</summary>
        public ulong KernelRsp;
        /// <summary>Ring 3's rsp between SYSCALL and the switch to the kernel stack.</summary>
        public ulong ScratchRsp;
        /// <summary>The ring-3 program's CR3, loaded while it runs.</summary>
        public ulong UserCr3;
        /// <summary>The runtime's CR3 and FS base, restored on every entry from ring 3.</summary>
        public ulong RuntimeCr3, RuntimeFsBase;
        /// <summary>The C# handler of entries from ring 3 (SYSCALL, and traps the monitor sees): <c>int (*)(UserFrame*, void* fxsave)</c>.</summary>
        public nint SyscallHandler;
        /// <summary>The run's managed state (UserMode/Ring3), kept alive by the run's own frame; 0 between runs.</summary>
        public nint Run;
        /// <summary>
        /// How ring 3 entered the monitor this time: <see cref="SyscallEntry"/>, <see cref="FaultEntry"/> or
        /// <see cref="InterruptEntry"/> (the trap handler sets the last two; usermode.S sets InterruptEntry itself when a
        /// host signal came after the monitor's last look at the program's signals).
        /// </summary>
        public long Entry;

        public const long SyscallEntry = 0, FaultEntry = 1, InterruptEntry = 2;
    }
}
