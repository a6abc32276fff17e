using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Platform
{
    public static unsafe partial class Linux
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_spawn")]
        private static extern long SpawnStub(byte* path, byte** argv, byte** envp);

        /// <summary>
        /// posix_spawn's core: starts <paramref name="path"/> (NUL-terminated) with <paramref name="argv"/> and
        /// <paramref name="envp"/> (null-terminated arrays) in a child process, with vfork's semantics: returns once the
        /// child has replaced itself with the program or exited (an execve that fails ends the child with 127). The
        /// child's pid (for wait4), or -errno. Works in host mode (vfork) and in Dune mode, where the child is a copy
        /// (fork) that the parent waits for as vfork would, because a second process cannot share the VM.
        /// </summary>
        public static long Spawn(byte* path, byte** argv, byte** envp) => SpawnStub(path, argv, envp);
    }
}
