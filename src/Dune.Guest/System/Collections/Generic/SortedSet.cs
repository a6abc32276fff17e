namespace System.Collections.Generic
{
    /// <summary>
    /// A set kept in order by an AVL tree (O(log n) add, remove and lookup). Only the order of the elements is
    /// observable, and it is the comparer's, as with .NET's red-black tree. Every Add and Remove invalidates
    /// enumerators, even when nothing changes (as in .NET).
    /// </summary>
    public class SortedSet<T> : ISet<T>, IReadOnlySet<T>
    {
        internal sealed class Node
        {
            public T Item;
            public Node Left;
            public Node Right;
            public int Height = 1;
            public Node(T item) { Item = item; }
        }

        private Node _root;
        private int _count;
        private int _version;
        private readonly IComparer<T> _comparer;

        public SortedSet() : this((IComparer<T>)null) { }

        public SortedSet(IComparer<T> comparer) { _comparer = comparer ?? Comparer<T>.Default; }

        public SortedSet(IEnumerable<T> collection) : this(collection, null) { }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw CollectionErrors.Null("collection");
            foreach (T item in collection) Add(item);
        }

        public IComparer<T> Comparer => _comparer;
        public int Count => _count;
        bool ICollection<T>.IsReadOnly => false;

        /// <summary>The smallest element, or default(T) when empty.</summary>
        public T Min
        {
            get
            {
                Node node = _root;
                if (node == null) return default;
                while (node.Left != null) node = node.Left;
                return node.Item;
            }
        }

        /// <summary>The largest element, or default(T) when empty.</summary>
        public T Max
        {
            get
            {
                Node node = _root;
                if (node == null) return default;
                while (node.Right != null) node = node.Right;
                return node.Item;
            }
        }

        public bool Add(T item)
        {
            _version++;
            bool added = false;
            _root = Insert(_root, item, ref added);
            if (added) _count++;
            return added;
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Remove(T item)
        {
            if (_root == null) return false;
            _version++;
            bool removed = false;
            _root = Delete(_root, item, ref removed);
            if (removed) _count--;
            return removed;
        }

        public bool Contains(T item) => FindNode(item) != null;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            Node node = FindNode(equalValue);
            actualValue = node == null ? default : node.Item;
            return node != null;
        }

        public void Clear()
        {
            _root = null;
            _count = 0;
            _version++;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw CollectionErrors.Null("match");
            var matches = new List<T>();
            foreach (T item in this)
                if (match(item)) matches.Add(item);
            int removed = 0;
            for (int i = matches.Count - 1; i >= 0; i--)
                if (Remove(matches[i])) removed++;
            return removed;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);
        public void CopyTo(T[] array, int index) => CopyTo(array, index, Count);

        public void CopyTo(T[] array, int index, int count)
        {
            if (array == null) throw CollectionErrors.Null("array");
            if (index < 0) throw CollectionErrors.NeedNonNegative("index");
            if (count < 0) throw CollectionErrors.NeedNonNegative("count");
            if (count > array.Length - index) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            foreach (T item in this)
            {
                if (count-- == 0) break;
                array[index++] = item;
            }
        }

        public IEnumerable<T> Reverse()
        {
            var e = new Enumerator(this, reverse: true);
            while (e.MoveNext()) yield return e.Current;
        }

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            foreach (T item in other) Add(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0 || other == this) return;
            SortedSet<T> others = AsSameOrderSet(other);
            var keep = new List<T>();
            foreach (T item in this)
                if (others.Contains(item)) keep.Add(item);
            Clear();
            foreach (T item in keep) Add(item);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in AsSameOrderSet(other))
                if (!Remove(item)) Add(item);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return true;
            return AsSameOrderSet(other).ContainsAll(this);
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            SortedSet<T> others = AsSameOrderSet(other);
            return others.Count > Count && others.ContainsAll(this);
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            return ContainsAll(other);
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return false;
            SortedSet<T> others = AsSameOrderSet(other);
            return others.Count < Count && ContainsAll(others);
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            if (Count == 0) return false;
            foreach (T item in other)
                if (Contains(item)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw CollectionErrors.Null("other");
            SortedSet<T> others = AsSameOrderSet(other);
            return others.Count == Count && ContainsAll(others);
        }

        private bool ContainsAll(IEnumerable<T> items)
        {
            foreach (T item in items)
                if (!Contains(item)) return false;
            return true;
        }

        /// <summary>Other's distinct elements under this set's comparer.</summary>
        private SortedSet<T> AsSameOrderSet(IEnumerable<T> other)
        {
            if (other is SortedSet<T> set && set._comparer.Equals(_comparer)) return set;
            return new SortedSet<T>(other, _comparer);
        }

        /// <summary>Invalidates enumerators after an element was replaced in place (SortedDictionary's indexer).</summary>
        internal void Touch() => _version++;

        internal Node FindNode(T item)
        {
            Node node = _root;
            while (node != null)
            {
                int order = _comparer.Compare(item, node.Item);
                if (order == 0) return node;
                node = order < 0 ? node.Left : node.Right;
            }
            return null;
        }

        private static int HeightOf(Node node) => node == null ? 0 : node.Height;

        private static void Update(Node node)
        {
            int left = HeightOf(node.Left), right = HeightOf(node.Right);
            node.Height = (left > right ? left : right) + 1;
        }

        private static Node RotateRight(Node node)
        {
            Node pivot = node.Left;
            node.Left = pivot.Right;
            pivot.Right = node;
            Update(node);
            Update(pivot);
            return pivot;
        }

        private static Node RotateLeft(Node node)
        {
            Node pivot = node.Right;
            node.Right = pivot.Left;
            pivot.Left = node;
            Update(node);
            Update(pivot);
            return pivot;
        }

        /// <summary>Restores the AVL balance (subtree heights differ by at most one) at one node.</summary>
        private static Node Balance(Node node)
        {
            Update(node);
            int balance = HeightOf(node.Left) - HeightOf(node.Right);
            if (balance > 1)
            {
                if (HeightOf(node.Left.Left) < HeightOf(node.Left.Right)) node.Left = RotateLeft(node.Left);
                return RotateRight(node);
            }
            if (balance < -1)
            {
                if (HeightOf(node.Right.Right) < HeightOf(node.Right.Left)) node.Right = RotateRight(node.Right);
                return RotateLeft(node);
            }
            return node;
        }

        private Node Insert(Node node, T item, ref bool added)
        {
            if (node == null)
            {
                added = true;
                return new Node(item);
            }
            int order = _comparer.Compare(item, node.Item);
            if (order == 0) return node;
            if (order < 0) node.Left = Insert(node.Left, item, ref added);
            else node.Right = Insert(node.Right, item, ref added);
            return added ? Balance(node) : node;
        }

        private Node Delete(Node node, T item, ref bool removed)
        {
            if (node == null) return null;
            int order = _comparer.Compare(item, node.Item);
            if (order < 0)
            {
                node.Left = Delete(node.Left, item, ref removed);
            }
            else if (order > 0)
            {
                node.Right = Delete(node.Right, item, ref removed);
            }
            else
            {
                removed = true;
                if (node.Left == null) return node.Right;
                if (node.Right == null) return node.Left;
                Node successor = node.Right;
                while (successor.Left != null) successor = successor.Left;
                node.Item = successor.Item;
                bool unused = false;
                node.Right = Delete(node.Right, successor.Item, ref unused);
            }
            return removed ? Balance(node) : node;
        }

        public Enumerator GetEnumerator() => new Enumerator(this, reverse: false);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this, reverse: false);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this, reverse: false);

        /// <summary>In-order walk with an explicit stack of the nodes still to visit.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly SortedSet<T> _set;
            private readonly int _version;
            private readonly bool _reverse;
            private Node[] _stack;
            private int _depth;
            private Node _current;

            internal Enumerator(SortedSet<T> set, bool reverse)
            {
                _set = set;
                _version = set._version;
                _reverse = reverse;
                _stack = new Node[HeightOf(set._root) + 1];
                _depth = 0;
                _current = null;
                PushEdge(set._root);
            }

            private void PushEdge(Node node)
            {
                for (; node != null; node = _reverse ? node.Right : node.Left) _stack[_depth++] = node;
            }

            public bool MoveNext()
            {
                if (_version != _set._version) throw SystemCollectionsErrors.VersionChanged();
                if (_depth == 0)
                {
                    _current = null;
                    return false;
                }
                _current = _stack[--_depth];
                PushEdge(_reverse ? _current.Left : _current.Right);
                return true;
            }

            public T Current => _current == null ? default : _current.Item;

            object IEnumerator.Current
            {
                get
                {
                    if (_current == null) throw CollectionErrors.EnumerationNotRunning();
                    return _current.Item;
                }
            }

            public void Reset()
            {
                if (_version != _set._version) throw SystemCollectionsErrors.VersionChanged();
                _depth = 0;
                _current = null;
                PushEdge(_set._root);
            }

            public void Dispose() { }
        }
    }
}
