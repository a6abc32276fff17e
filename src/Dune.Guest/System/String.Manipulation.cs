using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value.Length; i++) if (!char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (startIndex > Length) TextThrow.OutOfRange("startIndex cannot be larger than length of string.", "startIndex");
            if (length < 0) TextThrow.Negative("length", length);
            if (startIndex > Length - length) TextThrow.OutOfRange("Index and length must refer to a location within the string.", "length");
            if (length == Length) return this;
            return FromSpan(((ReadOnlySpan<char>)this).Slice(startIndex, length));
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null) TextThrow.Null("value");
            if ((uint)startIndex > (uint)Length) TextThrow.Greater("startIndex", (uint)startIndex, Length);
            if (value.Length == 0) return this;
            string s = FastAllocate(Length + value.Length);
            CharCopy.Move(ref s._firstChar, ((ReadOnlySpan<char>)this).Slice(0, startIndex));
            CharCopy.Move(ref Unsafe.Add(ref s._firstChar, startIndex), value);
            CharCopy.Move(ref Unsafe.Add(ref s._firstChar, startIndex + value.Length), ((ReadOnlySpan<char>)this).Slice(startIndex));
            return s;
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0) TextThrow.OutOfRange("StartIndex cannot be less than zero.", "startIndex");
            if (startIndex > Length) TextThrow.OutOfRange("startIndex cannot be larger than length of string.", "startIndex");
            return Substring(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (count < 0) TextThrow.Negative("count", count);
            if (count > Length - startIndex) TextThrow.Greater("count", count, Length - startIndex);
            if (count == 0) return this;
            string s = FastAllocate(Length - count);
            CharCopy.Move(ref s._firstChar, ((ReadOnlySpan<char>)this).Slice(0, startIndex));
            CharCopy.Move(ref Unsafe.Add(ref s._firstChar, startIndex), ((ReadOnlySpan<char>)this).Slice(startIndex + count));
            return s;
        }

        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) TextThrow.Negative("totalWidth", totalWidth);
            int pad = totalWidth - Length;
            if (pad <= 0) return this;
            string s = FastAllocate(totalWidth);
            new Span<char>(ref s._firstChar, pad).Fill(paddingChar);
            CharCopy.Move(ref Unsafe.Add(ref s._firstChar, pad), this);
            return s;
        }

        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) TextThrow.Negative("totalWidth", totalWidth);
            int pad = totalWidth - Length;
            if (pad <= 0) return this;
            string s = FastAllocate(totalWidth);
            CharCopy.Move(ref s._firstChar, this);
            new Span<char>(ref Unsafe.Add(ref s._firstChar, Length), pad).Fill(paddingChar);
            return s;
        }

        public char[] ToCharArray() => ((ReadOnlySpan<char>)this).ToArray();

        public char[] ToCharArray(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length) TextThrow.Greater("startIndex", (uint)startIndex, Length);
            if (startIndex > Length - length) TextThrow.Greater("startIndex", startIndex, Length - length);
            if (length < 0) TextThrow.Negative("length", length);
            return ((ReadOnlySpan<char>)this).Slice(startIndex, length).ToArray();
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) TextThrow.Null("destination");
            if (count < 0) TextThrow.Negative("count", count);
            if (sourceIndex < 0) TextThrow.Negative("sourceIndex", sourceIndex);
            if (destinationIndex < 0) TextThrow.Negative("destinationIndex", destinationIndex);
            if (sourceIndex > Length - count) TextThrow.Greater("sourceIndex", sourceIndex, Length - count);
            if (destinationIndex > destination.Length - count) TextThrow.Greater("destinationIndex", destinationIndex, destination.Length - count);
            ((ReadOnlySpan<char>)this).Slice(sourceIndex, count).CopyTo(new Span<char>(destination).Slice(destinationIndex));
        }

        public void CopyTo(Span<char> destination)
        {
            if (Length > destination.Length) TextThrow.Argument("Destination is too short.", "destination");
            CharCopy.Move(ref destination.GetPinnableReference(), this);
        }

        public bool TryCopyTo(Span<char> destination)
        {
            if (Length > destination.Length) return false;
            CharCopy.Move(ref destination.GetPinnableReference(), this);
            return true;
        }

        public string Trim() => TrimWhiteSpace(true, true);
        public string TrimStart() => TrimWhiteSpace(true, false);
        public string TrimEnd() => TrimWhiteSpace(false, true);

        public string Trim(char trimChar) => TrimChars(new ReadOnlySpan<char>(ref trimChar, 1), true, true);
        public string TrimStart(char trimChar) => TrimChars(new ReadOnlySpan<char>(ref trimChar, 1), true, false);
        public string TrimEnd(char trimChar) => TrimChars(new ReadOnlySpan<char>(ref trimChar, 1), false, true);

        // An empty or null set of characters trims white space, as in .NET.
        public string Trim(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? Trim() : TrimChars(trimChars, true, true);
        public string TrimStart(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? TrimStart() : TrimChars(trimChars, true, false);
        public string TrimEnd(params char[] trimChars) => trimChars == null || trimChars.Length == 0 ? TrimEnd() : TrimChars(trimChars, false, true);

        private string TrimWhiteSpace(bool start, bool end)
        {
            int first = 0, last = Length - 1;
            if (start) while (first <= last && char.IsWhiteSpace(this[first])) first++;
            if (end) while (last >= first && char.IsWhiteSpace(this[last])) last--;
            return Substring(first, last - first + 1);
        }

        private string TrimChars(ReadOnlySpan<char> chars, bool start, bool end)
        {
            int first = 0, last = Length - 1;
            if (start) while (first <= last && StringSearch.IndexOf(chars, this[first]) >= 0) first++;
            if (end) while (last >= first && StringSearch.IndexOf(chars, this[last]) >= 0) last--;
            return Substring(first, last - first + 1);
        }

        public string ToUpperInvariant() => UnicodeCase.Map(this, upper: true);
        public string ToLowerInvariant() => UnicodeCase.Map(this, upper: false);

        // The only culture is the invariant one.
        public string ToUpper() => ToUpperInvariant();
        public string ToLower() => ToLowerInvariant();
    }
}
