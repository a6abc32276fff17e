using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        public string Replace(char oldChar, char newChar)
        {
            int first = StringSearch.IndexOf(this, oldChar);
            if (first < 0) return this;
            string s = FastAllocate(_stringLength);
            CharCopy.Move(ref s._firstChar, ref _firstChar, _stringLength);
            ref char p = ref s._firstChar;
            for (int i = first; i < _stringLength; i++)
                if (Unsafe.Add(ref p, i) == oldChar) Unsafe.Add(ref p, i) = newChar;
            return s;
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null) TextThrow.Null("oldValue");
            if (oldValue.Length == 0) TextThrow.EmptyString("oldValue");
            newValue ??= Empty;
            ReadOnlySpan<char> text = this;
            int found = StringSearch.IndexOf(text, oldValue);
            if (found < 0) return this;
            var sb = new StringBuilder(_stringLength);
            int at = 0;
            while (found >= 0)
            {
                sb.Append(text.Slice(at, found)).Append(newValue);
                at += found + oldValue.Length;
                found = StringSearch.IndexOf(text.Slice(at), oldValue);
            }
            return sb.Append(text.Slice(at)).ToString();
        }
    }
}
