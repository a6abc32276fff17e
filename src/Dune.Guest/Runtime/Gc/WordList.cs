using System.Runtime.CompilerServices;
using Dune.Platform;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Growable array of machine words in memory mapped straight from the host. The collector's own
    /// bookkeeping (mark stack, chunk and large-object tables, extra roots) must not live in the heap it manages.
    /// </summary>
    internal unsafe struct WordList
    {
        public nuint* Items;
        public nuint Count;
        private nuint _capacity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(nuint value)
        {
            if (Count == _capacity) Grow();
            Items[Count++] = value;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public nuint Pop() => Items[--Count];

        /// <summary>Inserts at <paramref name="index"/>, shifting the following words up.</summary>
        public void Insert(nuint index, nuint value)
        {
            if (Count == _capacity) Grow();
            Memory.Move(Items + index + 1, Items + index, (Count - index) * (nuint)sizeof(nuint));
            Items[index] = value;
            Count++;
        }

        public void RemoveAt(nuint index)
        {
            Memory.Move(Items + index, Items + index + 1, (Count - index - 1) * (nuint)sizeof(nuint));
            Count--;
        }

        private void Grow()
        {
            nuint capacity = _capacity == 0 ? 512 : _capacity * 2;
            nuint* items = (nuint*)HostMemory.Map(capacity * (nuint)sizeof(nuint));
            if (items == null) HostMemory.FailOutOfMemory();
            if (Items != null)
            {
                Memory.Move(items, Items, Count * (nuint)sizeof(nuint));
                HostMemory.Unmap(Items, _capacity * (nuint)sizeof(nuint));
            }
            Items = items;
            _capacity = capacity;
        }
    }
}
