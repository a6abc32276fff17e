namespace System
{
    public abstract partial class Enum
    {
        // .NET throws FormatException here; that type belongs to the numbers area and has not landed on this branch.
        private static Exception InvalidFormat() =>
            new ArgumentException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
    }
}
