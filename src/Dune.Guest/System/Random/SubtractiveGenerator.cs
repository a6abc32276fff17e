namespace System
{
    public partial class Random
    {
        /// <summary>
        /// Knuth's subtractive generator as .NET seeds and runs it for `new Random(seed)` (55 lagged values,
        /// taps 21 apart), so seeded sequences match .NET's value for value.
        /// </summary>
        private sealed class SubtractiveGenerator : Generator
        {
            private const int MBig = int.MaxValue;
            private const int MSeed = 161803398;

            private readonly int[] _seedArray = new int[56];
            private int _inext;
            private int _inextp = 21;

            public SubtractiveGenerator(int seed)
            {
                int[] seeds = _seedArray;
                int subtraction = seed == int.MinValue ? int.MaxValue : (seed < 0 ? -seed : seed);
                int mj = MSeed - subtraction;
                seeds[55] = mj;
                int mk = 1;
                int ii = 0;
                for (int i = 1; i < 55; i++)
                {
                    if ((ii += 21) >= 55) ii -= 55;
                    seeds[ii] = mk;
                    mk = mj - mk;
                    if (mk < 0) mk += MBig;
                    mj = seeds[ii];
                }
                for (int k = 1; k < 5; k++)
                {
                    for (int i = 1; i < 56; i++)
                    {
                        int n = i + 30;
                        if (n >= 55) n -= 55;
                        seeds[i] -= seeds[1 + n];
                        if (seeds[i] < 0) seeds[i] += MBig;
                    }
                }
            }

            private int InternalSample()
            {
                int next = _inext, nextp = _inextp;
                if (++next >= 56) next = 1;
                if (++nextp >= 56) nextp = 1;
                int value = _seedArray[next] - _seedArray[nextp];
                if (value == MBig) value--;
                if (value < 0) value += MBig;
                _seedArray[next] = value;
                _inext = next;
                _inextp = nextp;
                return value;
            }

            private double Sample() => InternalSample() * (1.0 / MBig);

            /// <summary>A sample over the full int range, for ranges wider than int.MaxValue.</summary>
            private double SampleForLargeRange()
            {
                int result = InternalSample();
                if (InternalSample() % 2 == 0) result = -result;
                double d = result;
                d += int.MaxValue - 1;
                d /= 2u * int.MaxValue - 1;
                return d;
            }

            public override int Next() => InternalSample();

            public override int Next(int maxValue) => (int)(Sample() * maxValue);

            public override int Next(int minValue, int maxValue)
            {
                long range = (long)maxValue - minValue;
                return range <= int.MaxValue ? (int)(Sample() * range) + minValue : (int)((long)(SampleForLargeRange() * range) + minValue);
            }

            protected override ulong NextUInt64() =>
                (uint)Next(1 << 22) | ((ulong)(uint)Next(1 << 22) << 22) | ((ulong)(uint)Next(1 << 20) << 44);

            public override double NextDouble() => Sample();

            public override float NextSingle() => (float)Sample();

            public override void NextBytes(Span<byte> buffer)
            {
                for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)InternalSample();
            }
        }
    }
}
