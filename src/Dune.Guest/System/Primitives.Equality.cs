namespace System
{
    // Equality, hashing and ordering of the primitives, with .NET's results: small types compare by
    // difference, wider ones give -1/0/1; hash codes are the ones .NET computes (they are not randomized).

    public partial struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>
    {
        public override bool Equals(object obj) => obj is sbyte other && m_value == other;
        public bool Equals(sbyte obj) => m_value == obj;
        public override int GetHashCode() => m_value;
        public int CompareTo(sbyte value) => m_value - value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not sbyte other) throw PrimitiveComparison.WrongType("SByte");
            return CompareTo(other);
        }
    }

    public partial struct Byte : IComparable, IComparable<byte>, IEquatable<byte>
    {
        public override bool Equals(object obj) => obj is byte other && m_value == other;
        public bool Equals(byte obj) => m_value == obj;
        public override int GetHashCode() => m_value;
        public int CompareTo(byte value) => m_value - value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not byte other) throw PrimitiveComparison.WrongType("Byte");
            return CompareTo(other);
        }
    }

    public partial struct Int16 : IComparable, IComparable<short>, IEquatable<short>
    {
        public override bool Equals(object obj) => obj is short other && m_value == other;
        public bool Equals(short obj) => m_value == obj;
        public override int GetHashCode() => m_value;
        public int CompareTo(short value) => m_value - value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not short other) throw PrimitiveComparison.WrongType("Int16");
            return CompareTo(other);
        }
    }

    public partial struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>
    {
        public override bool Equals(object obj) => obj is ushort other && m_value == other;
        public bool Equals(ushort obj) => m_value == obj;
        public override int GetHashCode() => m_value;
        public int CompareTo(ushort value) => m_value - value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not ushort other) throw PrimitiveComparison.WrongType("UInt16");
            return CompareTo(other);
        }
    }

    public partial struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        public override bool Equals(object obj) => obj is char other && m_value == other;
        public bool Equals(char obj) => m_value == obj;
        public override int GetHashCode() => (int)m_value | ((int)m_value << 16);
        public int CompareTo(char value) => m_value - value;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not char other) throw PrimitiveComparison.WrongType("Char");
            return CompareTo(other);
        }
    }

    public partial struct Int32 : IComparable, IComparable<int>, IEquatable<int>
    {
        public override bool Equals(object obj) => obj is int other && m_value == other;
        public bool Equals(int obj) => m_value == obj;
        public override int GetHashCode() => m_value;
        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not int other) throw PrimitiveComparison.WrongType("Int32");
            return CompareTo(other);
        }
    }

    public partial struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>
    {
        public override bool Equals(object obj) => obj is uint other && m_value == other;
        public bool Equals(uint obj) => m_value == obj;
        public override int GetHashCode() => (int)m_value;
        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not uint other) throw PrimitiveComparison.WrongType("UInt32");
            return CompareTo(other);
        }
    }

    public partial struct Int64 : IComparable, IComparable<long>, IEquatable<long>
    {
        public override bool Equals(object obj) => obj is long other && m_value == other;
        public bool Equals(long obj) => m_value == obj;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not long other) throw PrimitiveComparison.WrongType("Int64");
            return CompareTo(other);
        }
    }

    public partial struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>
    {
        public override bool Equals(object obj) => obj is ulong other && m_value == other;
        public bool Equals(ulong obj) => m_value == obj;
        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not ulong other) throw PrimitiveComparison.WrongType("UInt64");
            return CompareTo(other);
        }
    }

    public unsafe partial struct IntPtr : IComparable, IComparable<nint>, IEquatable<nint>
    {
        public override bool Equals(object obj) => obj is nint other && (nint)m_value == other;
        public bool Equals(nint obj) => (nint)m_value == obj;
        public override int GetHashCode() => ((long)m_value).GetHashCode();
        public int CompareTo(nint value) => (nint)m_value < value ? -1 : (nint)m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not nint other) throw PrimitiveComparison.WrongType("IntPtr");
            return CompareTo(other);
        }
    }

    public unsafe partial struct UIntPtr : IComparable, IComparable<nuint>, IEquatable<nuint>
    {
        public override bool Equals(object obj) => obj is nuint other && (nuint)m_value == other;
        public bool Equals(nuint obj) => (nuint)m_value == obj;
        public override int GetHashCode() => ((ulong)m_value).GetHashCode();
        public int CompareTo(nuint value) => (nuint)m_value < value ? -1 : (nuint)m_value > value ? 1 : 0;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not nuint other) throw PrimitiveComparison.WrongType("UIntPtr");
            return CompareTo(other);
        }
    }

    public partial struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        public override bool Equals(object obj) => obj is bool other && m_value == other;
        public bool Equals(bool obj) => m_value == obj;
        public override int GetHashCode() => m_value ? 1 : 0;
        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (obj is not bool other) throw PrimitiveComparison.WrongType("Boolean");
            return CompareTo(other);
        }
    }

    /// <summary>NaN equals NaN and sorts first; -0.0 equals 0.0 and both hash like 0.0 (so do all NaNs).</summary>
    public partial struct Double : IComparable, IComparable<double>, IEquatable<double>
    {
        public override bool Equals(object obj) => obj is double other && Equals(other);
        public bool Equals(double obj) => m_value == obj || (IsNaN(obj) && IsNaN(m_value));
        public override unsafe int GetHashCode()
        {
            double v = m_value;
            long bits = *(long*)&v;
            // Zeros and NaNs: keep only the exponent, so every NaN hashes alike and -0.0 like 0.0.
            if (((bits - 1) & 0x7FFFFFFFFFFFFFFF) >= 0x7FF0000000000000) bits &= 0x7FF0000000000000;
            return (int)bits ^ (int)(bits >> 32);
        }
        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not double other) throw PrimitiveComparison.WrongType("Double");
            return CompareTo(other);
        }
    }

    public partial struct Single : IComparable, IComparable<float>, IEquatable<float>
    {
        public override bool Equals(object obj) => obj is float other && Equals(other);
        public bool Equals(float obj) => m_value == obj || (IsNaN(obj) && IsNaN(m_value));
        public override unsafe int GetHashCode()
        {
            float v = m_value;
            int bits = *(int*)&v;
            if (((bits - 1) & 0x7FFFFFFF) >= 0x7F800000) bits &= 0x7F800000;
            return bits;
        }
        public int CompareTo(float value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not float other) throw PrimitiveComparison.WrongType("Single");
            return CompareTo(other);
        }
    }

    internal static class PrimitiveComparison
    {
        public static ArgumentException WrongType(string typeName) => new ArgumentException("Object must be of type " + typeName + ".");
    }
}
