namespace System
{
    public partial class Random
    {
        /// <summary>xoshiro256** (Blackman and Vigna), seeded from getrandom(2): the generator of unseeded Randoms.</summary>
        private sealed unsafe class Xoshiro256 : Generator
        {
            private ulong _s0, _s1, _s2, _s3;

            public Xoshiro256()
            {
                ulong* seed = stackalloc ulong[4];
                do Dune.Platform.Linux.GetRandom((byte*)seed, 32);
                while ((seed[0] | seed[1] | seed[2] | seed[3]) == 0);
                _s0 = seed[0]; _s1 = seed[1]; _s2 = seed[2]; _s3 = seed[3];
            }

            protected override ulong NextUInt64()
            {
                ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
                ulong result = Rotl(s1 * 5, 7) * 9;
                ulong t = s1 << 17;
                s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
                s3 = Rotl(s3, 45);
                _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
                return result;
            }

            private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

            public override int Next()
            {
                while (true)
                {
                    ulong result = NextUInt64() >> 33;
                    if (result != int.MaxValue) return (int)result;
                }
            }

            public override int Next(int maxValue) => maxValue > 1 ? (int)Below((ulong)maxValue) : 0;

            public override int Next(int minValue, int maxValue)
            {
                ulong range = (ulong)((long)maxValue - minValue);
                return range > 1 ? (int)((long)Below(range) + minValue) : minValue;
            }

            public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

            public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

            public override void NextBytes(Span<byte> buffer)
            {
                for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
            }
        }
    }
}
