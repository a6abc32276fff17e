namespace System.Diagnostics
{
    /// <summary>Calls to a [Conditional] method vanish unless the symbol is defined where they are compiled.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        public ConditionalAttribute(string conditionString) { ConditionString = conditionString; }
        public string ConditionString { get; }
    }

    /// <summary>
    /// Debug checks: compiled out of Release builds ([Conditional("DEBUG")]). A failed assertion ends the process as
    /// .NET does: "Process terminated. Assertion failed." and the message on stderr, exit code 134 (SIGABRT).
    /// Debug.WriteLine goes to trace listeners, not the console, so it writes nothing here.
    /// </summary>
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void Assert(bool condition) => Assert(condition, "", "");

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message) => Assert(condition, message, "");

        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message, string detailMessage)
        {
            if (!condition) Fail(message, detailMessage);
        }

        [Conditional("DEBUG")]
        public static void Fail(string message) => Fail(message, "");

        [Conditional("DEBUG")]
        public static void Fail(string message, string detailMessage)
        {
            string text = "Process terminated. Assertion failed." + (string.IsNullOrEmpty(message) ? "" : "\n" + message) + (string.IsNullOrEmpty(detailMessage) ? "" : "\n" + detailMessage);
            Dune.Runtime.Fatal.Exit(text, Dune.Runtime.ExitCodes.UnhandledException);
        }

        [Conditional("DEBUG")]
        public static void WriteLine(string message) { }

        [Conditional("DEBUG")]
        public static void Write(string message) { }
    }
}
