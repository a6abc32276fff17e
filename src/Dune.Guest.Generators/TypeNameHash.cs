namespace Dune.Guest.Generators
{
    /// <summary>
    /// The name hash ilc 10 writes into MethodTable.HashCode (NativeAOT's type hashing): two interleaved
    /// rotate-add-xor streams over the even and odd characters of "Namespace.Name"; a nested type mixes its
    /// enclosing type's hash with the hash of its own name. Checked against real binaries by the enums-types
    /// differential program (a wrong hash loses the type's name).
    /// </summary>
    public static class TypeNameHash
    {
        private static int RotateLeft(int value, int shift) => (int)(((uint)value << shift) | ((uint)value >> (32 - shift)));

        public static int OfName(string name)
        {
            int even = 0x6DA3B944, odd = 0;
            for (int i = 0; i < name.Length; i += 2)
            {
                even = (even + RotateLeft(even, 5)) ^ name[i];
                if (i + 1 < name.Length) odd = (odd + RotateLeft(odd, 5)) ^ name[i + 1];
            }
            even += RotateLeft(even, 8);
            odd += RotateLeft(odd, 8);
            return even ^ odd;
        }

        public static int OfNested(int enclosingHash, int nameHash) => (enclosingHash + RotateLeft(enclosingHash, 11)) ^ nameHash;
    }
}
