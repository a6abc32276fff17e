using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Runtime;
using Dune.Runtime.ExceptionHandling;
using Internal.Runtime.Gc;

namespace Dune.Platform
{
    /// <summary>
    /// Host-mode fault handling. SIGFPE (integer divide by zero: ilc emits a raw idiv) and SIGSEGV on the
    /// first page (null dereference: ilc relies on page 0 being unmapped) become .NET exceptions thrown from
    /// the faulting frame; any other SIGSEGV, SIGBUS or SIGILL, a stack overflow, or a fault inside the
    /// exception dispatcher ends the process with a fault report. Handlers run on an alternate stack so a
    /// stack overflow can still be reported.
    /// </summary>
    public static unsafe class Signals
    {
        private const int SigIll = 4, SigBus = 7, SigFpe = 8, SigSegv = 11, SigPipe = 13;
        private const ulong SigIgn = 1;
        private const ulong SaSigInfo = 0x4, SaOnStack = 0x08000000, SaRestorer = 0x04000000;
        private const int FpeIntOverflow = 2;
        private const nuint AltStackSize = 128 * 1024;
        /// <summary>Addresses below this are null dereferences (page 0 is never mapped).</summary>
        private const ulong NullPageLimit = 4096;
        /// <summary>A fault this close below the stack pointer is the stack running into its guard page.</summary>
        private const ulong StackOverflowWindow = 64 * 1024;
        /// <summary>Space left below the faulting rsp before re-entering managed code (covers the SysV red zone).</summary>
        private const ulong RedZone = 256;

        // ucontext_t: uc_flags, uc_link, uc_stack (24 bytes), then mcontext gregs in kernel order.
        private const int GregsOffset = 40;
        private const int RegR8 = 0, RegRdi = 8, RegRsi = 9, RegRbp = 10, RegRbx = 11, RegRdx = 12, RegRax = 13,
            RegRcx = 14, RegRsp = 15, RegRip = 16;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneSignalEntryPoints")]
        private static extern ulong EntryPoints(ulong* restorer, ulong* faultThrow);

        private static ulong s_faultThrow;

        /// <summary>Bytes of the alternate stack each thread's fault handlers run on.</summary>
        public const nuint AlternateStackBytes = AltStackSize;

        /// <summary>Installs the main thread's alternate signal stack and the fault handlers; called once at start-up.</summary>
        public static void Install()
        {
            byte* altStack = (byte*)Linux.Mmap(null, AltStackSize, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (altStack != null) UseAlternateStack(altStack);
            ulong restorer, faultThrow;
            ulong handler = EntryPoints(&restorer, &faultThrow);
            s_faultThrow = faultThrow;
            ulong* action = stackalloc ulong[4];
            action[0] = handler;
            action[1] = SaSigInfo | SaOnStack | SaRestorer;
            action[2] = restorer;
            // A collection cannot scan a thread running on its alternate stack: it is stopped after the handler.
            action[3] = 1UL << (Internal.Runtime.Threads.Suspension.StopSignal - 1);
            Syscall.Invoke(SyscallNumber.RtSigaction, SigFpe, (long)action, 0, 8);
            Syscall.Invoke(SyscallNumber.RtSigaction, SigSegv, (long)action, 0, 8);
            Syscall.Invoke(SyscallNumber.RtSigaction, SigBus, (long)action, 0, 8);
            Syscall.Invoke(SyscallNumber.RtSigaction, SigIll, (long)action, 0, 8);
            // Writing to a closed pipe is an EPIPE error for the writer to handle (as on .NET), not a fatal signal.
            action[0] = SigIgn;
            action[1] = 0;
            action[2] = 0;
            Syscall.Invoke(SyscallNumber.RtSigaction, SigPipe, (long)action, 0, 8);
        }

        /// <summary>Makes the calling thread's fault handlers run on <paramref name="stack"/>
        /// (<see cref="AlternateStackBytes"/> bytes): each thread needs its own.</summary>
        public static void UseAlternateStack(byte* stack)
        {
            ulong* description = stackalloc ulong[3];
            description[0] = (ulong)stack;
            description[1] = 0;
            description[2] = AltStackSize;
            Syscall.Invoke(SyscallNumber.Sigaltstack, (long)description, 0);
        }

        [RuntimeExport("DuneSignalHandler")]
        private static void Handle(int signal, byte* info, byte* context)
        {
            // Fault reports allocate their text here, on the alternate stack the collector cannot scan.
            GcHeap.SuspendCollections();
            ulong* regs = (ulong*)(context + GregsOffset);
            ulong rip = regs[RegRip], rsp = regs[RegRsp];
            ulong faultAddress = *(ulong*)(info + 16);
            int code = *(int*)(info + 8);

            if (ExceptionDispatcher.Busy != 0) Report("fault inside exception dispatch: " + SignalName(signal), faultAddress, regs);
            HardwareFaultKind kind;
            if (signal == SigFpe) kind = code == FpeIntOverflow ? HardwareFaultKind.Overflow : HardwareFaultKind.DivideByZero;
            else if (signal == SigSegv && faultAddress < NullPageLimit) kind = HardwareFaultKind.NullReference;
            else if (signal == SigSegv && faultAddress < rsp + 4096 && faultAddress + StackOverflowWindow > rsp) { Report("stack overflow (SIGSEGV)", faultAddress, regs); return; }
            else { Report(SignalName(signal), faultAddress, regs); return; }
            // Only managed frames can be unwound to a handler; a fault elsewhere (assembly stubs) is reported.
            if (!HardwareFault.FindManagedFrame(ref rip, ref rsp)) { Report(SignalName(signal), faultAddress, regs); return; }

            // Resume the thread in DuneFaultThrow on its own stack, as if the faulting instruction had called it.
            regs[RegRdi] = (ulong)kind;
            regs[RegRsi] = rip;
            regs[RegRdx] = rsp;
            regs[RegRcx] = faultAddress;
            regs[RegRsp] = (rsp - RedZone) & ~15UL;
            regs[RegRip] = s_faultThrow;
            GcHeap.ResumeCollections();
        }

        private static string SignalName(int signal) => signal switch
        {
            SigSegv => "SIGSEGV", SigBus => "SIGBUS", SigIll => "SIGILL", SigFpe => "SIGFPE", _ => "signal " + signal.ToString(),
        };

        /// <summary>"Fatal fault: WHAT at ADDRESS in METHOD" plus the general registers; exits with <see cref="ExitCodes.Fault"/>.</summary>
        private static void Report(string what, ulong faultAddress, ulong* regs)
        {
            ulong rip = regs[RegRip];
            string text = "Fatal fault: " + what + " at 0x" + faultAddress.ToString("x") + " in " + Symbols.Describe(rip) +
                "\n   rip=0x" + rip.ToString("x") + " rsp=0x" + regs[RegRsp].ToString("x") + " rbp=0x" + regs[RegRbp].ToString("x") +
                "\n   rax=0x" + regs[RegRax].ToString("x") + " rbx=0x" + regs[RegRbx].ToString("x") + " rcx=0x" + regs[RegRcx].ToString("x") +
                " rdx=0x" + regs[RegRdx].ToString("x") + " rsi=0x" + regs[RegRsi].ToString("x") + " rdi=0x" + regs[RegRdi].ToString("x");
            for (int i = 0; i < 8; i++)
                text = text + (i % 4 == 0 ? "\n   " : " ") + "r" + (8 + i).ToString() + "=0x" + regs[RegR8 + i].ToString("x");
            Fatal.Exit(text, ExitCodes.Fault);
        }
    }
}
