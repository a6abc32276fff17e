using System;
using System.Runtime.CompilerServices;

class AppException : Exception
{
    public readonly int Code;
    public AppException(string message, int code) : base(message) { Code = code; }
}

sealed class DetailedException : AppException
{
    public DetailedException(int code) : base("detailed", code) { }
    public override string Message => "detail #" + Code.ToString();
}

/// <summary>One line per dispatcher feature; the conformance test compares the whole output.</summary>
static class Program
{
    // The event log lives in a non-GC static (up to 8 ASCII characters packed in a ulong) so this test does not
    // depend on GC statics.
    static ulong s_events;

    static void Log(char c) => s_events = (s_events << 8) | c;

    static void Log(string s) { for (int i = 0; i < s.Length; i++) Log(s[i]); }

    static string LogText()
    {
        string text = "";
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            char c = (char)((s_events >> shift) & 0xff);
            if (c != 0) text = text + c.ToString();
        }
        return text;
    }

    static void Report(string name, bool ok, string detail = "") =>
        Console.WriteLine(name + ": " + (ok ? "ok" : "FAIL " + detail));

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Throw(Exception e) => throw e;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Level3(int x)
    {
        try { if (x > 0) throw new AppException("deep", x); return x; }
        finally { Log("3"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Level2(int x)
    {
        try { return Level3(x) + 1; }
        finally { Log("2"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Level1(int x)
    {
        try { return Level2(x) + 1; }
        catch (InvalidOperationException) { Log("wrong"); return -1; }
        finally { Log("1"); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void RethrowInner()
    {
        try { Throw(new AppException("again", 7)); }
        catch (AppException) { Log("r"); throw; }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool FilterThrows(Exception e) => throw new InvalidOperationException("from filter");

    static void CatchTyped()
    {
        try { Throw(new InvalidOperationException("typed")); Report("catch-typed", false); }
        catch (ArgumentException) { Report("catch-typed", false, "wrong clause"); }
        catch (InvalidOperationException e) { Report("catch-typed", e.Message == "typed", e.Message); }
    }

    static void CatchBase()
    {
        try { Throw(new DivideByZeroException()); }
        catch (ArithmeticException e) { Report("catch-base", e is DivideByZeroException && e.Message == "Attempted to divide by zero.", e.Message); }
    }

    static void CatchAll()
    {
        int hits = 0;
        try { Throw(new AppException("any", 1)); }
        catch { hits++; }
        Report("catch-all", hits == 1);
    }

    static void FinallyOrder()
    {
        s_events = 0;
        int r = 0;
        try { r = Level1(5); }
        catch (AppException e) { Log("c" + e.Code.ToString()); }
        Report("finally-order", LogText() == "321c5" && r == 0, LogText());
    }

    static void NoException()
    {
        s_events = 0;
        int r = Level1(0);
        Report("no-exception", r == 2 && LogText() == "321", LogText());
    }

    static void Nested()
    {
        s_events = 0;
        try
        {
            try { Throw(new AppException("inner", 2)); }
            catch (InvalidOperationException) { Log("x"); }
            finally { Log("f"); }
            Log("y");
        }
        catch (AppException e) { Log("o" + e.Code.ToString()); }
        Report("nested", LogText() == "fo2", LogText());
    }

    static void Rethrow()
    {
        s_events = 0;
        try { RethrowInner(); }
        catch (AppException e)
        {
            Report("rethrow", LogText() == "r" && e.Code == 7, LogText());
        }
    }

    static void ThrowInCatch()
    {
        s_events = 0;
        try
        {
            try { Throw(new AppException("first", 1)); }
            catch (AppException) { Log("a"); Throw(new InvalidOperationException("second")); }
            catch (InvalidOperationException) { Log("sibling"); }
            finally { Log("f"); }
        }
        catch (InvalidOperationException e) { Log(e.Message); }
        Report("throw-in-catch", LogText() == "afsecond", LogText());
    }

    static void ThrowInFinally()
    {
        s_events = 0;
        try
        {
            try { Throw(new AppException("lost", 1)); }
            finally { Log("f"); Throw(new InvalidOperationException("replaced")); }
        }
        catch (AppException) { Log("wrong"); }
        catch (InvalidOperationException e) { Log(e.Message == "replaced" ? "R" : "?"); }
        Report("throw-in-finally", LogText() == "fR", LogText());
    }

    static void CatchInCatch()
    {
        s_events = 0;
        try { Throw(new AppException("outer", 1)); }
        catch (AppException)
        {
            try { Throw(new InvalidOperationException("inner")); }
            catch (InvalidOperationException e) { Log(e.Message); }
            Log("+");
        }
        Report("catch-in-catch", LogText() == "inner+", LogText());
    }

    static void Filter()
    {
        s_events = 0;
        for (int i = 1; i <= 3; i++)
        {
            try { Throw(new AppException("f", i)); }
            catch (AppException e) when (e.Code == 2) { Log("two"); }
            catch (AppException e) { Log(e.Code.ToString()); }
        }
        Report("filter", LogText() == "1two3", LogText());
    }

    static void FilterThatThrows()
    {
        s_events = 0;
        try
        {
            try { Throw(new AppException("x", 1)); }
            catch (Exception e) when (FilterThrows(e)) { Log("wrong"); }
        }
        catch (AppException) { Log("outer"); }
        Report("filter-throws", LogText() == "outer", LogText());
    }

    static void LocalsSurvive()
    {
        int caught = 0, sum = 0;
        long product = 1;
        for (int i = 0; i < 10; i++)
        {
            try { if (i % 3 == 0) Throw(new AppException("m", i)); sum += i; }
            catch (AppException e) { caught++; product *= e.Code + 1; }
        }
        Report("locals", caught == 4 && sum == 27 && product == 280, caught.ToString() + " " + sum.ToString() + " " + product.ToString());
    }

    static void VirtualMessage()
    {
        try { Throw(new DetailedException(42)); }
        catch (AppException e) { Report("virtual-message", e.Message == "detail #42" && e.GetType().Name == "DetailedException", e.Message + " " + e.GetType().Name); }
    }

    static void Deep(int n) { if (n == 0) Throw(new AppException("bottom", 0)); else Deep(n - 1); }

    static void DeepStack()
    {
        try { Deep(500); Report("deep", false); }
        catch (AppException e) { Report("deep", e.Message == "bottom"); }
    }

    /// <summary>Abandoned dispatches (a handler that throws) must not accumulate state across many throws.</summary>
    static void Repeated()
    {
        int caught = 0;
        for (int i = 0; i < 2000; i++)
        {
            try
            {
                try { Throw(new AppException("first", i)); }
                catch (AppException) { Throw(new InvalidOperationException("second")); }
            }
            catch (InvalidOperationException) { caught++; }
            try
            {
                try { Throw(new AppException("x", i)); }
                catch (Exception e) when (FilterThrows(e)) { caught = -1000000; }
            }
            catch (AppException) { caught++; }
        }
        Report("repeated", caught == 4000, caught.ToString());
    }

    static int Main()
    {
        CatchTyped();
        CatchBase();
        CatchAll();
        FinallyOrder();
        NoException();
        Nested();
        Rethrow();
        ThrowInCatch();
        ThrowInFinally();
        CatchInCatch();
        Filter();
        FilterThatThrows();
        LocalsSurvive();
        VirtualMessage();
        DeepStack();
        Repeated();
        Console.WriteLine("done");
        return 0;
    }
}
