using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Composite formatting ("{0,-6:F2}"), shared by string.Format and Console.Write: one pass over the format
    /// string; argument text is never re-read. Errors are FormatExceptions with .NET's messages and offsets.
    /// </summary>
    internal static class CompositeFormat
    {
        private const string IndexOutOfRange = "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.";
        private const string UnclosedItem = "Format item ends prematurely.";
        private const string ExpectedDigit = "Expected an ASCII digit.";
        private const string UnexpectedClosingBrace = "Unexpected closing brace without a corresponding opening brace.";
        private const int Limit = 1000000;

        [System.Runtime.CompilerServices.SkipLocalsInit]
        public static string Format(IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            if (format == null) throw new ArgumentNullException("format");
            FormatBuffer sb = new FormatBuffer(stackalloc char[256]);
            AppendFormat(ref sb, provider, format, args);
            return sb.ToString();
        }

        /// <summary>StringBuilder.AppendFormat: the text goes to the builder without a string in between.</summary>
        [System.Runtime.CompilerServices.SkipLocalsInit]
        public static void AppendTo(System.Text.StringBuilder builder, IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            if (format == null) throw new ArgumentNullException("format");
            FormatBuffer sb = new FormatBuffer(stackalloc char[256]);
            AppendFormat(ref sb, provider, format, args);
            builder.Append(sb.Text);
        }

        private static void AppendFormat(ref FormatBuffer sb, IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            int pos = 0, len = format.Length;
            while (true)
            {
                while (pos < len)
                {
                    int literal = pos;
                    while (pos < len && format[pos] != '{' && format[pos] != '}') pos++;
                    if (pos > literal) sb.Append(((ReadOnlySpan<char>)format).Slice(literal, pos - literal));
                    if (pos == len) break;
                    char c = format[pos];
                    pos++;
                    if (pos == len) Fail(pos, UnclosedItem);
                    if (format[pos] == c) { sb.Append(c); pos++; continue; }
                    if (c == '}') Fail(pos, UnexpectedClosingBrace);
                    break;
                }
                if (pos == len) return;

                // pos is just past an opening brace: index [spaces] [, [spaces] [-] width [spaces]] [: format] }
                char ch = format[pos];
                if (!IsDigit(ch)) Fail(pos, ExpectedDigit);
                int index = 0;
                do
                {
                    index = index * 10 + ch - '0';
                    ch = Next(format, ref pos);
                } while (IsDigit(ch) && index < Limit);
                while (ch == ' ') ch = Next(format, ref pos);

                int width = 0;
                bool leftAlign = false;
                if (ch == ',')
                {
                    do { ch = Next(format, ref pos); } while (ch == ' ');
                    if (ch == '-') { leftAlign = true; ch = Next(format, ref pos); }
                    if (!IsDigit(ch)) Fail(pos, ExpectedDigit);
                    do
                    {
                        width = width * 10 + ch - '0';
                        ch = Next(format, ref pos);
                    } while (IsDigit(ch) && width < Limit);
                    while (ch == ' ') ch = Next(format, ref pos);
                }

                ReadOnlySpan<char> itemFormat = default;
                if (ch != '}')
                {
                    if (ch != ':') Fail(pos, UnclosedItem);
                    int start = pos + 1;
                    while (true)
                    {
                        ch = Next(format, ref pos);
                        if (ch == '}') break;
                        if (ch == '{') Fail(pos, UnclosedItem);
                    }
                    itemFormat = ((ReadOnlySpan<char>)format).Slice(start, pos - start);
                }
                pos++;

                if ((uint)index >= (uint)args.Length) throw new FormatException(IndexOutOfRange);
                int before = sb.Length;
                object arg = args[index];
                if (arg is ISpanFormattable spanFormattable && (width == 0 || IsOwnPrimitive(arg)))
                {
                    // Formatted in place, then padded.
                    int written;
                    while (!spanFormattable.TryFormat(sb.Free, out written, itemFormat, provider)) sb.GrowFree();
                    sb.Advance(written);
                }
                else
                {
                    AppendArgument(ref sb, arg, itemFormat.Length == 0 ? null : new string(itemFormat), provider);
                }
                int pad = width - (sb.Length - before);
                if (pad > 0)
                {
                    if (leftAlign) sb.Append(' ', pad);
                    else sb.Insert(before, ' ', pad);
                }
            }
        }

        /// <summary>An argument's text: IFormattable with the item format, else ToString(); null is empty.</summary>
        private static void AppendArgument(ref FormatBuffer sb, object arg, string format, IFormatProvider provider)
        {
            if (arg is IFormattable f) sb.Append(f.ToString(format, provider));
            else if (arg != null) sb.Append(arg.ToString());
        }

        /// <summary>
        /// .NET formats aligned items with IFormattable.ToString, unaligned ones in place with TryFormat. The two give
        /// the same text for the runtime's own primitives and enums, so those format in place either way.
        /// </summary>
        private static unsafe bool IsOwnPrimitive(object arg)
        {
            ElementType type = arg.MethodTable->ElementType;
            return type >= ElementType.Boolean && type <= ElementType.Double;
        }

        private static char Next(string format, ref int pos)
        {
            if (++pos == format.Length) Fail(pos, UnclosedItem);
            return format[pos];
        }

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static void Fail(int offset, string reason) =>
            throw new FormatException("Input string was not in a correct format. Failure to parse near offset " + Number.Format(offset) + ". " + reason);
    }
}
