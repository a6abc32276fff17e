using Dune.Memory;

namespace Dune.UserMode
{
    /// <summary>
    /// A small machine-code buffer run in ring 3: copied to a user code page (read + execute) at
    /// <see cref="CodeAddress"/>, with its own user stack below <see cref="StackTop"/>. Loading again into the
    /// same space replaces the code and keeps the pages.
    /// </summary>
    public static unsafe class RawCode
    {
        /// <summary>Where <see cref="Load"/> puts the code (a user page), and the most it takes.</summary>
        public const ulong CodeAddress = 0x0000_4000_0000_0000, MaxCodeBytes = 0x1_0000;
        /// <summary>The top and size of the user stack <see cref="Load"/> maps (above the code).</summary>
        public const ulong StackTop = 0x0000_4000_0010_0000, StackBytes = 0x1_0000;

        /// <summary>Null on success with the registers to start at the code's first byte, otherwise why not.</summary>
        public static string Load(UserSpace space, byte[] code, out UserFrame start)
        {
            start = default;
            if (code.Length == 0 || (ulong)code.Length > MaxCodeBytes) return "code must be 1.." + MaxCodeBytes.ToString() + " bytes";
            if (!space.IsUserRange(CodeAddress, MaxCodeBytes))
            {
                if (!space.Allocate(CodeAddress, MaxCodeBytes, Permissions.ReadExecute)) return "cannot map the code pages";
                if (!space.Allocate(StackTop - StackBytes, StackBytes, Permissions.ReadWrite)) return "cannot map the stack";
            }
            byte* to = (byte*)CodeAddress;
            for (int i = 0; i < code.Length; i++) to[i] = code[i];
            start = UserFrame.Start(CodeAddress, StackTop);
            return null;
        }
    }
}
