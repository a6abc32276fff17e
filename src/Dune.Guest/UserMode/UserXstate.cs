using System.Threading;
using Dune.Cpu;

namespace Dune.UserMode
{
    /// <summary>
    /// Ring 3's XSAVE components beyond x87 and SSE (AVX's upper halves, AVX-512's registers) across its signal
    /// handlers, as Linux keeps them: the handler's frame holds them, the handler starts with them initialised,
    /// rt_sigreturn loads them from the frame. The monitor never uses these registers (ilc compiles it without
    /// VEX, the ring-0 trap entries save them), so while it runs they still hold ring 3's values; only the x87
    /// and SSE part is the entry stub's FXSAVE image.
    /// </summary>
    internal static unsafe class UserXstate
    {
        /// <summary>The components Linux puts in a signal frame: x87, SSE, AVX, MPX, AVX-512, PKRU (not AMX's, which a program must ask for).</summary>
        private const ulong FrameComponents = 0x2ff;

        private static ulong s_enabled, s_components;
        private static uint s_bytes;
        private static bool s_known;

        /// <summary>The fpstate's size in a frame (the FXSAVE image alone without XSAVE).</summary>
        public static int FrameBytes
        {
            get
            {
                Learn();
                return SignalFpstate.FrameBytes(s_bytes);
            }
        }

        /// <summary>
        /// Fills a handler's frame's fpstate (64-byte aligned, <see cref="FrameBytes"/> writable bytes) with ring 3's
        /// state: the FXSAVE image <paramref name="fxsave"/>, then the live extended components, marked as Linux
        /// marks them. The extended components then start afresh for the handler.
        /// </summary>
        public static void SaveForHandler(byte* fpstate, byte* fxsave)
        {
            Learn();
            if (s_bytes != 0)
            {
                for (int i = 0; i < SignalFpstate.HeaderBytes; i++) fpstate[SignalFpstate.Header + i] = 0;
                Instructions.Xsave(fpstate, s_components & ~SignalFpstate.LegacyComponents);
            }
            for (int i = 0; i < SignalFpstate.LegacyBytes; i++) fpstate[i] = fxsave[i];
            if (s_bytes == 0) return;
            SignalFpstate.Mark(fpstate, s_bytes, s_components);
            Reset();
        }

        /// <summary>
        /// rt_sigreturn: ring 3's state from a frame's fpstate (its FXSAVE image already checked readable) into the
        /// FXSAVE image <paramref name="fxsave"/> and the live extended components, which start afresh when the
        /// frame does not mark an XSAVE area. False when the frame cannot be restored (the area unreadable, a
        /// header XRSTOR refuses): Linux ends the program with SIGSEGV then.
        /// </summary>
        public static bool RestoreFromFrame(UserSpace space, byte* fpstate, byte* fxsave)
        {
            for (int i = 0; i < SignalFpstate.LegacyBytes; i++) fxsave[i] = fpstate[i];
            SignalFrame.SanitizeFpu(fxsave);
            Learn();
            if (s_bytes == 0) return true;
            uint bytes = SignalFpstate.MarkedBytes(fpstate, s_bytes, out ulong components);
            if (bytes != 0 && !space.IsUserAccessible((ulong)fpstate, bytes + 4, false)) return false;
            if (bytes == 0 || !SignalFpstate.HasSecondMagic(fpstate, bytes))
            {
                Reset();
                return true;
            }
            byte* raw = stackalloc byte[(int)s_bytes + 63];
            byte* area = Aligned(raw);
            for (uint i = 0; i < bytes; i++) area[i] = fpstate[i];
            for (uint i = bytes; i < s_bytes; i++) area[i] = 0;
            if (!SignalFpstate.HeaderRestorable(area, s_enabled)) return false;
            ulong present = *(ulong*)(area + SignalFpstate.XstateBv) & components;
            *(ulong*)(area + SignalFpstate.XstateBv) = present;
            SignalFpstate.InitialiseLegacyParts(fxsave, present);
            Instructions.XrstorKeepingMxcsr(area, s_components & ~SignalFpstate.LegacyComponents);
            return true;
        }

        /// <summary>The extended components start afresh (a handler's start, a new image after execve).</summary>
        public static void Reset()
        {
            Learn();
            if (s_bytes == 0) return;
            byte* raw = stackalloc byte[SignalFpstate.MinimumXsaveBytes + 63];
            byte* area = Aligned(raw);
            for (int i = 0; i < SignalFpstate.MinimumXsaveBytes; i++) area[i] = 0;
            Instructions.XrstorKeepingMxcsr(area, s_components & ~SignalFpstate.LegacyComponents);
        }

        /// <summary>AT_MINSIGSTKSZ for this CPU's frames, as Linux reports it.</summary>
        public static ulong MinimumSignalStack => SignalFpstate.MinimumSignalStack(FrameBytes);

        /// <summary>Which components XCR0 enables and how large their standard-form area is (CPUID leaf 0xD), once: every CPU of the process has the same.</summary>
        private static void Learn()
        {
            if (Volatile.Read(ref s_known)) return;
            if ((Instructions.ReadCr4() & Cr4.OSXSAVE) != 0)
            {
                ulong enabled = Instructions.Xgetbv(0);
                ulong components = enabled & FrameComponents;
                uint bytes = SignalFpstate.MinimumXsaveBytes;
                uint* regs = stackalloc uint[4];
                for (int i = 2; i < 64; i++)
                {
                    if ((components & (1UL << i)) == 0) continue;
                    Instructions.Cpuid(0xd, (uint)i, regs);
                    if (regs[1] + regs[0] > bytes) bytes = regs[1] + regs[0];
                }
                s_enabled = enabled;
                s_components = components;
                s_bytes = bytes;
            }
            Volatile.Write(ref s_known, true);
        }

        private static byte* Aligned(byte* p) => (byte*)(((ulong)p + 63) & ~63UL);
    }
}
