namespace Dune.Loader
{
    /// <summary>Limits and choices applied when validating and planning an image.</summary>
    public struct LoaderOptions
    {
        /// <summary>A power of two (4096 on x86-64); mappings are rounded to it.</summary>
        public ulong PageSize;

        /// <summary>No mapping may start below this (keeps page 0 unmapped so null dereferences fault).</summary>
        public ulong MinimumAddress;

        /// <summary>Every mapping must end at or below this: the top of the canonical user half.</summary>
        public ulong UserAddressLimit;

        /// <summary>Upper bound on the sum of the page-rounded segment sizes.</summary>
        public ulong MaxImageMemory;

        /// <summary>The most program headers an image may have.</summary>
        public int MaxProgramHeaders;

        /// <summary>Base address for static-pie (ET_DYN) images; must be page aligned. Ignored for ET_EXEC.</summary>
        public ulong PieLoadBias;

        /// <summary>The usual x86-64 choices: 4 KiB pages, nothing below 64 KiB, 1 GiB images, PIE at 0x5555_5555_4000.</summary>
        public static LoaderOptions Default => new LoaderOptions
        {
            PageSize = 0x1000,
            MinimumAddress = 0x10000,
            UserAddressLimit = 0x0000_8000_0000_0000,
            MaxImageMemory = 1UL << 30,
            MaxProgramHeaders = 64,
            PieLoadBias = 0x5555_5555_4000,
        };
    }
}
