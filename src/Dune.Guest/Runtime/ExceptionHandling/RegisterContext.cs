using System.Runtime.InteropServices;

namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>
    /// The registers that identify one stack frame and survive calls: where it executes (Rip), its stack and
    /// frame pointers, and the callee-saved registers. Throw stubs, fault handlers and (later) ring-0 trap
    /// handlers all describe the frame where an exception starts with this struct; the unwinder steps it from
    /// frame to frame; resuming after a catch reloads it. Layout shared with exceptions.S.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RegisterContext
    {
        public ulong Rip;
        public ulong Rsp;
        public ulong Rbp;
        public ulong Rbx;
        public ulong R12;
        public ulong R13;
        public ulong R14;
        public ulong R15;
    }
}
