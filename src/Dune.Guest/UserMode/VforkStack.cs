using System;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// A vfork child's view of its parent's stack. Linux's vfork child shares its parent's memory until it execs or
    /// exits; the sandbox's runs on a copy (<see cref="UserFork"/>). So the child keeps the bytes above the vfork
    /// call's stack pointer as they were (up to <see cref="Bytes"/>, while the pages are the program's), and when it
    /// exits without exec it sends what changed (<see cref="StackChanges"/>) down the pipe its parent waits on; the
    /// parent writes those bytes before its vfork returns.
    /// </summary>
    internal sealed unsafe class VforkStack
    {
        /// <summary>How much of the caller's frames is kept: posix_spawn's arguments lie a few hundred bytes above the call.</summary>
        public const int Bytes = 64 * 1024;
        private const ulong PageSize = 4096;
        private const int EINTR = 4;

        private readonly ulong _start;
        private readonly byte[] _original;

        private VforkStack(ulong start, byte[] original)
        {
            _start = start;
            _original = original;
        }

        /// <summary>In the child right after the fork: the bytes from <paramref name="stackPointer"/> up, page by page while they are the program's.</summary>
        public static VforkStack Snapshot(UserSpace space, ulong stackPointer)
        {
            int length = 0;
            while (length < Bytes)
            {
                ulong at = stackPointer + (ulong)length;
                int step = (int)Math.Min(PageSize - (at & (PageSize - 1)), (ulong)(Bytes - length));
                if (!space.IsUserAccessible(at, (ulong)step, true)) break;
                length += step;
            }
            return length == 0 ? null : new VforkStack(stackPointer, new ReadOnlySpan<byte>((byte*)stackPointer, length).ToArray());
        }

        /// <summary>At the child's exit: the changed bytes, written whole to <paramref name="fd"/> (the parent reads until EOF).</summary>
        public void SendChanges(UserSpace space, int fd)
        {
            if (!space.IsUserAccessible(_start, (ulong)_original.Length, false)) return;
            byte[] records = StackChanges.Encode(_start, _original, new ReadOnlySpan<byte>((byte*)_start, _original.Length));
            fixed (byte* p = records)
            {
                for (int sent = 0; sent < records.Length;)
                {
                    long n = Syscall.Invoke(SyscallNumber.Write, fd, (long)(p + sent), records.Length - sent);
                    if (n == -EINTR) continue;
                    if (n <= 0) return;
                    sent += (int)n;
                }
            }
        }

        /// <summary>The parent: everything the child sent, until it closed the pipe (at exec or exit); null if nothing.</summary>
        public static byte[] ReadAll(int fd)
        {
            byte[] data = new byte[256];
            int length = 0;
            while (true)
            {
                if (length == data.Length) Array.Resize(ref data, data.Length * 2);
                long n;
                fixed (byte* p = data) n = Syscall.Invoke(SyscallNumber.Read, fd, (long)(p + length), data.Length - length);
                if (n == -EINTR) continue;
                if (n <= 0) break;
                length += (int)n;
            }
            if (length == 0) return null;
            Array.Resize(ref data, length);
            return data;
        }

        /// <summary>The parent writes the child's changes where they were, each only if those bytes are still the program's and writable.</summary>
        public static void Apply(UserSpace space, byte[] records) =>
            StackChanges.Decode(records, (address, bytes) =>
            {
                if (!space.IsUserAccessible(address, (ulong)bytes.Length, true)) return false;
                for (int i = 0; i < bytes.Length; i++) ((byte*)address)[i] = bytes[i];
                return true;
            });
    }
}
