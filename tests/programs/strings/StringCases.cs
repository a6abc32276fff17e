using System;
using System.Collections.Generic;

static partial class Program
{
    static string Items(string[] parts)
    {
        string s = parts.Length.ToString() + ":";
        foreach (string p in parts) s += "[" + p + "]";
        return s;
    }

    static void SplitCases()
    {
        Show("split.char", Items("a,b,,c,".Split(',')));
        Show("split.char.remove", Items("a,b,,c,".Split(',', StringSplitOptions.RemoveEmptyEntries)));
        Show("split.char.trim", Items(" a , b ,, c ,".Split(',', StringSplitOptions.TrimEntries)));
        Show("split.char.both", Items(" a , b ,  , c ,".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        Show("split.count2", Items("a,b,c,d".Split(',', 2)));
        Show("split.count1", Items("a,b,c".Split(',', 1)));
        Show("split.count0", Items("a,b,c".Split(',', 0)));
        Show("split.count.remove", Items(",,a,,b,,c,,".Split(',', 2, StringSplitOptions.RemoveEmptyEntries)));
        Show("split.count.remove3", Items(",,a,,b,,c,,".Split(',', 3, StringSplitOptions.RemoveEmptyEntries)));
        Show("split.count.trim", Items(" a , b , c ".Split(',', 2, StringSplitOptions.TrimEntries)));
        Show("split.chars", Items("a;b,c d".Split(';', ',', ' ')));
        Show("split.chars.array", Items("a;b,c d".Split(new[] { ';', ',' }, 2)));
        Show("split.whitespace", Items("  a\tb\nc  d ".Split()));
        Show("split.whitespace.null", Items(" a  b ".Split((char[])null, StringSplitOptions.RemoveEmptyEntries)));
        Show("split.string", Items("a--b----c--".Split("--")));
        Show("split.string.remove", Items("a--b----c--".Split("--", StringSplitOptions.RemoveEmptyEntries)));
        Show("split.string.empty", Items("a b".Split("")));
        Show("split.string.null", Items("a b".Split((string)null)));
        Show("split.strings", Items("a<>b<c>d<>".Split(new[] { "<>", "<", ">" }, StringSplitOptions.None)));
        Show("split.strings.order", Items("abcabc".Split(new[] { "b", "bc" }, StringSplitOptions.None)));
        Show("split.strings.count", Items("1::2::3::4".Split(new[] { "::" }, 3, StringSplitOptions.None)));
        Show("split.empty", Items("".Split(',')));
        Show("split.empty.remove", Items("".Split(',', StringSplitOptions.RemoveEmptyEntries)));
        Show("split.none", Items("abc".Split(',')));
        Show("split.only", Items(",".Split(',')));
        Show("split.trim.whole", Items("  abc  ".Split(',', StringSplitOptions.TrimEntries)));
        Show("split.trim.blank", Items("   ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        Throws("split.count.negative", () => "a".Split(',', -1));
    }

    static void SearchCases()
    {
        string s = "Hello, World! Hello!";
        Show("indexof.char", s.IndexOf('o') + " " + s.IndexOf('o', 5) + " " + s.IndexOf('o', 5, 3) + " " + s.IndexOf('z') + " " + s.IndexOf('H', 20));
        Show("indexof.string", s.IndexOf("Hello") + " " + s.IndexOf("Hello", 1) + " " + s.IndexOf("Hello", 1, 10) + " " + s.IndexOf("") + " " + s.IndexOf("", 5) + " " + s.IndexOf("xyz"));
        Show("indexof.ignorecase", s.IndexOf("WORLD", StringComparison.OrdinalIgnoreCase) + " " + s.IndexOf("WORLD", StringComparison.Ordinal) + " " + s.IndexOf("world", StringComparison.CurrentCultureIgnoreCase) + " " + s.IndexOf("world", StringComparison.InvariantCulture) + " " + s.IndexOf('W', StringComparison.OrdinalIgnoreCase) + " " + s.IndexOf('w', StringComparison.OrdinalIgnoreCase));
        Show("lastindexof.char", s.LastIndexOf('o') + " " + s.LastIndexOf('o', 10) + " " + s.LastIndexOf('o', 10, 3) + " " + s.LastIndexOf('z') + " " + "".LastIndexOf('a'));
        Show("lastindexof.string", s.LastIndexOf("Hello") + " " + s.LastIndexOf("Hello", 12) + " " + s.LastIndexOf("Hello", 12, 5) + " " + s.LastIndexOf("") + " " + s.LastIndexOf("", 3) + " " + "".LastIndexOf("") + " " + s.LastIndexOf("HELLO", StringComparison.OrdinalIgnoreCase) + " " + s.LastIndexOf("!", 19, 20));
        Show("indexofany", s.IndexOfAny(new[] { 'W', '!' }) + " " + s.IndexOfAny(new[] { 'x' }) + " " + s.IndexOfAny(new[] { 'l' }, 5) + " " + s.LastIndexOfAny(new[] { 'l', 'W' }) + " " + s.LastIndexOfAny(new[] { 'e' }, 5) + " " + s.LastIndexOfAny(new[] { 'H' }, 10, 5));
        Show("contains", s.Contains("World") + " " + s.Contains("world") + " " + s.Contains("world", StringComparison.OrdinalIgnoreCase) + " " + s.Contains('!') + " " + s.Contains("") + " " + s.Contains('q'));
        Show("startswith", s.StartsWith("Hell") + " " + s.StartsWith("hell") + " " + s.StartsWith("HELL", StringComparison.OrdinalIgnoreCase) + " " + s.StartsWith('H') + " " + s.StartsWith("") + " " + "".StartsWith('a') + " " + "ab".StartsWith("abc"));
        Show("endswith", s.EndsWith("llo!") + " " + s.EndsWith("LLO!", StringComparison.OrdinalIgnoreCase) + " " + s.EndsWith('!') + " " + s.EndsWith("") + " " + "".EndsWith('a') + " " + "b".EndsWith("ab"));
        Show("nonascii.ignorecase", "ÄÖÜ straße ΣΑΣ".IndexOf("äöü", StringComparison.OrdinalIgnoreCase) + " " + "ΣΑΣ".Equals("σας", StringComparison.OrdinalIgnoreCase) + " " + "Ǆ".Equals("ǆ", StringComparison.OrdinalIgnoreCase) + " " + "\U00010400".Equals("\U00010428", StringComparison.OrdinalIgnoreCase));
        Throws("indexof.null", () => s.IndexOf((string)null));
        Throws("indexof.start.past", () => s.IndexOf('a', 21));
        Throws("indexof.count.past", () => s.IndexOf('a', 10, 11));
        Throws("lastindexof.start.past", () => s.LastIndexOf('a', 20));
        Throws("lastindexof.count.past", () => s.LastIndexOf("a", 5, 7));
        Throws("contains.null", () => s.Contains((string)null));
        Throws("startswith.null", () => s.StartsWith((string)null));
        Throws("comparison.invalid", () => s.IndexOf("a", (StringComparison)9));
    }

    static void CompareCases()
    {
        Show("compare", string.Compare("a", "B") + " " + string.Compare("abc", "ab") + " " + string.Compare("a", "A", true) + " " + string.Compare("a", "b", StringComparison.OrdinalIgnoreCase) + " " + string.Compare("Z", "a", StringComparison.OrdinalIgnoreCase) + " " + string.Compare(null, "a") + " " + string.Compare("a", null) + " " + string.Compare(null, null));
        Show("compare.ordinal", string.CompareOrdinal("a", "B") + " " + string.CompareOrdinal("abc", "ab") + " " + string.CompareOrdinal("ab", "abcde") + " " + string.CompareOrdinal("\uD800", "\uFFFF") + " " + string.CompareOrdinal("same", "same") + " " + string.CompareOrdinal(null, "x"));
        Show("compare.ranges", string.Compare("xxabcx", 2, "abd", 0, 3) + " " + string.Compare("xxabcx", 2, "ABC", 0, 3, true) + " " + string.Compare("abc", 1, "bc", 0, 10, StringComparison.Ordinal) + " " + string.CompareOrdinal("hello", 1, "jello", 1, 4));
        Show("equals.comparison", string.Equals("abc", "ABC", StringComparison.OrdinalIgnoreCase) + " " + string.Equals("abc", "ABC", StringComparison.Ordinal) + " " + "abc".Equals("ABC", StringComparison.InvariantCultureIgnoreCase) + " " + string.Equals(null, null, StringComparison.Ordinal) + " " + string.Equals("a", null, StringComparison.Ordinal));
        string a = "a", b = "b";
        Show("operators", (a == "a") + " " + (a != b) + " " + (a == null) + " " + ((string)null == null));
    }

    static void ManipulationCases()
    {
        Show("trim", "  \t hi there \n ".Trim() + "|" + "  hi ".TrimStart() + "|" + "  hi ".TrimEnd() + "|" + "\u00A0\u2003x\u3000".Trim());
        Show("trim.chars", "xxhixx".Trim('x') + "|" + "xyhiyx".Trim('x', 'y') + "|" + "xxhixx".TrimStart('x') + "|" + "xxhixx".TrimEnd('x') + "|" + "  hi  ".Trim(new char[0]) + "|" + "xxxx".Trim('x') + "|");
        Show("replace", "a.b.c".Replace('.', '/') + " " + "aaa".Replace("a", "bb") + " " + "hello".Replace("l", "") + " " + "hello".Replace("xyz", "q") + " " + "hello".Replace("l", null) + " " + "abab".Replace("ab", "ba"));
        Show("pad", "[" + "ab".PadLeft(5) + "][" + "ab".PadRight(5, '*') + "][" + "abcdef".PadLeft(3) + "][" + "".PadLeft(2, '0') + "][" + "7".PadLeft(3, '0') + "]");
        Show("case", "Hello World 123 ÀÉÎÕÜ àéîõü ß ΑΒΓ αβγ ЖЖ жж ǅ".ToUpperInvariant() + " | " + "Hello World 123 ÀÉÎÕÜ àéîõü ß ΑΒΓ αβγ ЖЖ жж ǅ".ToLowerInvariant());
        Show("case.culture", "MiXeD ı İ".ToUpper() + " " + "MiXeD ı İ".ToLower() + " " + "\U00010428\U00010400".ToUpperInvariant() + " " + "\U00010428\U00010400".ToLowerInvariant() + " " + "\uD801x".ToUpperInvariant());
        Show("substring", "hello".Substring(1) + " " + "hello".Substring(1, 3) + " " + "hello".Substring(5) + "|" + "hello".Substring(0, 0) + "|" + "hello".Substring(0));
        Show("insert", "hello".Insert(0, ">") + " " + "hello".Insert(5, "<") + " " + "hello".Insert(2, "--") + " " + "hello".Insert(2, ""));
        Show("remove", "hello".Remove(2) + " " + "hello".Remove(1, 3) + " " + "hello".Remove(0, 0) + " " + "hello".Remove(0, 5) + "|");
        Show("ctor", new string('x', 5) + " " + new string('x', 0) + "|" + new string(new[] { 'a', 'b', 'c' }) + " " + new string(new[] { 'a', 'b', 'c', 'd' }, 1, 2) + " " + new string((char[])null) + "|" + new string("span".AsSpan()));
        Show("tochararray", new string("hello".ToCharArray()) + " " + new string("hello".ToCharArray(1, 3)) + " " + "".ToCharArray().Length);
        char[] dest = { '.', '.', '.', '.', '.', '.' };
        "hello".CopyTo(1, dest, 2, 3);
        Show("copyto", new string(dest));
        Show("isnull", string.IsNullOrEmpty(null) + " " + string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(" ") + " " + string.IsNullOrWhiteSpace(null) + " " + string.IsNullOrWhiteSpace(" \t\n\u2028") + " " + string.IsNullOrWhiteSpace(" x ") + " " + (string.Empty.Length == 0));
        Show("join", string.Join(", ", "a", "b", "c") + " | " + string.Join(",", new string[] { "a", null, "c" }) + " | " + string.Join("-", new List<int> { 1, 2, 3 }) + " | " + string.Join('+', "x", "y") + " | " + string.Join("/", new object[] { 1, null, "z", true }) + " | " + string.Join(",", new[] { "a", "b", "c", "d" }, 1, 2) + " | " + string.Join(",", new string[0]) + "|" + string.Join(null, "a", "b"));
        Show("join.enumerable", string.Join(";", (IEnumerable<string>)new List<string> { "p", "q" }) + " " + string.Join(':', new List<char> { 'x', 'y' }));
        Show("concat", string.Concat("a", "b") + " " + string.Concat("a", "b", "c", "d") + " " + string.Concat(1, 2) + " " + string.Concat((object)null) + "|" + string.Concat(new object[] { 1, "x", null, 2.ToString() }) + " " + string.Concat(new List<string> { "l", "m" }) + " " + string.Concat(new List<int> { 4, 5 }) + " " + string.Concat("a", null, "c"));
        int count = 0;
        foreach (char c in "héllo") count += c;
        Show("foreach", count);
        IEnumerable<char> chars = "abc";
        string rebuilt = "";
        foreach (char c in chars) rebuilt = c.ToString() + rebuilt;
        Show("enumerable", rebuilt);
        string big = new string('a', 100000).Replace("a", "bc");
        Show("large", big.Length + " " + big.IndexOf("cb") + " " + big.LastIndexOf("bc") + " " + big.Split('c').Length + " " + big.ToUpperInvariant().Substring(0, 4));
        Throws("substring.past", () => "abc".Substring(4));
        Throws("substring.negative", () => "abc".Substring(-1));
        Throws("substring.length", () => "abc".Substring(1, 3));
        Throws("substring.length.negative", () => "abc".Substring(1, -1));
        Throws("remove.past", () => "abc".Remove(3));
        Throws("remove.count", () => "abc".Remove(1, 5));
        Throws("insert.null", () => "abc".Insert(1, null));
        Throws("insert.past", () => "abc".Insert(4, "x"));
        Throws("pad.negative", () => "abc".PadLeft(-1));
        Throws("ctor.negative", () => new string('a', -1));
        Throws("replace.empty", () => "abc".Replace("", "x"));
        Throws("replace.null", () => "abc".Replace(null, "x"));
        Throws("join.null", () => string.Join(",", (string[])null));
        Throws("index.past", () => { char c = "abc"[3]; });
    }
}
