using System.Runtime;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Default ordering of T, as .NET chooses it: enums by value, Nullable&lt;T&gt; (null first) through T's
    /// comparer, types implementing IComparable&lt;T&gt; through it, everything else through IComparable.
    /// ilc knows this class by name, as it knows EqualityComparer&lt;T&gt; (Create is replaced per instantiation,
    /// calls through Default are devirtualized), so Create's body runs only for shared generic code.
    /// </summary>
    public abstract class Comparer<T> : IComparer, IComparer<T>
    {
        public static Comparer<T> Default { [Intrinsic] get; } = Create();

        /// <summary>Chooses the comparer type exactly as ilc does, since devirtualized calls assume that type.</summary>
        [Intrinsic]
        private static unsafe Comparer<T> Create()
        {
            if (TypeCast.IsAssignable(Internal.Runtime.MethodTable.Of<T>(), Internal.Runtime.MethodTable.Of<IComparable<T>>())) return new GenericComparer<T>();
            return new ObjectComparer<T>();
        }

        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            return new ComparisonComparer<T>(comparison);
        }

        public abstract int Compare(T x, T y);

        int IComparer.Compare(object x, object y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is T a && y is T b) return Compare(a, b);
            throw ComparerErrors.IncompatibleArgument();
        }
    }

    /// <summary>For T implementing IComparable&lt;T&gt; (ilc and Create only pick it then); null sorts first.</summary>
    public sealed class GenericComparer<T> : Comparer<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public override int Compare(T x, T y)
        {
            if (default(T) != null) return ((IComparable<T>)x).CompareTo(y);
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            return Unsafe.As<IComparable<T>>(x).CompareTo(y);
        }

        public override bool Equals(object obj) => obj is GenericComparer<T>;
        public override int GetHashCode() => 0x4cf5ad43;
    }

    /// <summary>For T without IComparable&lt;T&gt;: the non-generic IComparable of either argument.</summary>
    public sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y) => System.Collections.Comparer.Default.Compare(x, y);
        public override bool Equals(object obj) => obj is ObjectComparer<T>;
        public override int GetHashCode() => 0x6a09e667;
    }

    public sealed class NullableComparer<T> : Comparer<T?> where T : struct
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue) return y.HasValue ? Comparer<T>.Default.Compare(x.value, y.value) : 1;
            return y.HasValue ? -1 : 0;
        }

        public override bool Equals(object obj) => obj is NullableComparer<T>;
        public override int GetHashCode() => 0x3f84d5b5;
    }

    public sealed class EnumComparer<T> : Comparer<T> where T : struct, Enum
    {
        public override int Compare(T x, T y) => EnumValues.Compare(x, y);
        public override bool Equals(object obj) => obj is EnumComparer<T>;
        public override int GetHashCode() => 0x510e527f;
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }
        public override int Compare(T x, T y) => _comparison(x, y);
    }
}

namespace System.Collections
{
    /// <summary>Orders objects through IComparable (strings ordinally: invariant globalization).</summary>
    public sealed class Comparer : IComparer
    {
        public static readonly Comparer Default = new Comparer();
        public static readonly Comparer DefaultInvariant = Default;

        private Comparer() { }

        public int Compare(object a, object b)
        {
            if (a == b) return 0;
            if (a == null) return -1;
            if (b == null) return 1;
            if (a is IComparable ia) return ia.CompareTo(b);
            if (b is IComparable ib) return -ib.CompareTo(a);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }
}
