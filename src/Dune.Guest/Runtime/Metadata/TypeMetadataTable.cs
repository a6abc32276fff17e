namespace Internal.Runtime.Metadata
{
    /// <summary>
    /// Reader of one generated table (format: src/Dune.Guest.Generators/TypeMetadataTable.cs): a sorted index of
    /// (name hash, record offset) pairs, binary-searched, then variable-length records.
    /// </summary>
    internal readonly unsafe struct TypeMetadataTable
    {
        private readonly byte* _data;

        public TypeMetadataTable(byte* data) { _data = data; }

        private uint Count => *(uint*)_data;

        public string AssemblyDisplayName => TableString.Read(_data + *(uint*)(_data + 4), out _);

        public TypeMetadataRecord Find(uint hash)
        {
            uint* index = (uint*)(_data + 8);
            int lo = 0, hi = (int)Count - 1;
            while (lo <= hi)
            {
                int mid = (int)((uint)(lo + hi) >> 1);
                uint key = index[mid * 2];
                if (key == hash) return new TypeMetadataRecord(_data, _data + index[mid * 2 + 1]);
                if (key < hash) lo = mid + 1; else hi = mid - 1;
            }
            return default;
        }
    }

    /// <summary>One type's record: flags, where the namespace ends and the name starts in the full name, the full name, then enum members for enums.</summary>
    internal readonly unsafe struct TypeMetadataRecord
    {
        private const byte EnumFlag = 1, FlagsAttributeFlag = 2;

        private readonly byte* _table;
        private readonly byte* _record;

        public TypeMetadataRecord(byte* table, byte* record) { _table = table; _record = record; }

        public bool Exists => _record != null;
        public bool IsEnum => (*_record & EnumFlag) != 0;
        public bool HasFlagsAttribute => (*_record & FlagsAttributeFlag) != 0;

        private int NamespaceLength => *(ushort*)(_record + 1);
        private int NameStart => *(ushort*)(_record + 3);
        private byte* FullNameString => _record + 5;

        public string Namespace => Slice(0, NamespaceLength);
        public string FullName => TableString.Read(FullNameString, out _);
        public string Name => Slice(NameStart, *(ushort*)FullNameString - NameStart);
        public string AssemblyDisplayName => new TypeMetadataTable(_table).AssemblyDisplayName;

        private string Slice(int start, int length) => length == 0 ? "" : string.FromUtf8(FullNameString + 2 + start, length);

        /// <summary>Enum members sorted by unsigned value; values of signed enums are sign-extended.</summary>
        public void ReadEnumMembers(out ulong[] values, out string[] names)
        {
            byte* p = TableString.Skip(FullNameString);
            int count = *(ushort*)p;
            p += 2;
            values = new ulong[count];
            names = new string[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = *(ulong*)p;
                names[i] = TableString.Read(p + 8, out p);
            }
        }
    }

    /// <summary>Strings in a table: a 16-bit UTF-8 byte length, then the bytes.</summary>
    internal static unsafe class TableString
    {
        public static byte* Skip(byte* p) => p + 2 + *(ushort*)p;

        public static string Read(byte* p, out byte* next)
        {
            int length = *(ushort*)p;
            next = p + 2 + length;
            return length == 0 ? "" : string.FromUtf8(p + 2, length);
        }
    }
}
