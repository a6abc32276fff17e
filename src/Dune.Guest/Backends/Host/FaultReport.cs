using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Runtime;
using Dune.Traps;

namespace Dune.Backends
{
    /// <summary>
    /// Reports what ended the guest on stderr and exits: an unhandled guest exception or a VM-level failure
    /// (triple fault, internal error, failed entry) exits with <see cref="ExitCodes.Fault"/> (139), a backend
    /// failure with <see cref="ExitCodes.RuntimeFailure"/> (135). Runs in the host half, so the report itself
    /// does not allocate; only the last line, the name of the function at RIP, uses the runtime's symbol
    /// lookup (which allocates and makes system calls), in a child process, once everything else is written.
    /// </summary>
    internal static unsafe partial class FaultReport
    {
        internal const int Stderr = 2, LineCapacity = 256;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_disable_hypercalls")]
        private static extern void DisableHypercalls();

        public static void GuestException(TrapFrame* f)
        {
            byte* buf = stackalloc byte[LineCapacity];
            var t = new HostText(buf, LineCapacity);
            t.Add("dune: unhandled guest exception ");
            t.Add(ExceptionVectors.Name((int)f->Vector));
            t.Add(" (vector ");
            t.Dec((long)f->Vector);
            t.Add(") in ring ");
            t.Dec((long)(f->Cs & 3));
            t.Line(Stderr);
            t.Add("  error code ");
            t.Hex(f->ErrorCode);
            if (f->Vector == ExceptionVectors.PageFault)
            {
                t.Add("  cr2 ");
                t.Hex(f->Cr2);
                t.Add((f->ErrorCode & 2) != 0 ? " (write" : " (read");
                t.Add((f->ErrorCode & 1) != 0 ? ", protection)" : ", not present)");
            }
            t.Line(Stderr);
            Registers(ref t, f->Rip, f->Rsp, f->Rflags, f->Rax, f->Rbx, f->Rcx, f->Rdx, f->Rsi, f->Rdi, f->Rbp,
                f->R8, f->R9, f->R10, f->R11, f->R12, f->R13, f->R14, f->R15);
            FunctionAt(ref t, f->Rip);
            HostSyscall.ExitGroup(ExitCodes.Fault);
        }

        /// <summary>
        /// The guest stopped in a way it could not report itself: "dune: <paramref name="what"/> <paramref name="detail"/>",
        /// then its registers if known (<paramref name="regs"/>: the 18 of struct kvm_regs or struct dune_regs, which
        /// differ only in the order of RSP and RBP, <see cref="EntryRegisters"/>), exit 139.
        /// </summary>
        public static void GuestStopped(string what, ulong detail, ulong* regs, bool rspFirst)
        {
            byte* buf = stackalloc byte[LineCapacity];
            var t = new HostText(buf, LineCapacity);
            t.Add("dune: ");
            t.Add(what);
            if (detail != 0)
            {
                t.Add(" ");
                t.Hex(detail);
            }
            t.Line(Stderr);
            if (regs != null)
            {
                ulong rsp = rspFirst ? regs[6] : regs[7], rbp = rspFirst ? regs[7] : regs[6];
                Registers(ref t, regs[16], rsp, regs[17], regs[0], regs[1], regs[2], regs[3], regs[4], regs[5], rbp,
                    regs[8], regs[9], regs[10], regs[11], regs[12], regs[13], regs[14], regs[15]);
                FunctionAt(ref t, regs[16]);
            }
            HostSyscall.ExitGroup(ExitCodes.Fault);
        }

        /// <summary>A shutdown exit (KVM_EXIT_SHUTDOWN, DUNE_EXIT_SHUTDOWN). No registers: the CPU state after one means nothing.</summary>
        public static void TripleFault()
        {
            byte* buf = stackalloc byte[LineCapacity];
            var t = new HostText(buf, LineCapacity);
            t.Add("dune: triple fault: the guest could not deliver an exception");
            t.Line(Stderr);
            HostSyscall.ExitGroup(ExitCodes.Fault);
        }

        public static void Fatal(string message)
        {
            byte* buf = stackalloc byte[LineCapacity];
            var t = new HostText(buf, LineCapacity);
            t.Add("dune: ");
            t.Add(message);
            t.Line(Stderr);
            HostSyscall.ExitGroup(ExitCodes.RuntimeFailure);
        }

        private static void Registers(ref HostText t, ulong rip, ulong rsp, ulong rflags, ulong rax, ulong rbx, ulong rcx,
            ulong rdx, ulong rsi, ulong rdi, ulong rbp, ulong r8, ulong r9, ulong r10, ulong r11, ulong r12, ulong r13,
            ulong r14, ulong r15)
        {
            Reg(ref t, "  rip ", rip); Reg(ref t, "  rsp ", rsp); Reg(ref t, "  rflags ", rflags); t.Line(Stderr);
            Reg(ref t, "  rax ", rax); Reg(ref t, "  rbx ", rbx); Reg(ref t, "  rcx ", rcx); Reg(ref t, "  rdx ", rdx); t.Line(Stderr);
            Reg(ref t, "  rsi ", rsi); Reg(ref t, "  rdi ", rdi); Reg(ref t, "  rbp ", rbp); Reg(ref t, "  r8  ", r8); t.Line(Stderr);
            Reg(ref t, "  r9  ", r9); Reg(ref t, "  r10 ", r10); Reg(ref t, "  r11 ", r11); Reg(ref t, "  r12 ", r12); t.Line(Stderr);
            Reg(ref t, "  r13 ", r13); Reg(ref t, "  r14 ", r14); Reg(ref t, "  r15 ", r15); t.Line(Stderr);
        }

        /// <summary>
        /// "  in Namespace.Type.Method" when the executable's symbols name the code at <paramref name="rip"/>.
        /// The lookup allocates and may even collect, on a heap the guest left in any state and from the host
        /// stack the collector does not know, so it runs in a forked child: whatever happens there, the
        /// report above is out and the exit code stays the parent's.
        /// </summary>
        private static void FunctionAt(ref HostText t, ulong rip)
        {
            DisableHypercalls();
            long child = HostSyscall.Invoke(Platform.SyscallNumber.Fork, 0, 0, 0, 0, 0, 0);
            if (child < 0) return;
            if (child > 0)
            {
                HostSyscall.Invoke(Platform.SyscallNumber.Wait4, child, 0, 0, 0, 0, 0);
                return;
            }
            string name = Symbols.FunctionName(rip);
            if (name != null)
            {
                t.Add("  in ");
                t.Add(name);
                t.Line(Stderr);
            }
            HostSyscall.ExitGroup(0);
        }

        private static void Reg(ref HostText t, string name, ulong value)
        {
            t.Add(name);
            t.Hex(value);
        }
    }
}
