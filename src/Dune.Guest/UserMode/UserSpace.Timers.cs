namespace Dune.UserMode
{
    public sealed partial class UserSpace
    {
        /// <summary>The POSIX timers the program created (<see cref="ProgramTimers"/>).</summary>
        internal ProgramTimers Timers { get; } = new ProgramTimers();
    }
}
