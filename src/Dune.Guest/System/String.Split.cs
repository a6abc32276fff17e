using System.Collections.Generic;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) =>
            Split(new Separators(new ReadOnlySpan<char>(ref separator, 1)), int.MaxValue, options);

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            Split(new Separators(new ReadOnlySpan<char>(ref separator, 1)), count, options);

        public string[] Split(params char[] separator) => Split(new Separators(separator), int.MaxValue, StringSplitOptions.None);
        public string[] Split(char[] separator, int count) => Split(new Separators(separator), count, StringSplitOptions.None);
        public string[] Split(char[] separator, StringSplitOptions options) => Split(new Separators(separator), int.MaxValue, options);
        public string[] Split(char[] separator, int count, StringSplitOptions options) => Split(new Separators(separator), count, options);

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) => Split(separator, int.MaxValue, options);

        // A null or empty string separator never matches: the whole string is the one entry.
        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None) =>
            Split(string.IsNullOrEmpty(separator) ? Separators.None : new Separators(new[] { separator }), count, options);

        public string[] Split(string[] separator, StringSplitOptions options) => Split(separator, int.MaxValue, options);

        public string[] Split(string[] separator, int count, StringSplitOptions options) => Split(new Separators(separator), count, options);

        /// <summary>
        /// .NET's splitting rules: at most <paramref name="count"/> entries, the last holding the rest of the string;
        /// TrimEntries trims each entry, RemoveEmptyEntries drops the empty ones (they do not count towards the limit).
        /// </summary>
        private string[] Split(Separators separators, int count, StringSplitOptions options)
        {
            if (count < 0) TextThrow.Negative("count", count);
            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
                TextThrow.Argument("Value of flags is invalid.", "options");
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            ReadOnlySpan<char> text = this;

            if (count <= 1 || Length == 0)
            {
                string whole = trim && count > 0 ? Trim() : this;
                if (removeEmpty && whole.Length == 0) count = 0;
                return count == 0 ? new string[0] : new[] { whole };
            }

            var parts = new List<string>();
            int at = 0;
            while (separators.Find(text, at, out int found, out int length))
            {
                ReadOnlySpan<char> part = Entry(text.Slice(at, found - at), trim);
                at = found + length;
                if (part.Length > 0 || !removeEmpty) parts.Add(new string(part));
                if (parts.Count == count - 1)
                {
                    // The rest of the string is the last entry; with RemoveEmptyEntries it starts at the next non-empty piece.
                    while (removeEmpty && separators.Find(text, at, out found, out length) && Entry(text.Slice(at, found - at), trim).Length == 0)
                        at = found + length;
                    break;
                }
            }
            ReadOnlySpan<char> last = Entry(text.Slice(at), trim);
            if (last.Length > 0 || !removeEmpty) parts.Add(new string(last));
            return parts.ToArray();
        }

        private static ReadOnlySpan<char> Entry(ReadOnlySpan<char> part, bool trim)
        {
            if (!trim) return part;
            int first = 0, last = part.Length - 1;
            while (first <= last && char.IsWhiteSpace(part[first])) first++;
            while (last >= first && char.IsWhiteSpace(part[last])) last--;
            return part.Slice(first, last - first + 1);
        }

        /// <summary>What Split splits at: any of some chars, any of some strings (the first listed wins), or white space.</summary>
        private readonly ref struct Separators
        {
            private readonly ReadOnlySpan<char> _chars;
            private readonly string[] _strings;
            private readonly bool _whiteSpace;
            private readonly bool _none;

            public static Separators None => new Separators(true);

            private Separators(bool none) { _chars = default; _strings = null; _whiteSpace = false; _none = none; }

            public Separators(ReadOnlySpan<char> chars)
            {
                _chars = chars;
                _strings = null;
                _whiteSpace = chars.Length == 0;
                _none = false;
            }

            public Separators(string[] strings)
            {
                _chars = default;
                _strings = strings;
                _none = false;
                _whiteSpace = true;
                if (strings != null)
                    foreach (string s in strings)
                        if (!string.IsNullOrEmpty(s)) { _whiteSpace = false; break; }
            }

            public bool Find(ReadOnlySpan<char> text, int from, out int index, out int length)
            {
                length = 1;
                if (!_none)
                {
                    for (int i = from; i < text.Length; i++)
                    {
                        char c = text[i];
                        if (_whiteSpace)
                        {
                            if (char.IsWhiteSpace(c)) { index = i; return true; }
                        }
                        else if (_strings == null)
                        {
                            if (StringSearch.IndexOf(_chars, c) >= 0) { index = i; return true; }
                        }
                        else
                        {
                            foreach (string s in _strings)
                            {
                                if (string.IsNullOrEmpty(s) || s[0] != c || s.Length > text.Length - i) continue;
                                if (StringSearch.SameChars(text.Slice(i, s.Length), s)) { index = i; length = s.Length; return true; }
                            }
                        }
                    }
                }
                index = -1;
                return false;
            }
        }
    }
}
