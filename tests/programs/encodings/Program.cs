using System;

/// <summary>Convert's Base64 and hex encodings of bytes, round trips and malformed input, against .NET.</summary>
static class Program
{
    static string Show(byte[] b) => b == null ? "null" : "[" + string.Join(",", b) + "]";

    static void Try(string what, Func<object> f)
    {
        try
        {
            object r = f();
            Console.WriteLine(what + ": " + (r is byte[] b ? Show(b) : r));
        }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message); }
    }

    static int Main()
    {
        for (int n = 0; n <= 7; n++)
        {
            var bytes = new byte[n];
            for (int i = 0; i < n; i++) bytes[i] = (byte)(i * 53 + 251);
            string b64 = Convert.ToBase64String(bytes), hex = Convert.ToHexString(bytes);
            Console.WriteLine(n + ": " + b64 + " " + hex + " " + Show(Convert.FromBase64String(b64)) + " " + Show(Convert.FromHexString(hex)));
        }
        byte[] text = System.Text.Encoding.UTF8.GetBytes("Many hands make light work.");
        Console.WriteLine(Convert.ToBase64String(text));
        Console.WriteLine(Convert.ToBase64String(text, 5, 5) + " " + Convert.ToHexString(text, 0, 4));
        Try("spaces and newlines", () => Convert.FromBase64String(" TWFu\r\n IGhh bmRz "));
        Try("one pad", () => Convert.FromBase64String("TWE="));
        Try("two pads", () => Convert.FromBase64String("TQ=="));
        Try("three pads", () => Convert.FromBase64String("TQ==="));
        Try("no padding", () => Convert.FromBase64String("TWE"));
        Try("bad character", () => Convert.FromBase64String("TW!u"));
        Try("data after padding", () => Convert.FromBase64String("TQ==TWFu"));
        Try("one digit over", () => Convert.FromBase64String("TWFuT"));
        Try("empty", () => Convert.FromBase64String(""));
        Try("null", () => Convert.FromBase64String(null));
        Try("hex lower case", () => Convert.FromHexString("0aFf"));
        Try("hex odd", () => Convert.FromHexString("abc"));
        Try("hex bad", () => Convert.FromHexString("zz"));
        Try("hex empty", () => Convert.FromHexString(""));
        Try("offset past", () => Convert.ToBase64String(new byte[3], 2, 2));
        Try("negative length", () => Convert.ToBase64String(new byte[3], 0, -1));
        Try("negative offset", () => Convert.ToHexString(new byte[3], -1, 1));
        Try("null array", () => Convert.ToHexString((byte[])null));
        return 0;
    }
}
