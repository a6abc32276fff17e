namespace System
{
    // Primitive types: ilc knows their layout; the single field makes C# treat them as the primitive itself.
    public partial struct Void { }
    public partial struct Boolean { private bool m_value; public override string ToString() => m_value ? "True" : "False"; }
    public partial struct Char { private char m_value; public override string ToString() => string.FromChar(m_value); }
    public partial struct SByte { private sbyte m_value; }
    public partial struct Byte { private byte m_value; }
    public partial struct Int16 { private short m_value; }
    public partial struct UInt16 { private ushort m_value; }
    public partial struct Int32
    {
        private int m_value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
    }
    public partial struct UInt32
    {
        private uint m_value;
        public const uint MaxValue = 0xffffffff;
    }
    public partial struct Int64
    {
        private long m_value;
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        internal static long MultiplyChecked(long a, long b) { checked { return a * b; } }
    }
    public partial struct UInt64
    {
        private ulong m_value;
        public const ulong MaxValue = 0xffffffffffffffff;
        internal static ulong MultiplyChecked(ulong a, ulong b) { checked { return a * b; } }
    }
    public unsafe partial struct IntPtr
    {
        private void* m_value;
        public static readonly nint Zero;
    }
    public unsafe partial struct UIntPtr
    {
        private void* m_value;
    }
    public partial struct Single { private float m_value; }
    public partial struct Double { private double m_value; }
}
