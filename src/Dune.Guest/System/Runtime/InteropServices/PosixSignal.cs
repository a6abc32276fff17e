namespace System.Runtime.InteropServices
{
    /// <summary>
    /// The POSIX signals .NET names, with .NET's values (negative, so they never collide with a raw signal
    /// number); any other signal is given as its raw Linux number, e.g. <c>(PosixSignal)10</c> for SIGUSR1.
    /// </summary>
    public enum PosixSignal
    {
        SIGTSTP = -10,
        SIGTTOU = -9,
        SIGTTIN = -8,
        SIGWINCH = -7,
        SIGCONT = -6,
        SIGCHLD = -5,
        SIGTERM = -4,
        SIGQUIT = -3,
        SIGINT = -2,
        SIGHUP = -1,
    }
}
