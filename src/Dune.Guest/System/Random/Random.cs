namespace System
{
    /// <summary>
    /// Pseudo-random numbers. A seeded instance reproduces .NET's sequence exactly (the subtractive generator .NET keeps
    /// for seeded Randoms); an unseeded one uses xoshiro256** seeded from the kernel. Both share the range logic here.
    /// </summary>
    public partial class Random
    {
        private readonly Generator _generator;

        public Random() { _generator = new Xoshiro256(); }

        public Random(int Seed) { _generator = new SubtractiveGenerator(Seed); }

        public static Random Shared { get; } = new Random();

        public int Next() => _generator.Next();

        public int Next(int maxValue)
        {
            if (maxValue < 0) Text.TextThrow.Negative("maxValue", maxValue);
            return _generator.Next(maxValue);
        }

        public int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue) ThrowMinGreaterThanMax();
            return _generator.Next(minValue, maxValue);
        }

        public long NextInt64() => _generator.NextInt64();

        public long NextInt64(long maxValue)
        {
            if (maxValue < 0) Text.TextThrow.Negative("maxValue", maxValue);
            return _generator.NextInt64(0, maxValue);
        }

        public long NextInt64(long minValue, long maxValue)
        {
            if (minValue > maxValue) ThrowMinGreaterThanMax();
            return _generator.NextInt64(minValue, maxValue);
        }

        public double NextDouble() => _generator.NextDouble();

        public float NextSingle() => _generator.NextSingle();

        public void NextBytes(byte[] buffer)
        {
            if (buffer == null) Text.TextThrow.Null("buffer");
            _generator.NextBytes(buffer);
        }

        public void NextBytes(Span<byte> buffer) => _generator.NextBytes(buffer);

        private static void ThrowMinGreaterThanMax() =>
            throw new ArgumentOutOfRangeException("minValue", "'minValue' cannot be greater than maxValue.");

        /// <summary>A source of random bits with .NET's mapping of those bits onto ranges for its algorithm.</summary>
        private abstract class Generator
        {
            public abstract int Next();
            public abstract int Next(int maxValue);
            public abstract int Next(int minValue, int maxValue);
            /// <summary>64 random bits, as the algorithm's NextInt64 family consumes them.</summary>
            protected abstract ulong NextUInt64();

            public long NextInt64()
            {
                while (true)
                {
                    ulong result = NextUInt64() >> 1;
                    if (result != long.MaxValue) return (long)result;
                }
            }

            public long NextInt64(long minValue, long maxValue)
            {
                ulong range = (ulong)(maxValue - minValue);
                return range > 1 ? (long)Below(range) + minValue : minValue;
            }

            /// <summary>Uniform in [0, range) by rejection of the top bits.</summary>
            protected ulong Below(ulong range)
            {
                int bits = Log2Ceiling(range);
                while (true)
                {
                    ulong result = NextUInt64() >> (64 - bits);
                    if (result < range) return result;
                }
            }
            public abstract double NextDouble();
            public abstract float NextSingle();
            public abstract void NextBytes(Span<byte> buffer);

            /// <summary>Bits needed for values below <paramref name="range"/> (ceil(log2)).</summary>
            private static int Log2Ceiling(ulong range)
            {
                int bits = 0;
                while (bits < 64 && (1UL << bits) < range) bits++;
                return bits;
            }
        }
    }
}
