namespace Dune.Traps
{
    /// <summary>What a handler decided (<see cref="Traps.Register"/>).</summary>
    public enum TrapAction
    {
        /// <summary>Continue at the frame's RIP with its registers: a fault retries the instruction (or whatever RIP now says).</summary>
        Resume,
        /// <summary>
        /// Continue after the faulting instruction, whose length <see cref="InstructionLength"/> decodes. For traps
        /// (#BP, #OF, software vectors 32..255) RIP already points past the instruction: the same as Resume.
        /// An instruction the decoder does not know ends as <see cref="Terminate"/>.
        /// </summary>
        SkipInstruction,
        /// <summary>Not handled: the default (the backend's own resolution, e.g. stack growth, else the fault report and exit 139).</summary>
        Terminate,
    }
}
