using System.Runtime;
using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// Default equality of T, as .NET chooses it: strings ordinal, enums by value, Nullable&lt;T&gt; through T's
    /// comparer, types implementing IEquatable&lt;T&gt; through it, everything else through Equals(object).
    /// ilc knows this class by name: it replaces Create() with `new` of the exact comparer for every T it sees at
    /// compile time, and RyuJIT devirtualizes calls through Default to that comparer's methods (so the comparer
    /// types and names below are part of that contract). Create's body runs only for shared generic code.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer, IEqualityComparer<T>
    {
        public static EqualityComparer<T> Default { [Intrinsic] get; } = Create();

        /// <summary>Chooses the comparer type exactly as ilc does, since devirtualized calls assume that type.</summary>
        [Intrinsic]
        private static unsafe EqualityComparer<T> Create()
        {
            Internal.Runtime.MethodTable* type = Internal.Runtime.MethodTable.Of<T>();
            if (type == Internal.Runtime.MethodTable.Of<string>()) return Unsafe.As<EqualityComparer<T>>(new StringEqualityComparer());
            if (TypeCast.IsAssignable(type, Internal.Runtime.MethodTable.Of<IEquatable<T>>())) return new GenericEqualityComparer<T>();
            return new ObjectEqualityComparer<T>();
        }

        public static EqualityComparer<T> Create(Func<T, T, bool> equals, Func<T, int> getHashCode = null)
        {
            if (equals == null) throw new ArgumentNullException("equals");
            return new DelegateEqualityComparer<T>(equals, getHashCode);
        }

        public abstract bool Equals(T x, T y);
        public abstract int GetHashCode(T obj);

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null) return 0;
            if (obj is T value) return GetHashCode(value);
            throw ComparerErrors.IncompatibleArgument();
        }

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            if (x is T a && y is T b) return Equals(a, b);
            throw ComparerErrors.IncompatibleArgument();
        }
    }

    /// <summary>For T implementing IEquatable&lt;T&gt; (ilc and Create only pick it then, so the interface is there).</summary>
    public sealed class GenericEqualityComparer<T> : EqualityComparer<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public override bool Equals(T x, T y)
        {
            if (default(T) != null) return ((IEquatable<T>)x).Equals(y);
            if (x == null) return y == null;
            return y != null && Unsafe.As<IEquatable<T>>(x).Equals(y);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is GenericEqualityComparer<T>;
        public override int GetHashCode() => 0x3c7e5d21;
    }

    /// <summary>For T without IEquatable&lt;T&gt;: Equals(object), boxing value types as .NET does.</summary>
    public sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x == null) return y == null;
            return y != null && x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is ObjectEqualityComparer<T>;
        public override int GetHashCode() => 0x1b873593;
    }

    public sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue) return y.HasValue && EqualityComparer<T>.Default.Equals(x.value, y.value);
            return !y.HasValue;
        }

        public override int GetHashCode(T? obj) => obj.GetHashCode();
        public override bool Equals(object obj) => obj is NullableEqualityComparer<T>;
        public override int GetHashCode() => 0x2f1a0b3d;
    }

    /// <summary>Compares enums by their underlying integer without boxing.</summary>
    public sealed class EnumEqualityComparer<T> : EqualityComparer<T> where T : struct, Enum
    {
        public override bool Equals(T x, T y) => EnumValues.Equal(x, y);
        public override int GetHashCode(T obj) => EnumValues.HashCode(obj);
        public override bool Equals(object obj) => obj is EnumEqualityComparer<T>;
        public override int GetHashCode() => 0x5bd1e995;
    }

    /// <summary>Ordinal string equality (ilc names this type for EqualityComparer&lt;string&gt;).</summary>
    public sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) => string.Equals(x, y);
        public override int GetHashCode(string obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is StringEqualityComparer;
        public override int GetHashCode() => 0x68e31da4;
    }

    internal sealed class DelegateEqualityComparer<T> : EqualityComparer<T>
    {
        private readonly Func<T, T, bool> _equals;
        private readonly Func<T, int> _getHashCode;

        public DelegateEqualityComparer(Func<T, T, bool> equals, Func<T, int> getHashCode)
        {
            _equals = equals;
            _getHashCode = getHashCode;
        }

        public override bool Equals(T x, T y) => _equals(x, y);

        public override int GetHashCode(T obj)
        {
            if (_getHashCode == null) throw new NotSupportedException();
            return _getHashCode(obj);
        }
    }

    internal static class ComparerErrors
    {
        public static ArgumentException IncompatibleArgument() => new ArgumentException("Type of argument is not compatible with the generic comparer.");
    }
}
