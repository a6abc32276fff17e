namespace Dune.UserMode
{
    /// <summary>
    /// A script's <c>#!</c> line as Linux's binfmt_script reads it: within the first 256 bytes, after <c>#!</c> and
    /// blanks, the interpreter runs to the next blank or newline, and the rest of the line (blanks trimmed at
    /// both ends) is one optional argument. Pure.
    /// </summary>
    public static class Shebang
    {
        /// <summary>How much of the file Linux looks at (BINPRM_BUF_SIZE).</summary>
        public const int LineLimit = 256;

        /// <summary>Whether the file starts with <c>#!</c>.</summary>
        public static bool Is(byte[] file) => file != null && file.Length >= 2 && file[0] == '#' && file[1] == '!';

        /// <summary>
        /// The interpreter and its argument (null when there is none); false (ENOEXEC) when the line names no
        /// interpreter or the interpreter's name does not end within <see cref="LineLimit"/> bytes.
        /// </summary>
        public static bool TryParse(byte[] file, out string interpreter, out string argument)
        {
            interpreter = argument = null;
            if (!Is(file)) return false;
            int limit = file.Length < LineLimit ? file.Length : LineLimit;
            int end = 2;
            while (end < limit && file[end] != '\n') end++;
            bool lineEnded = end < limit || file.Length <= LineLimit;
            int at = 2;
            while (at < end && IsBlank(file[at])) at++;
            int nameStart = at;
            while (at < end && !IsBlank(file[at])) at++;
            if (at == nameStart || (at == end && !lineEnded)) return false;
            interpreter = Text(file, nameStart, at);
            while (at < end && IsBlank(file[at])) at++;
            int last = end;
            while (last > at && IsBlank(file[last - 1])) last--;
            if (last > at) argument = Text(file, at, last);
            return true;
        }

        private static bool IsBlank(byte b) => b == ' ' || b == '\t';

        private static string Text(byte[] file, int from, int to)
        {
            char[] chars = new char[to - from];
            for (int i = from; i < to; i++) chars[i - from] = (char)file[i];
            return new string(chars, 0, chars.Length);
        }
    }
}
