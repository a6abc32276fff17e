using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Ordinal equality and ordering. CompareTo is culture-sensitive in .NET, but in invariant globalization mode
    /// (the only mode here) it is ordinal: the difference of the first differing chars, else of the lengths.
    /// </summary>
    public sealed partial class String : IComparable, IComparable<string>, IEquatable<string>
    {
        public bool Equals(string value) => Equals(this, value);

        public int CompareTo(string strB) => OrdinalCompare(this, strB);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not string other) throw PrimitiveComparison.WrongType("String");
            return OrdinalCompare(this, other);
        }

        /// <summary>Null sorts before every string.</summary>
        internal static int OrdinalCompare(string a, string b)
        {
            if ((object)a == b) return 0;
            if (a is null) return -1;
            if (b is null) return 1;
            int n = a._stringLength < b._stringLength ? a._stringLength : b._stringLength;
            ref char ca = ref a._firstChar, cb = ref b._firstChar;
            for (int i = 0; i < n; i++)
            {
                int d = Unsafe.Add(ref ca, i) - Unsafe.Add(ref cb, i);
                if (d != 0) return d;
            }
            return a._stringLength - b._stringLength;
        }
    }
}
