using System.Collections;
using System.Collections.Generic;

namespace System
{
    // A string is a sequence of its UTF-16 code units (foreach and LINQ over strings).
    public sealed partial class String : IEnumerable<char>
    {
        public CharEnumerator GetEnumerator() => new CharEnumerator(this);
        IEnumerator<char> IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new CharEnumerator(this);
    }

    public sealed class CharEnumerator : IEnumerator<char>
    {
        private readonly string _s;
        private int _index = -1;

        internal CharEnumerator(string s) { _s = s; }

        public bool MoveNext() => ++_index < _s.Length;

        public char Current
        {
            get
            {
                if ((uint)_index >= (uint)_s.Length)
                    throw new InvalidOperationException(_index < 0 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                return _s[_index];
            }
        }

        object IEnumerator.Current => Current;
        public void Reset() => _index = -1;
        public void Dispose() { }
    }
}
