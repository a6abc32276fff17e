using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.UserMode
{
    /// <summary>The ring-3 entry and exit stubs (usermode.S).</summary>
    internal static unsafe class UserModeNative
    {
        /// <summary>Runs ring 3 from <paramref name="frame"/> under <paramref name="userCr3"/>; returns when the handler or a fault ends the run.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_user_enter")]
        public static extern void Enter(UserFrame* frame, ulong userCr3, delegate* unmanaged<UserFrame*, byte*, int> entryHandler);

        /// <summary>The SYSCALL entry point, for LSTAR.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_user_syscall_entry_address")]
        public static extern ulong SyscallEntryAddress();

        /// <summary>Ring-0 code that passes a ring-3 trap to the entry handler like a SYSCALL (a trap frame's iretq goes there, rsp = the user frame).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_user_trap_entry_address")]
        public static extern ulong TrapEntryAddress();
    }
}
