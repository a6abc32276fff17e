using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// Combines hash codes, as .NET's HashCode: xxHash32's rounds over each value's hash, from a seed random per
    /// process (the same values hash alike within a run and differently across runs, as on .NET). Either
    /// <see cref="Combine{T1}(T1)"/> for a few values or <see cref="Add{T}(T)"/> then <see cref="ToHashCode"/>.
    /// </summary>
    public struct HashCode
    {
        private const uint Prime1 = 2654435761U, Prime2 = 2246822519U, Prime3 = 3266489917U, Prime4 = 668265263U, Prime5 = 374761393U;
        private static readonly uint s_seed = RandomSeed();

        // Four lanes once four values came; until then the values wait in _queue1.._queue3.
        private uint _v1, _v2, _v3, _v4;
        private uint _queue1, _queue2, _queue3;
        private uint _length;

        private static unsafe uint RandomSeed()
        {
            uint seed;
            Dune.Platform.Linux.GetRandom((byte*)&seed, sizeof(uint));
            return seed;
        }

        private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

        /// <summary>One lane's step over a value that filled it.</summary>
        private static uint Round(uint lane, uint input) => RotateLeft(lane + input * Prime2, 13) * Prime1;

        /// <summary>A value left over after the lanes (or all of them, for fewer than four).</summary>
        private static uint QueueRound(uint hash, uint input) => RotateLeft(hash + input * Prime3, 17) * Prime4;

        /// <summary>The avalanche that spreads every input bit over the result.</summary>
        private static uint MixFinal(uint hash)
        {
            hash ^= hash >> 15;
            hash *= Prime2;
            hash ^= hash >> 13;
            hash *= Prime3;
            hash ^= hash >> 16;
            return hash;
        }

        private static void StartLanes(out uint v1, out uint v2, out uint v3, out uint v4)
        {
            v1 = s_seed + Prime1 + Prime2;
            v2 = s_seed + Prime2;
            v3 = s_seed;
            v4 = s_seed - Prime1;
        }

        private static uint MixLanes(uint v1, uint v2, uint v3, uint v4) =>
            RotateLeft(v1, 1) + RotateLeft(v2, 7) + RotateLeft(v3, 12) + RotateLeft(v4, 18);

        private static uint Of<T>(T value) => (uint)(value?.GetHashCode() ?? 0);

        private static int Short(uint count, uint a, uint b = 0, uint c = 0)
        {
            uint hash = s_seed + Prime5 + count * 4;
            hash = QueueRound(hash, a);
            if (count > 1) hash = QueueRound(hash, b);
            if (count > 2) hash = QueueRound(hash, c);
            return (int)MixFinal(hash);
        }

        private static int Long(uint count, uint a, uint b, uint c, uint d, uint e = 0, uint f = 0, uint g = 0, uint h = 0)
        {
            StartLanes(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, a);
            v2 = Round(v2, b);
            v3 = Round(v3, c);
            v4 = Round(v4, d);
            if (count == 8)
            {
                v1 = Round(v1, e);
                v2 = Round(v2, f);
                v3 = Round(v3, g);
                v4 = Round(v4, h);
            }
            uint hash = MixLanes(v1, v2, v3, v4) + count * 4;
            if (count > 4 && count < 8)
            {
                hash = QueueRound(hash, e);
                if (count > 5) hash = QueueRound(hash, f);
                if (count > 6) hash = QueueRound(hash, g);
            }
            return (int)MixFinal(hash);
        }

        public static int Combine<T1>(T1 value1) => Short(1, Of(value1));
        public static int Combine<T1, T2>(T1 value1, T2 value2) => Short(2, Of(value1), Of(value2));
        public static int Combine<T1, T2, T3>(T1 value1, T2 value2, T3 value3) => Short(3, Of(value1), Of(value2), Of(value3));
        public static int Combine<T1, T2, T3, T4>(T1 value1, T2 value2, T3 value3, T4 value4) =>
            Long(4, Of(value1), Of(value2), Of(value3), Of(value4));
        public static int Combine<T1, T2, T3, T4, T5>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5) =>
            Long(5, Of(value1), Of(value2), Of(value3), Of(value4), Of(value5));
        public static int Combine<T1, T2, T3, T4, T5, T6>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6) =>
            Long(6, Of(value1), Of(value2), Of(value3), Of(value4), Of(value5), Of(value6));
        public static int Combine<T1, T2, T3, T4, T5, T6, T7>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6, T7 value7) =>
            Long(7, Of(value1), Of(value2), Of(value3), Of(value4), Of(value5), Of(value6), Of(value7));
        public static int Combine<T1, T2, T3, T4, T5, T6, T7, T8>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6, T7 value7, T8 value8) =>
            Long(8, Of(value1), Of(value2), Of(value3), Of(value4), Of(value5), Of(value6), Of(value7), Of(value8));

        public void Add<T>(T value) => Add(Of(value));

        public void Add<T>(T value, IEqualityComparer<T> comparer) =>
            Add(value is null ? 0 : (uint)(comparer ?? EqualityComparer<T>.Default).GetHashCode(value));

        private void Add(uint value)
        {
            uint position = _length++ % 4;
            if (position == 0) _queue1 = value;
            else if (position == 1) _queue2 = value;
            else if (position == 2) _queue3 = value;
            else
            {
                if (_length == 4) StartLanes(out _v1, out _v2, out _v3, out _v4);
                _v1 = Round(_v1, _queue1);
                _v2 = Round(_v2, _queue2);
                _v3 = Round(_v3, _queue3);
                _v4 = Round(_v4, value);
            }
        }

        /// <summary>The hash of everything added; adding more afterwards goes on from the same state.</summary>
        public readonly int ToHashCode()
        {
            uint left = _length % 4;
            uint hash = _length < 4 ? s_seed + Prime5 : MixLanes(_v1, _v2, _v3, _v4);
            hash += _length * 4;
            if (left > 0) hash = QueueRound(hash, _queue1);
            if (left > 1) hash = QueueRound(hash, _queue2);
            if (left > 2) hash = QueueRound(hash, _queue3);
            return (int)MixFinal(hash);
        }

#pragma warning disable CS0809 // .NET marks these obsolete too: a HashCode is not a value to compare
        [Obsolete("HashCode is a mutable struct and should not be compared with other HashCodes. Use ToHashCode to retrieve the computed hash code.", true)]
        public override int GetHashCode() => throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes. Use ToHashCode to retrieve the computed hash code.");

        [Obsolete("HashCode is a mutable struct and should not be compared with other HashCodes.", true)]
        public override bool Equals(object obj) => throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes.");
#pragma warning restore CS0809
    }
}
