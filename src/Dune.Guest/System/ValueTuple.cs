using System.Collections.Generic;

namespace System
{
    /// <summary>What a tuple in the Rest position contributes to its enclosing tuple's ToString and hash.</summary>
    internal interface IValueTupleInternal
    {
        string ToStringEnd();
        int Length { get; }
    }

    /// <summary>The empty tuple, and factories for the others.</summary>
    public struct ValueTuple : IEquatable<ValueTuple>, IComparable, IComparable<ValueTuple>, IValueTupleInternal
    {
        public override bool Equals(object obj) => obj is ValueTuple;
        public bool Equals(ValueTuple other) => true;
        public int CompareTo(ValueTuple other) => 0;
        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple).ToString() + ".", nameof(other));
            return 0;
        }
        public override int GetHashCode() => 0;
        public override string ToString() => "()";
        string IValueTupleInternal.ToStringEnd() => ")";
        int IValueTupleInternal.Length => 0;

        public static ValueTuple<T1> Create<T1>(T1 item1) => new ValueTuple<T1>(item1);
        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new ValueTuple<T1, T2>(item1, item2);
        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new ValueTuple<T1, T2, T3>(item1, item2, item3);
        public static ValueTuple<T1, T2, T3, T4> Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4) => new ValueTuple<T1, T2, T3, T4>(item1, item2, item3, item4);
        public static ValueTuple<T1, T2, T3, T4, T5> Create<T1, T2, T3, T4, T5>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5) => new ValueTuple<T1, T2, T3, T4, T5>(item1, item2, item3, item4, item5);
        public static ValueTuple<T1, T2, T3, T4, T5, T6> Create<T1, T2, T3, T4, T5, T6>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6) => new ValueTuple<T1, T2, T3, T4, T5, T6>(item1, item2, item3, item4, item5, item6);
        public static ValueTuple<T1, T2, T3, T4, T5, T6, T7> Create<T1, T2, T3, T4, T5, T6, T7>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7) => new ValueTuple<T1, T2, T3, T4, T5, T6, T7>(item1, item2, item3, item4, item5, item6, item7);
    }

    public struct ValueTuple<T1> : IEquatable<ValueTuple<T1>>, IComparable, IComparable<ValueTuple<T1>>, IValueTupleInternal
    {
        public T1 Item1;

        public ValueTuple(T1 item1)
        {
            Item1 = item1;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1> other && Equals(other);

        public bool Equals(ValueTuple<T1> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1> other)
        {
            return Comparer<T1>.Default.Compare(Item1, other.Item1);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ")";

        int IValueTupleInternal.Length => 1;
    }

    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>, IComparable, IComparable<ValueTuple<T1, T2>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;

        public ValueTuple(T1 item1, T2 item2)
        {
            Item1 = item1;
            Item2 = item2;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            return Comparer<T2>.Default.Compare(Item2, other.Item2);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ")";

        int IValueTupleInternal.Length => 2;
    }

    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>, IComparable, IComparable<ValueTuple<T1, T2, T3>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;

        public ValueTuple(T1 item1, T2 item2, T3 item3)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            return Comparer<T3>.Default.Compare(Item3, other.Item3);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ")";

        int IValueTupleInternal.Length => 3;
    }

    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>, IComparable, IComparable<ValueTuple<T1, T2, T3, T4>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3, T4> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
                EqualityComparer<T4>.Default.Equals(Item4, other.Item4);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3, T4> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3, T4>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(Item3, other.Item3)) != 0) return c;
            return Comparer<T4>.Default.Compare(Item4, other.Item4);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            hash = TupleHash.Combine(hash, Item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(Item4));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ")";

        int IValueTupleInternal.Length => 4;
    }

    public struct ValueTuple<T1, T2, T3, T4, T5> : IEquatable<ValueTuple<T1, T2, T3, T4, T5>>, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
                EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
                EqualityComparer<T5>.Default.Equals(Item5, other.Item5);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3, T4, T5> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3, T4, T5>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(Item3, other.Item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(Item4, other.Item4)) != 0) return c;
            return Comparer<T5>.Default.Compare(Item5, other.Item5);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            hash = TupleHash.Combine(hash, Item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(Item4));
            hash = TupleHash.Combine(hash, Item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(Item5));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ")";

        int IValueTupleInternal.Length => 5;
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6>>, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
                EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
                EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
                EqualityComparer<T6>.Default.Equals(Item6, other.Item6);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3, T4, T5, T6> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3, T4, T5, T6>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(Item3, other.Item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(Item4, other.Item4)) != 0) return c;
            if ((c = Comparer<T5>.Default.Compare(Item5, other.Item5)) != 0) return c;
            return Comparer<T6>.Default.Compare(Item6, other.Item6);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            hash = TupleHash.Combine(hash, Item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(Item4));
            hash = TupleHash.Combine(hash, Item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(Item5));
            hash = TupleHash.Combine(hash, Item6 is null ? 0 : EqualityComparer<T6>.Default.GetHashCode(Item6));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ")";

        int IValueTupleInternal.Length => 6;
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
            Item7 = item7;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
                EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
                EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
                EqualityComparer<T6>.Default.Equals(Item6, other.Item6) &&
                EqualityComparer<T7>.Default.Equals(Item7, other.Item7);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3, T4, T5, T6, T7> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3, T4, T5, T6, T7>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6, T7> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(Item3, other.Item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(Item4, other.Item4)) != 0) return c;
            if ((c = Comparer<T5>.Default.Compare(Item5, other.Item5)) != 0) return c;
            if ((c = Comparer<T6>.Default.Compare(Item6, other.Item6)) != 0) return c;
            return Comparer<T7>.Default.Compare(Item7, other.Item7);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            hash = TupleHash.Combine(hash, Item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(Item4));
            hash = TupleHash.Combine(hash, Item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(Item5));
            hash = TupleHash.Combine(hash, Item6 is null ? 0 : EqualityComparer<T6>.Default.GetHashCode(Item6));
            hash = TupleHash.Combine(hash, Item7 is null ? 0 : EqualityComparer<T7>.Default.GetHashCode(Item7));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ", " + Item7?.ToString() + ")";

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ", " + Item7?.ToString() + ")";

        int IValueTupleInternal.Length => 7;
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, IComparable, IComparable<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, IValueTupleInternal where TRest : struct
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;
        public TRest Rest;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7, TRest rest)
        {
            Item1 = item1;
            Item2 = item2;
            Item3 = item3;
            Item4 = item4;
            Item5 = item5;
            Item6 = item6;
            Item7 = item7;
            Rest = rest;
        }

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other && Equals(other);

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other) =>
                EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
                EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
                EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
                EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
                EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
                EqualityComparer<T6>.Default.Equals(Item6, other.Item6) &&
                EqualityComparer<T7>.Default.Equals(Item7, other.Item7) &&
                EqualityComparer<TRest>.Default.Equals(Rest, other.Rest);

        int IComparable.CompareTo(object other)
        {
            if (other is null) return 1;
            if (other is not ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> tuple) throw new ArgumentException("Argument must be of type " + typeof(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>).ToString() + ".", nameof(other));
            return CompareTo(tuple);
        }

        public int CompareTo(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other)
        {
            int c;
            if ((c = Comparer<T1>.Default.Compare(Item1, other.Item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(Item2, other.Item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(Item3, other.Item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(Item4, other.Item4)) != 0) return c;
            if ((c = Comparer<T5>.Default.Compare(Item5, other.Item5)) != 0) return c;
            if ((c = Comparer<T6>.Default.Compare(Item6, other.Item6)) != 0) return c;
            if ((c = Comparer<T7>.Default.Compare(Item7, other.Item7)) != 0) return c;
            return Comparer<TRest>.Default.Compare(Rest, other.Rest);
        }

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, Item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(Item1));
            hash = TupleHash.Combine(hash, Item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(Item2));
            hash = TupleHash.Combine(hash, Item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(Item3));
            hash = TupleHash.Combine(hash, Item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(Item4));
            hash = TupleHash.Combine(hash, Item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(Item5));
            hash = TupleHash.Combine(hash, Item6 is null ? 0 : EqualityComparer<T6>.Default.GetHashCode(Item6));
            hash = TupleHash.Combine(hash, Item7 is null ? 0 : EqualityComparer<T7>.Default.GetHashCode(Item7));
            hash = TupleHash.Combine(hash, EqualityComparer<TRest>.Default.GetHashCode(Rest));
            return hash;
        }

        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ", " + Item7?.ToString() + ", " + End(Rest);

        string IValueTupleInternal.ToStringEnd() => Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ", " + Item5?.ToString() + ", " + Item6?.ToString() + ", " + Item7?.ToString() + ", " + End(Rest);

        int IValueTupleInternal.Length => 7 + (Rest is IValueTupleInternal rest ? rest.Length : 1);

        private static string End(TRest rest) => rest is IValueTupleInternal tuple ? tuple.ToStringEnd() : rest.ToString() + ")";
    }

    internal static class TupleHash
    {
        public static int Combine(int hash, int next) => unchecked(((hash << 5) + hash) ^ next);
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>Names of tuple elements in signatures (the compiler writes it; nothing reads it at run time).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue | AttributeTargets.Event)]
    public sealed class TupleElementNamesAttribute : Attribute
    {
        private readonly string[] _transformNames;
        public TupleElementNamesAttribute(string[] transformNames) { _transformNames = transformNames; }
        public System.Collections.Generic.IList<string> TransformNames => _transformNames;
    }
}
