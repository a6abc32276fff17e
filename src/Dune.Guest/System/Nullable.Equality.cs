namespace System
{
    /// <summary>A Nullable without a value equals null, hashes to 0 and prints as the empty string.</summary>
    public partial struct Nullable<T> where T : struct
    {
        public override bool Equals(object other)
        {
            if (!hasValue) return other == null;
            if (other == null) return false;
            return value.Equals(other);
        }

        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;

        public override string ToString() => hasValue ? value.ToString() : "";
    }
}
