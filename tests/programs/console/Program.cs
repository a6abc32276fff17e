using System;
using System.IO;
using System.Text;

// Console input and output compared with .NET: Main's arguments, every Write/WriteLine overload, UTF-8 both ways
// (surrogate pairs, lone surrogates, split pairs), Console.In line reading, SetOut/SetIn, and the exit code.
static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("args " + args.Length);
        for (int i = 0; i < args.Length; i++) Console.WriteLine("arg " + i + " [" + args[i] + "] " + args[i].Length);

        WriteOverloads();
        Unicode();
        ReadInput();
        Redirection();
        return args.Length + 40;
    }

    static void WriteOverloads()
    {
        Console.Write('c');
        Console.Write(true);
        Console.Write(false);
        Console.Write(-12);
        Console.Write(34u);
        Console.Write(-5678901234L);
        Console.Write(18446744073709551615UL);
        Console.Write(new[] { 'x', 'y', 'z' });
        Console.Write(new[] { 'a', 'b', 'c', 'd' }, 1, 2);
        Console.Write("str");
        Console.Write((string)null);
        Console.Write((object)null);
        Console.Write((object)"obj");
        Console.Write((object)42);
        Console.WriteLine();
        Console.WriteLine('c');
        Console.WriteLine(true);
        Console.WriteLine(int.MinValue);
        Console.WriteLine(uint.MaxValue);
        Console.WriteLine(long.MinValue);
        Console.WriteLine(ulong.MaxValue);
        Console.WriteLine(new[] { 'h', 'i' });
        Console.WriteLine(new[] { 'a', 'b', 'c', 'd' }, 1, 3);
        Console.WriteLine((string)null);
        Console.WriteLine((object)null);
        Console.WriteLine((char[])null);
        Console.WriteLine(new StringBuilder("builder"));
        Console.WriteLine("fmt {0} {1} {2} {3}", 1, "two", 'c', true);
        Console.Write("fmt {0}|", 7);
        Console.WriteLine("{0,-4}|{1,4}", "ab", "cd");
        Console.Out.Write("out ");
        Console.Out.WriteLine(12345);
        Console.Out.WriteLine("out {0}", "format");
        Console.Out.Flush();
        Console.Error.WriteLine("to stderr (not compared)");
        Console.WriteLine(new string('L', 5000).Length);
        Console.WriteLine(new string('x', 3000) + "|end");
    }

    static void Unicode()
    {
        Console.WriteLine("héllo wörld ĀāĒē 中文 😀 𝄞");
        Console.Write('\uD83D');
        Console.Write('\uDE00');
        Console.WriteLine(" <- pair written as two chars");
        Console.WriteLine("lone high [\uD800] lone low [\uDC00] reversed [\uDE00\uD83D]");
        Console.Write('\uD83D');
        Console.WriteLine(" <- high surrogate then text");
        Console.WriteLine("\0nul and \u007F del and \u00A0 nbsp");
    }

    static void ReadInput()
    {
        int first = Console.In.Peek();
        Console.WriteLine("peek " + first + " read " + Console.Read() + " peek " + Console.In.Peek());
        string line;
        int n = 0;
        while (n < 6 && (line = Console.ReadLine()) != null)
        {
            n++;
            var codes = new StringBuilder();
            foreach (char c in line) codes.Append(((int)c).ToString("X4")).Append(' ');
            Console.WriteLine("line " + n + " len " + line.Length + " [" + line + "] " + codes.ToString().TrimEnd());
        }
        char[] buffer = new char[5];
        int got = Console.In.Read(buffer, 0, 5);
        Console.WriteLine("block " + got + " [" + new string(buffer, 0, got) + "]");
        string rest = Console.In.ReadToEnd();
        Console.WriteLine("rest " + rest.Length + " [" + rest.Replace("\r", "\\r").Replace("\n", "\\n") + "]");
        Console.WriteLine("after end: " + (Console.ReadLine() == null) + " " + Console.Read() + " " + Console.In.Peek() + " [" + Console.In.ReadToEnd() + "]");
    }

    static void Redirection()
    {
        TextWriter original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        Console.Write("captured ");
        Console.WriteLine(99);
        Console.WriteLine("{0}+{1}", 1, 2);
        Console.SetOut(original);
        Console.WriteLine("restored; captured [" + captured.ToString().Replace("\n", "\\n") + "]");

        TextReader originalIn = Console.In;
        Console.SetIn(new StringReader("first\r\nsecond\rthird\n\nlast"));
        string line;
        while ((line = Console.ReadLine()) != null) Console.WriteLine("from string reader [" + line + "]");
        Console.SetIn(originalIn);

        var sw = new StringWriter();
        sw.Write('a');
        sw.Write(1.ToString());
        sw.WriteLine(true);
        sw.Write(new[] { 'x' });
        sw.NewLine = "<NL>";
        sw.WriteLine();
        sw.WriteLine("tail");
        Console.WriteLine("stringwriter [" + sw.ToString().Replace("\n", "\\n") + "] " + sw.GetStringBuilder().Length);
        var reader = new StringReader("ab\ncd");
        Console.WriteLine("stringreader " + reader.Peek() + " " + reader.Read() + " [" + reader.ReadLine() + "] [" + reader.ReadToEnd() + "] " + reader.Read() + " " + (reader.ReadLine() == null));
    }
}
