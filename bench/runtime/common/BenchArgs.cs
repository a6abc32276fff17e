using System;

/// <summary>
/// The benchmark's size: its first command-line argument, a non-negative decimal number. Parsed by hand so the
/// benchmarks measure their workload, not the runtime's parser.
/// </summary>
static class BenchArgs
{
    public static int Size(int defaultValue)
    {
        string[] args = Environment.GetCommandLineArgs();
        if (args.Length < 2) return defaultValue;
        string text = args[1];
        int value = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9') return defaultValue;
            value = value * 10 + (c - '0');
        }
        return text.Length == 0 ? defaultValue : value;
    }
}
