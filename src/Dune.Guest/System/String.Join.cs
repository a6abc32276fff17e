using System.Collections.Generic;
using System.Text;

namespace System
{
    public sealed partial class String
    {
        public static string Join(string separator, params string[] value)
        {
            if (value == null) TextThrow.Null("value");
            return Join(separator, value, 0, value.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null) TextThrow.Null("value");
            if (startIndex < 0) TextThrow.Negative("startIndex", startIndex);
            if (count < 0) TextThrow.Negative("count", count);
            if (startIndex > value.Length - count) TextThrow.Greater("startIndex", startIndex, value.Length - count);
            separator ??= Empty;
            if (count == 0) return Empty;
            if (count == 1) return value[startIndex] ?? Empty;
            int total = separator.Length * (count - 1);
            for (int i = startIndex; i < startIndex + count; i++) total += value[i]?.Length ?? 0;
            var sb = new StringBuilder(total);
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if (i > startIndex) sb.Append(separator);
                sb.Append(value[i]);
            }
            return sb.ToString();
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null) TextThrow.Null("values");
            var sb = new StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(values[i]?.ToString());
            }
            return sb.ToString();
        }

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null) TextThrow.Null("values");
            var sb = new StringBuilder();
            bool first = true;
            foreach (string value in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                sb.Append(value);
            }
            return sb.ToString();
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            if (values == null) TextThrow.Null("values");
            var sb = new StringBuilder();
            bool first = true;
            foreach (T value in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                if (value != null) sb.Append(value.ToString());
            }
            return sb.ToString();
        }

        public static string Join(char separator, params string[] value) => Join(FromChar(separator), value);
        public static string Join(char separator, string[] value, int startIndex, int count) => Join(FromChar(separator), value, startIndex, count);
        public static string Join(char separator, params object[] values) => Join(FromChar(separator), values);
        public static string Join<T>(char separator, IEnumerable<T> values) => Join(FromChar(separator), values);

        public static string Concat(object arg0) => arg0?.ToString() ?? Empty;

        public static string Concat(params object[] args)
        {
            if (args == null) TextThrow.Null("args");
            var sb = new StringBuilder();
            foreach (object arg in args) sb.Append(arg?.ToString());
            return sb.ToString();
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null) TextThrow.Null("values");
            var sb = new StringBuilder();
            foreach (string value in values) sb.Append(value);
            return sb.ToString();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null) TextThrow.Null("values");
            var sb = new StringBuilder();
            foreach (T value in values) if (value != null) sb.Append(value.ToString());
            return sb.ToString();
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
        {
            string s = FastAllocate(str0.Length + str1.Length);
            CharCopy.Move(ref s._firstChar, str0);
            CharCopy.Move(ref System.Runtime.CompilerServices.Unsafe.Add(ref s._firstChar, str0.Length), str1);
            return s;
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2)
        {
            string s = FastAllocate(str0.Length + str1.Length + str2.Length);
            CharCopy.Move(ref s._firstChar, str0);
            CharCopy.Move(ref System.Runtime.CompilerServices.Unsafe.Add(ref s._firstChar, str0.Length), str1);
            CharCopy.Move(ref System.Runtime.CompilerServices.Unsafe.Add(ref s._firstChar, str0.Length + str1.Length), str2);
            return s;
        }
    }
}
