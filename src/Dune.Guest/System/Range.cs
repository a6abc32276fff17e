namespace System
{
    /// <summary>A slice between two <see cref="Index"/>es, end exclusive (<c>x[1..^1]</c>).</summary>
    public readonly struct Range : IEquatable<Range>
    {
        public Index Start { get; }
        public Index End { get; }

        public Range(Index start, Index end)
        {
            Start = start;
            End = end;
        }

        public static Range StartAt(Index start) => new Range(start, Index.End);
        public static Range EndAt(Index end) => new Range(Index.Start, end);
        public static Range All => new Range(Index.Start, Index.End);

        /// <summary>Where the slice starts and how long it is in a sequence of <paramref name="length"/> elements; it must lie inside it.</summary>
        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            int start = Start.GetOffset(length), end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end) throw new ArgumentOutOfRangeException("length");
            return (start, end - start);
        }

        public override bool Equals(object value) => value is Range other && Equals(other);

        public bool Equals(Range other) => other.Start.Equals(Start) && other.End.Equals(End);

        public override int GetHashCode() => (Start.GetHashCode() * 31) ^ End.GetHashCode();

        public override string ToString() => Start.ToString() + ".." + End.ToString();
    }
}
