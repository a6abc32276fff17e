using System;

/// <summary>Convert's Base64 and hex encodings of bytes, round trips and malformed input, against .NET.</summary>
static class Program
{
    static string Show(byte[] b) => b == null ? "null" : "[" + string.Join(",", b) + "]";

    static string Shown(object r) => r is byte[] b ? Show(b) : r == null ? "null" : r.ToString();


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
        Outcome.Print("spaces and newlines", () => Convert.FromBase64String(" TWFu\r\n IGhh bmRz "), Shown);
        Outcome.Print("one pad", () => Convert.FromBase64String("TWE="), Shown);
        Outcome.Print("two pads", () => Convert.FromBase64String("TQ=="), Shown);
        Outcome.Print("three pads", () => Convert.FromBase64String("TQ==="), Shown);
        Outcome.Print("no padding", () => Convert.FromBase64String("TWE"), Shown);
        Outcome.Print("bad character", () => Convert.FromBase64String("TW!u"), Shown);
        Outcome.Print("data after padding", () => Convert.FromBase64String("TQ==TWFu"), Shown);
        Outcome.Print("one digit over", () => Convert.FromBase64String("TWFuT"), Shown);
        Outcome.Print("empty", () => Convert.FromBase64String(""), Shown);
        Outcome.Print("null", () => Convert.FromBase64String(null), Shown);
        Outcome.Print("hex lower case", () => Convert.FromHexString("0aFf"), Shown);
        Outcome.Print("hex odd", () => Convert.FromHexString("abc"), Shown);
        Outcome.Print("hex bad", () => Convert.FromHexString("zz"), Shown);
        Outcome.Print("hex empty", () => Convert.FromHexString(""), Shown);
        Outcome.Print("offset past", () => Convert.ToBase64String(new byte[3], 2, 2), Shown);
        Outcome.Print("negative length", () => Convert.ToBase64String(new byte[3], 0, -1), Shown);
        Outcome.Print("negative offset", () => Convert.ToHexString(new byte[3], -1, 1), Shown);
        Outcome.Print("null array", () => Convert.ToHexString((byte[])null), Shown);
        return 0;
    }
}
