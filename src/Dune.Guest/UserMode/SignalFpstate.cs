namespace Dune.UserMode
{
    /// <summary>
    /// The FPU state a signal frame's sigcontext points to (fpstate), as Linux lays it out on x86-64: the FXSAVE
    /// image, and on CPUs with XSAVE the rest of a standard-form (not compacted) XSAVE area after it, marked as
    /// the kernel marks it (struct _fpx_sw_bytes in the FXSAVE image's software-reserved bytes, a second magic
    /// word right after the XSAVE area). Handlers, glibc and debuggers read these bytes, and rt_sigreturn takes
    /// the extended state back only from a frame marked this way. Pure: it reads and writes the bytes it is given.
    /// </summary>
    public static unsafe class SignalFpstate
    {
        /// <summary>FP_XSTATE_MAGIC1 ("FPXS") and FP_XSTATE_MAGIC2 ("FPXE").</summary>
        public const uint Magic1 = 0x4650_5853, Magic2 = 0x4650_5845;
        /// <summary>The FXSAVE image's size; the XSAVE header's offset and size; the smallest XSAVE area (image and header).</summary>
        public const int LegacyBytes = 512, Header = 512, HeaderBytes = 64, MinimumXsaveBytes = Header + HeaderBytes;
        /// <summary>struct _fpx_sw_bytes in the image's bytes 464..511: magic1, extended_size, xfeatures, xstate_size.</summary>
        public const int SoftwareBytes = 464, SwMagic1 = SoftwareBytes, SwExtendedSize = SoftwareBytes + 4,
            SwFeatures = SoftwareBytes + 8, SwXstateSize = SoftwareBytes + 16, SoftwareBytesSize = 48;
        /// <summary>The header's XSTATE_BV (which components the area holds) and XCOMP_BV (0 in the standard form).</summary>
        public const int XstateBv = Header, XcompBv = Header + 8;
        /// <summary>The x87 and SSE components, which the FXSAVE image holds.</summary>
        public const ulong LegacyComponents = 3;

        /// <summary>The fpstate's size in a frame: the FXSAVE image alone (<paramref name="xsaveBytes"/> 0), else the XSAVE area and the second magic word.</summary>
        public static int FrameBytes(uint xsaveBytes) => xsaveBytes == 0 ? LegacyBytes : (int)xsaveBytes + 4;

        /// <summary>
        /// AT_MINSIGSTKSZ as Linux reports it (init_sigframe_size: the worst case over its frame kinds, which
        /// with IA32 emulation is a 32-bit frame with an FSAVE image, plus the alignments) for frames whose fpstate
        /// takes <paramref name="fpstateBytes"/>: those bytes and 934 more, rounded up to 16. The 934 is Linux's
        /// as measured: 6.1 in the test VM reports 1776 for 836 bytes, 6.18 on an AVX-512 machine 3376 for 2436.
        /// </summary>
        public static ulong MinimumSignalStack(int fpstateBytes) => ((ulong)(fpstateBytes + 934) + 15) & ~15UL;

        /// <summary>
        /// Marks the XSAVE area at <paramref name="fpstate"/> (<paramref name="xsaveBytes"/> bytes holding
        /// <paramref name="components"/>) as a signal frame's: XSTATE_BV also names x87 and SSE (the FXSAVE image
        /// is always there), the software bytes describe the area, the second magic word follows it.
        /// </summary>
        public static void Mark(byte* fpstate, uint xsaveBytes, ulong components)
        {
            *(ulong*)(fpstate + XstateBv) |= LegacyComponents;
            for (int i = 0; i < SoftwareBytesSize; i++) fpstate[SoftwareBytes + i] = 0;
            *(uint*)(fpstate + SwMagic1) = Magic1;
            *(uint*)(fpstate + SwExtendedSize) = xsaveBytes + 4;
            *(ulong*)(fpstate + SwFeatures) = components;
            *(uint*)(fpstate + SwXstateSize) = xsaveBytes;
            *(uint*)(fpstate + xsaveBytes) = Magic2;
        }

        /// <summary>
        /// rt_sigreturn's first look at a frame's software bytes: the size of the XSAVE area they describe and the
        /// components to take from it, or 0 when they do not describe one this CPU can hold (no first magic word,
        /// a size below the image and header, above <paramref name="maxBytes"/> or above the extended size): the
        /// frame then holds the FXSAVE image only. The second magic word, after the area, is
        /// <see cref="HasSecondMagic"/>'s to check.
        /// </summary>
        public static uint MarkedBytes(byte* fpstate, uint maxBytes, out ulong components)
        {
            uint size = *(uint*)(fpstate + SwXstateSize);
            components = *(ulong*)(fpstate + SwFeatures);
            if (*(uint*)(fpstate + SwMagic1) != Magic1 || size < MinimumXsaveBytes || size > maxBytes
                || size > *(uint*)(fpstate + SwExtendedSize))
            {
                components = LegacyComponents;
                return 0;
            }
            return size;
        }

        /// <summary>Whether the second magic word follows the <paramref name="xsaveBytes"/>-byte area (a frame copied without its extended state lacks it).</summary>
        public static bool HasSecondMagic(byte* fpstate, uint xsaveBytes) => *(uint*)(fpstate + xsaveBytes) == Magic2;

        /// <summary>
        /// Whether XRSTOR takes the header of the area at <paramref name="fpstate"/> with XCR0 =
        /// <paramref name="enabled"/>: XSTATE_BV names only enabled components and bytes 8..23 (XCOMP_BV and the
        /// next word) are zero, as the standard form requires. Linux's rt_sigreturn fails (SIGSEGV) where it faults.
        /// </summary>
        public static bool HeaderRestorable(byte* fpstate, ulong enabled) =>
            (*(ulong*)(fpstate + XstateBv) & ~enabled) == 0 && *(ulong*)(fpstate + XcompBv) == 0 && *(ulong*)(fpstate + XcompBv + 8) == 0;

        /// <summary>
        /// What XRSTOR does to the FXSAVE part of a frame whose XSTATE_BV leaves out x87 or SSE: those registers
        /// start afresh (x87: FCW 0x37f, the rest zero; SSE: XMM0-15 zero; MXCSR is loaded either way).
        /// </summary>
        public static void InitialiseLegacyParts(byte* fxsave, ulong xstateBv)
        {
            if ((xstateBv & 1) == 0)
            {
                for (int i = 0; i < 24; i++) fxsave[i] = 0;
                for (int i = 32; i < 160; i++) fxsave[i] = 0;
                *(ushort*)fxsave = 0x37f;
            }
            if ((xstateBv & 2) == 0)
                for (int i = 160; i < 416; i++) fxsave[i] = 0;
        }
    }
}
