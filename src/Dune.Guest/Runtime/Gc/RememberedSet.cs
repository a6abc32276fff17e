namespace Internal.Runtime.Gc
{
    /// <summary>
    /// What a minor collection must treat as roots besides the usual ones: old objects that may refer to young
    /// ones. In small-object blocks those are the old objects of dirty cards; large objects get no cards, so every
    /// old one with references counts. Scan them before anything young is marked, while "marked" still means "old".
    /// A card is 1 when a write barrier stored into it, or an object in it became old (<see cref="Block.TryMark"/>),
    /// since the last collection; scanning makes it 2, and the next collection scans it once more and cleans it:
    /// a new object reached through the card survives the first scan and is young until the second.
    /// </summary>
    internal static unsafe class RememberedSet
    {
        public static void ScanDirtyCards(Block* block)
        {
            nuint first = (nuint)block->FirstCell;
            uint lastScanned = uint.MaxValue;
            for (int card = 0; card < Block.CardCount; card++)
            {
                if ((card & 7) == 0 && *(ulong*)(block->Cards + card) == 0)
                {
                    card += 7;
                    continue;
                }
                byte state = block->Cards[card];
                if (state == 0) continue;
                block->Cards[card] = state == 1 ? (byte)2 : (byte)0;
                nuint start = (nuint)block + ((nuint)card << Block.CardShift);
                nuint end = start + ((nuint)1 << Block.CardShift);
                if (end <= first) continue;
                uint from = start < first ? 0 : block->CellIndex(start);
                uint to = block->CellIndex(end - 1);
                if (to >= block->CellCount) to = block->CellCount - 1;
                if (from == lastScanned) from++;
                for (uint index = from; index <= to; index++)
                {
                    if ((block->MarkBits[index >> 6] & (1UL << (int)index)) == 0) continue;
                    nuint obj = (nuint)block->Cell(index) + ObjectHeader.Size;
                    var mt = *(MethodTable**)obj;
                    if (mt->ContainsGCPointers) Marker.ScanFields(obj, mt);
                }
                lastScanned = to;
            }
        }
    }
}
