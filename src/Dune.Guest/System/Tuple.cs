using System.Collections.Generic;

namespace System
{
    /// <summary>Factories for the reference tuples.</summary>
    public static class Tuple
    {
        public static Tuple<T1> Create<T1>(T1 item1) => new Tuple<T1>(item1);
        public static Tuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new Tuple<T1, T2>(item1, item2);
        public static Tuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new Tuple<T1, T2, T3>(item1, item2, item3);
        public static Tuple<T1, T2, T3, T4> Create<T1, T2, T3, T4>(T1 item1, T2 item2, T3 item3, T4 item4) => new Tuple<T1, T2, T3, T4>(item1, item2, item3, item4);
        public static Tuple<T1, T2, T3, T4, T5> Create<T1, T2, T3, T4, T5>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5) => new Tuple<T1, T2, T3, T4, T5>(item1, item2, item3, item4, item5);
        public static Tuple<T1, T2, T3, T4, T5, T6> Create<T1, T2, T3, T4, T5, T6>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6) => new Tuple<T1, T2, T3, T4, T5, T6>(item1, item2, item3, item4, item5, item6);
        public static Tuple<T1, T2, T3, T4, T5, T6, T7> Create<T1, T2, T3, T4, T5, T6, T7>(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7) => new Tuple<T1, T2, T3, T4, T5, T6, T7>(item1, item2, item3, item4, item5, item6, item7);
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1> : IComparable
    {
        private readonly T1 _item1;

        public Tuple(T1 item1)
        {
            _item1 = item1;
        }

        public T1 Item1 => _item1;

        public override bool Equals(object obj) =>
            obj is Tuple<T1> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            return Comparer<T1>.Default.Compare(_item1, other._item1);
        }

        public override string ToString() => "(" + _item1?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;

        public Tuple(T1 item1, T2 item2)
        {
            _item1 = item1;
            _item2 = item2;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            return Comparer<T2>.Default.Compare(_item2, other._item2);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2, T3> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;
        private readonly T3 _item3;

        public Tuple(T1 item1, T2 item2, T3 item3)
        {
            _item1 = item1;
            _item2 = item2;
            _item3 = item3;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;
        public T3 Item3 => _item3;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2, T3> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2) &&
                EqualityComparer<T3>.Default.Equals(_item3, other._item3);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            hash = TupleHash.Combine(hash, _item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(_item3));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2, T3> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(_item2, other._item2)) != 0) return c;
            return Comparer<T3>.Default.Compare(_item3, other._item3);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ", " + _item3?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2, T3, T4> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;
        private readonly T3 _item3;
        private readonly T4 _item4;

        public Tuple(T1 item1, T2 item2, T3 item3, T4 item4)
        {
            _item1 = item1;
            _item2 = item2;
            _item3 = item3;
            _item4 = item4;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;
        public T3 Item3 => _item3;
        public T4 Item4 => _item4;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2, T3, T4> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2) &&
                EqualityComparer<T3>.Default.Equals(_item3, other._item3) &&
                EqualityComparer<T4>.Default.Equals(_item4, other._item4);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            hash = TupleHash.Combine(hash, _item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(_item3));
            hash = TupleHash.Combine(hash, _item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(_item4));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2, T3, T4> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(_item2, other._item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(_item3, other._item3)) != 0) return c;
            return Comparer<T4>.Default.Compare(_item4, other._item4);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ", " + _item3?.ToString() + ", " + _item4?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2, T3, T4, T5> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;
        private readonly T3 _item3;
        private readonly T4 _item4;
        private readonly T5 _item5;

        public Tuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5)
        {
            _item1 = item1;
            _item2 = item2;
            _item3 = item3;
            _item4 = item4;
            _item5 = item5;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;
        public T3 Item3 => _item3;
        public T4 Item4 => _item4;
        public T5 Item5 => _item5;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2, T3, T4, T5> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2) &&
                EqualityComparer<T3>.Default.Equals(_item3, other._item3) &&
                EqualityComparer<T4>.Default.Equals(_item4, other._item4) &&
                EqualityComparer<T5>.Default.Equals(_item5, other._item5);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            hash = TupleHash.Combine(hash, _item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(_item3));
            hash = TupleHash.Combine(hash, _item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(_item4));
            hash = TupleHash.Combine(hash, _item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(_item5));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2, T3, T4, T5> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(_item2, other._item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(_item3, other._item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(_item4, other._item4)) != 0) return c;
            return Comparer<T5>.Default.Compare(_item5, other._item5);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ", " + _item3?.ToString() + ", " + _item4?.ToString() + ", " + _item5?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2, T3, T4, T5, T6> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;
        private readonly T3 _item3;
        private readonly T4 _item4;
        private readonly T5 _item5;
        private readonly T6 _item6;

        public Tuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6)
        {
            _item1 = item1;
            _item2 = item2;
            _item3 = item3;
            _item4 = item4;
            _item5 = item5;
            _item6 = item6;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;
        public T3 Item3 => _item3;
        public T4 Item4 => _item4;
        public T5 Item5 => _item5;
        public T6 Item6 => _item6;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2, T3, T4, T5, T6> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2) &&
                EqualityComparer<T3>.Default.Equals(_item3, other._item3) &&
                EqualityComparer<T4>.Default.Equals(_item4, other._item4) &&
                EqualityComparer<T5>.Default.Equals(_item5, other._item5) &&
                EqualityComparer<T6>.Default.Equals(_item6, other._item6);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            hash = TupleHash.Combine(hash, _item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(_item3));
            hash = TupleHash.Combine(hash, _item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(_item4));
            hash = TupleHash.Combine(hash, _item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(_item5));
            hash = TupleHash.Combine(hash, _item6 is null ? 0 : EqualityComparer<T6>.Default.GetHashCode(_item6));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2, T3, T4, T5, T6> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(_item2, other._item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(_item3, other._item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(_item4, other._item4)) != 0) return c;
            if ((c = Comparer<T5>.Default.Compare(_item5, other._item5)) != 0) return c;
            return Comparer<T6>.Default.Compare(_item6, other._item6);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ", " + _item3?.ToString() + ", " + _item4?.ToString() + ", " + _item5?.ToString() + ", " + _item6?.ToString() + ")";
    }

    /// <summary>An immutable reference tuple: equality and ordering compare the items, ToString prints "(a, b)".</summary>
    public class Tuple<T1, T2, T3, T4, T5, T6, T7> : IComparable
    {
        private readonly T1 _item1;
        private readonly T2 _item2;
        private readonly T3 _item3;
        private readonly T4 _item4;
        private readonly T5 _item5;
        private readonly T6 _item6;
        private readonly T7 _item7;

        public Tuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7)
        {
            _item1 = item1;
            _item2 = item2;
            _item3 = item3;
            _item4 = item4;
            _item5 = item5;
            _item6 = item6;
            _item7 = item7;
        }

        public T1 Item1 => _item1;
        public T2 Item2 => _item2;
        public T3 Item3 => _item3;
        public T4 Item4 => _item4;
        public T5 Item5 => _item5;
        public T6 Item6 => _item6;
        public T7 Item7 => _item7;

        public override bool Equals(object obj) =>
            obj is Tuple<T1, T2, T3, T4, T5, T6, T7> other &&
                EqualityComparer<T1>.Default.Equals(_item1, other._item1) &&
                EqualityComparer<T2>.Default.Equals(_item2, other._item2) &&
                EqualityComparer<T3>.Default.Equals(_item3, other._item3) &&
                EqualityComparer<T4>.Default.Equals(_item4, other._item4) &&
                EqualityComparer<T5>.Default.Equals(_item5, other._item5) &&
                EqualityComparer<T6>.Default.Equals(_item6, other._item6) &&
                EqualityComparer<T7>.Default.Equals(_item7, other._item7);

        public override int GetHashCode()
        {
            int hash = 0;
            hash = TupleHash.Combine(hash, _item1 is null ? 0 : EqualityComparer<T1>.Default.GetHashCode(_item1));
            hash = TupleHash.Combine(hash, _item2 is null ? 0 : EqualityComparer<T2>.Default.GetHashCode(_item2));
            hash = TupleHash.Combine(hash, _item3 is null ? 0 : EqualityComparer<T3>.Default.GetHashCode(_item3));
            hash = TupleHash.Combine(hash, _item4 is null ? 0 : EqualityComparer<T4>.Default.GetHashCode(_item4));
            hash = TupleHash.Combine(hash, _item5 is null ? 0 : EqualityComparer<T5>.Default.GetHashCode(_item5));
            hash = TupleHash.Combine(hash, _item6 is null ? 0 : EqualityComparer<T6>.Default.GetHashCode(_item6));
            hash = TupleHash.Combine(hash, _item7 is null ? 0 : EqualityComparer<T7>.Default.GetHashCode(_item7));
            return hash;
        }

        int IComparable.CompareTo(object obj)
        {
            if (obj is null) return 1;
            if (obj is not Tuple<T1, T2, T3, T4, T5, T6, T7> other) throw new ArgumentException("Argument must be of type " + GetType().ToString() + ".", nameof(obj));
            int c;
            if ((c = Comparer<T1>.Default.Compare(_item1, other._item1)) != 0) return c;
            if ((c = Comparer<T2>.Default.Compare(_item2, other._item2)) != 0) return c;
            if ((c = Comparer<T3>.Default.Compare(_item3, other._item3)) != 0) return c;
            if ((c = Comparer<T4>.Default.Compare(_item4, other._item4)) != 0) return c;
            if ((c = Comparer<T5>.Default.Compare(_item5, other._item5)) != 0) return c;
            if ((c = Comparer<T6>.Default.Compare(_item6, other._item6)) != 0) return c;
            return Comparer<T7>.Default.Compare(_item7, other._item7);
        }

        public override string ToString() => "(" + _item1?.ToString() + ", " + _item2?.ToString() + ", " + _item3?.ToString() + ", " + _item4?.ToString() + ", " + _item5?.ToString() + ", " + _item6?.ToString() + ", " + _item7?.ToString() + ")";
    }

}
