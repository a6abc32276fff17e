namespace Dune.Cpu
{
    /// <summary>
    /// What a CPU does to deliver an interrupt (no error code) through a 64-bit IDT gate, for a backend that
    /// has to do it in software (Backends/Kmod: dune.ko injects no events): the stack (<see cref="Stack"/>) is
    /// aligned down to 16 bytes and receives the interrupted SS, RSP, RFLAGS, CS and RIP; the handler starts in
    /// ring 0 with the gate's CS (from ring 3 also a null SS), TF, NT, RF and VM clear, and IF too through an
    /// interrupt gate.
    /// </summary>
    public static unsafe class InterruptDelivery
    {
        /// <summary>The words the CPU pushes: RIP, CS, RFLAGS, RSP, SS (lowest address first).</summary>
        public const int FrameWords = 5;

        private const ulong TF = 1UL << 8, NT = 1UL << 14, RF = 1UL << 16, VM = 1UL << 17;

        /// <summary>The handler's address in a gate (its two quadwords, as <see cref="IdtGate"/> encodes them).</summary>
        public static ulong Handler(ulong low, ulong high) => (low & 0xFFFF) | ((low >> 48) & 0xFFFF) << 16 | high << 32;

        /// <summary>The gate's IST index: 0 keeps the interrupted stack.</summary>
        public static int Ist(ulong low) => (int)(low >> 32) & 7;

        /// <summary>The gate's selector, the handler's CS.</summary>
        public static ushort Selector(ulong low) => (ushort)(low >> 16);

        public static bool IsPresent(ulong low) => (low & (1UL << 47)) != 0;

        public static bool IsInterruptGate(ulong low) => (int)(low >> 40 & 0xF) == IdtGate.InterruptGate;

        /// <summary>
        /// The stack the frame goes on: the gate's IST entry if it names one, else the TSS's RSP0 when the
        /// interrupt comes from ring 3, else the interrupted stack.
        /// </summary>
        public static ulong Stack(int ist, bool fromRing3, ulong interruptedRsp, ulong istEntry, ulong rsp0) =>
            ist != 0 ? istEntry : fromRing3 ? rsp0 : interruptedRsp;

        /// <summary>Where the frame goes on a stack whose top is <paramref name="stack"/> (the new RSP).</summary>
        public static ulong FrameAddress(ulong stack) => (stack & ~15UL) - FrameWords * 8;

        public static void WriteFrame(ulong* frame, ulong rip, ulong cs, ulong rflags, ulong rsp, ulong ss)
        {
            frame[0] = rip;
            frame[1] = cs;
            frame[2] = rflags;
            frame[3] = rsp;
            frame[4] = ss;
        }

        /// <summary>RFLAGS as the handler starts with it.</summary>
        public static ulong HandlerFlags(ulong rflags, bool interruptGate) =>
            rflags & ~(TF | NT | RF | VM | (interruptGate ? Rflags.IF : 0));
    }
}
