namespace Dune.Runtime.Diagnostics
{
    /// <summary>Turns the code addresses an exception collected into .NET-style "   at Method" lines.</summary>
    internal static class StackTraceFormatter
    {
        public static string Format(ulong[] frames, int count)
        {
            string text = "";
            for (int i = 0; i < count; i++)
            {
                string name = Symbols.Describe(frames[i]);
                if (IsStartupFrame(name)) break;
                text = text + (text.Length == 0 ? "" : "\n") + "   at " + name;
            }
            return text;
        }

        /// <summary>Frames below the program's Main (ilc's wrappers and the runtime's start-up) are noise.</summary>
        private static bool IsStartupFrame(string name) =>
            name == "__managed__Main" || name.Contains("_Module___") || name == "Dune.Runtime.Startup.Main";
    }
}
