namespace System.Collections.Generic
{
    /// <summary>
    /// A min-priority queue on .NET's quaternary heap, step for step: elements of equal priority leave in the
    /// order that heap gives, which is not insertion order.
    /// </summary>
    public class PriorityQueue<TElement, TPriority>
    {
        private struct Node
        {
            public TElement Element;
            public TPriority Priority;
            public Node(TElement element, TPriority priority) { Element = element; Priority = priority; }
        }

        private const int Log2Arity = 2;
        private const int Arity = 4;
        private const int MinimumGrow = 4;

        private Node[] _nodes;
        private int _size;
        /// <summary>Null for value-type priorities with the default comparer: those calls are devirtualized.</summary>
        private readonly IComparer<TPriority> _comparer;

        public PriorityQueue() : this(0, null) { }
        public PriorityQueue(int initialCapacity) : this(initialCapacity, null) { }
        public PriorityQueue(IComparer<TPriority> comparer) : this(0, comparer) { }

        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer)
        {
            if (initialCapacity < 0) throw CollectionErrors.Negative("initialCapacity", initialCapacity);
            _nodes = initialCapacity == 0 ? Array.Empty<Node>() : new Node[initialCapacity];
            if (default(TPriority) == null || (comparer != null && comparer != Comparer<TPriority>.Default))
                _comparer = comparer ?? Comparer<TPriority>.Default;
        }

        /// <summary>The pairs in the given order, then heapified in one pass.</summary>
        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items) : this(items, null) { }

        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items, IComparer<TPriority> comparer) : this(0, comparer)
        {
            if (items == null) throw CollectionErrors.Null("items");
            EnqueueRange(items);
        }

        public int Count => _size;
        public IComparer<TPriority> Comparer => _comparer ?? Comparer<TPriority>.Default;

        public void Enqueue(TElement element, TPriority priority)
        {
            int size = _size;
            if (_nodes.Length == size) Grow(size + 1);
            _size = size + 1;
            MoveUp(new Node(element, priority), size);
        }

        public TElement Peek()
        {
            if (_size == 0) throw EmptyQueue();
            return _nodes[0].Element;
        }

        public TElement Dequeue()
        {
            if (_size == 0) throw EmptyQueue();
            TElement element = _nodes[0].Element;
            RemoveRootNode();
            return element;
        }

        public bool TryDequeue(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                RemoveRootNode();
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public bool TryPeek(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        /// <summary>Enqueue then Dequeue in one step: returns the new element itself if it would come out first.</summary>
        public TElement EnqueueDequeue(TElement element, TPriority priority)
        {
            if (_size != 0)
            {
                Node root = _nodes[0];
                if (Compare(priority, root.Priority) > 0)
                {
                    MoveDown(new Node(element, priority), 0);
                    return root.Element;
                }
            }
            return element;
        }

        /// <summary>Dequeue then Enqueue in one step.</summary>
        public TElement DequeueEnqueue(TElement element, TPriority priority)
        {
            if (_size == 0) throw EmptyQueue();
            Node root = _nodes[0];
            if (Compare(priority, root.Priority) > 0) MoveDown(new Node(element, priority), 0);
            else _nodes[0] = new Node(element, priority);
            return root.Element;
        }

        /// <summary>Adds elements with one priority; into an empty queue they are heapified in one pass.</summary>
        public void EnqueueRange(IEnumerable<TElement> elements, TPriority priority)
        {
            if (elements == null) throw CollectionErrors.Null("elements");
            if (elements is ICollection<TElement> collection && collection.Count > _nodes.Length - _size) Grow(checked(_size + collection.Count));
            if (_size != 0)
            {
                foreach (TElement element in elements) Enqueue(element, priority);
                return;
            }
            int i = 0;
            foreach (TElement element in elements)
            {
                if (_nodes.Length == i) Grow(i + 1);
                _nodes[i++] = new Node(element, priority);
            }
            _size = i;
            if (i > 1) Heapify();
        }

        public void EnqueueRange(IEnumerable<(TElement Element, TPriority Priority)> items)
        {
            if (items == null) throw CollectionErrors.Null("items");
            if (items is ICollection<(TElement, TPriority)> collection && collection.Count > _nodes.Length - _size) Grow(checked(_size + collection.Count));
            if (_size != 0)
            {
                foreach ((TElement element, TPriority priority) in items) Enqueue(element, priority);
                return;
            }
            int i = 0;
            foreach ((TElement element, TPriority priority) in items)
            {
                if (_nodes.Length == i) Grow(i + 1);
                _nodes[i++] = new Node(element, priority);
            }
            _size = i;
            if (i > 1) Heapify();
        }

        public void Clear()
        {
            Array.Clear(_nodes, 0, _size);
            _size = 0;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw CollectionErrors.Negative("capacity", capacity);
            if (_nodes.Length < capacity) Grow(capacity);
            return _nodes.Length;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_nodes.Length * 0.9)) Array.Resize(ref _nodes, _size);
        }

        private void Grow(int minCapacity)
        {
            int newCapacity = 2 * _nodes.Length;
            if ((uint)newCapacity > ArrayLimits.MaxLength) newCapacity = ArrayLimits.MaxLength;
            if (newCapacity < _nodes.Length + MinimumGrow) newCapacity = _nodes.Length + MinimumGrow;
            if (newCapacity < minCapacity) newCapacity = minCapacity;
            Array.Resize(ref _nodes, newCapacity);
        }

        private void RemoveRootNode()
        {
            int last = --_size;
            if (last > 0) MoveDown(_nodes[last], 0);
            _nodes[last] = default;
        }

        private void Heapify()
        {
            for (int i = (_size - 1 - 1) >> Log2Arity; i >= 0; i--) MoveDown(_nodes[i], i);
        }

        private int Compare(TPriority a, TPriority b) => _comparer == null ? Comparer<TPriority>.Default.Compare(a, b) : _comparer.Compare(a, b);

        private void MoveUp(Node node, int index)
        {
            Node[] nodes = _nodes;
            while (index > 0)
            {
                int parent = (index - 1) >> Log2Arity;
                if (Compare(node.Priority, nodes[parent].Priority) >= 0) break;
                nodes[index] = nodes[parent];
                index = parent;
            }
            nodes[index] = node;
        }

        private void MoveDown(Node node, int index)
        {
            Node[] nodes = _nodes;
            int size = _size;
            int i;
            while ((i = (index << Log2Arity) + 1) < size)
            {
                int minChild = i;
                int end = i + Arity < size ? i + Arity : size;
                while (++i < end)
                    if (Compare(nodes[i].Priority, nodes[minChild].Priority) < 0) minChild = i;
                if (Compare(node.Priority, nodes[minChild].Priority) <= 0) break;
                nodes[index] = nodes[minChild];
                index = minChild;
            }
            nodes[index] = node;
        }

        private static Exception EmptyQueue() => new InvalidOperationException("Queue empty.");
    }
}
