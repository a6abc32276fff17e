namespace System
{
    /// <summary>
    /// How strings compare. The runtime has only the invariant culture in invariant-globalization mode (as .NET
    /// runs with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1), where culture-sensitive comparisons are ordinal and their
    /// IgnoreCase forms are OrdinalIgnoreCase.
    /// </summary>
    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5,
    }

    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1,
        TrimEntries = 2,
    }
}
