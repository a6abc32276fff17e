using System;

/// <summary>Runtime type-system conformance: each case prints one line; the xunit test compares the whole output.</summary>
static class Program
{
    static int Main()
    {
        Interfaces.Run();
        Delegates.Run();
        Generics.Run();
        Enumeration.Run();
        Casting.Run();
        Statics.Run();
        DispatchCaches.Run();
        return 0;
    }
}
