namespace Dune.Runtime.NativeFormat
{
    /// <summary>
    /// Walks every entry of one of ilc's NativeFormat hashtables (GVM tables, exact method instantiations, generic
    /// method templates). Layout seen in ilc 10 output: a header byte (bucket-count shift in bits 2.., size code of
    /// the bucket offsets in bits 0-1: 1, 2 or 4 bytes), then bucket-count + 1 offsets relative to the byte after the
    /// header, each bucket a run of (low hash byte, NativeFormat signed offset relative to that offset's own position).
    /// The runtime's tables are small and lookups are cached, so entries are scanned instead of hashed: the hash
    /// codes ilc uses are of its own type-system objects.
    /// </summary>
    internal unsafe struct NativeHashtable
    {
        private readonly byte* _base;
        private readonly int _indexSize;
        private readonly uint _buckets;
        private uint _bucket;
        private byte* _cursor, _bucketEnd;

        public NativeHashtable(byte* table)
        {
            byte header = table[0];
            _base = table + 1;
            _buckets = 1u << (header >> 2);
            _indexSize = 1 << (header & 3);
            _bucket = 0;
            _cursor = _bucketEnd = null;
        }

        /// <summary>Next entry's address (an absolute pointer into the table blob); false when all are visited.</summary>
        public bool MoveNext(out byte* entry)
        {
            while (_cursor >= _bucketEnd)
            {
                if (_bucket == _buckets) { entry = null; return false; }
                _cursor = _base + BucketOffset(_bucket);
                _bucketEnd = _base + BucketOffset(_bucket + 1);
                _bucket++;
            }
            _cursor++;
            byte* at = _cursor;
            int delta = NativeReader.NativeSigned(ref _cursor);
            entry = at + delta;
            return true;
        }

        private uint BucketOffset(uint index)
        {
            byte* p = _base + index * (uint)_indexSize;
            return _indexSize == 1 ? p[0] : _indexSize == 2 ? (uint)(p[0] | p[1] << 8) : (uint)(p[0] | p[1] << 8 | p[2] << 16 | p[3] << 24);
        }
    }
}
