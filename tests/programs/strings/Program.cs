using System;

// String, char and StringBuilder behaviour, compared line by line with .NET. Strings are printed in brackets so
// leading and trailing blanks show; each case names itself so a difference points at the case.
static partial class Program
{
    static int Main()
    {
        StringBuilderCases();
        SplitCases();
        SearchCases();
        CompareCases();
        ManipulationCases();
        EncodingCases();
        return 0;
    }

    static void Show(string name, string value) => Console.WriteLine(name + ": [" + (value ?? "<null>") + "]");

    static void Show(string name, int value) => Console.WriteLine(name + ": " + value.ToString());

    static void Show(string name, bool value) => Console.WriteLine(name + ": " + (value ? "True" : "False"));

    /// <summary>Runs a case expected to throw and prints the exception's type and message.</summary>
    static void Throws(string name, Action action)
    {
        try
        {
            action();
            Console.WriteLine(name + ": no exception");
        }
        catch (Exception e)
        {
            Console.WriteLine(name + ": " + e.GetType().Name + ": " + e.Message);
        }
    }
}
