using System;

/// <summary>Prints what an expression gives, or the exception it throws with .NET's message (the differential programs).</summary>
static class Outcome
{
    public static void Print(string what, Func<object> f, Func<object, string> show = null)
    {
        try
        {
            object r = f();
            Console.WriteLine(what + ": " + (show != null ? show(r) : r == null ? "null" : r.ToString()));
        }
        catch (Exception e) { Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message); }
    }
}
