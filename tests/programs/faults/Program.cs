using System;
using System.Runtime.CompilerServices;

class Node
{
    public int Value;
    public Node Next;
}

class Animal { public virtual string Sound() => "..."; }
sealed class Dog : Animal { public override string Sound() => "woof"; }
sealed class Cat : Animal { public override string Sound() => "meow"; }

/// <summary>An exception whose Message faults: the runtime faults while reporting it.</summary>
sealed class BrokenException : Exception
{
    private readonly Node _node;
    public BrokenException(Node node) { _node = node; }
    public override string Message => _node.Value.ToString();
}

/// <summary>An exception whose Message throws while the runtime reports it.</summary>
sealed class ThrowingMessageException : Exception
{
    public override string Message => throw new InvalidOperationException("message getter");
}

/// <summary>
/// Triggers the runtime check or fault named by argv[1]. "catch-*" modes catch it and print one line; the
/// others leave it unhandled so the runtime's report and exit code can be checked.
/// </summary>
static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int AddChecked(int a, int b) => checked(a + b);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Divide(int a, int b) => a / b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Remainder(long a, long b) => a % b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ReadElement(int[] array, int index) => array[index];

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ReadValue(Node node) => node.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ReadNextValue(Node node) => node.Next.Value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void SetNext(Node node, Node next) => node.Next = next;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static Dog AsDog(Animal animal) => (Dog)animal;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static unsafe int ReadWild() => *(int*)0x100000;   // below the image, above the null page: never mapped

    /// <summary>Runs ud2 from an anonymous executable mapping: the faulting code belongs to no symbol.</summary>
    static unsafe int JumpOutsideImage()
    {
        byte* code = (byte*)Dune.Platform.Linux.Mmap(null, 4096, Dune.Platform.Linux.ProtRead | Dune.Platform.Linux.ProtWrite | Dune.Platform.Linux.ProtExec,
            Dune.Platform.Linux.MapPrivate | Dune.Platform.Linux.MapAnonymous);
        code[0] = 0x0f;
        code[1] = 0x0b;
        return ((delegate* unmanaged<int>)code)();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Recurse(int depth) => depth == int.MaxValue ? 0 : Recurse(depth + 1) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowCustom() => throw new InvalidOperationException("custom failure");

    static int Main()
    {
        // argv[0] is the program; Main(string[]) needs start-up support this runtime does not provide yet.
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "";
        int[] small = new int[3];
        switch (mode)
        {
            case "overflow": return AddChecked(int.MaxValue, 1);
            case "divzero": return Divide(10, args.Length - 2);
            case "bounds": return ReadElement(small, 3);
            case "null": return ReadValue(null);
            case "null-store": SetNext(null, new Node()); return 0;
            case "cast": return AsDog(new Cat()).Sound().Length;
            case "unhandled": ThrowCustom(); return 0;
            case "segv": return ReadWild();
            case "outside-image": return JumpOutsideImage();
            case "stackoverflow": return Recurse(0);
            case "dispatch-fault": throw new BrokenException(null);
            case "dispatch-throw": throw new ThrowingMessageException();
            case "catch-overflow":
                try { AddChecked(int.MaxValue, 1); }
                catch (OverflowException e) { Console.WriteLine("caught OverflowException: " + e.Message); }
                return 0;
            case "catch-divzero":
                int caught = 0;
                for (int i = 0; i < 3; i++)
                {
                    try { Divide(i, args.Length - 2); }
                    catch (DivideByZeroException) { caught++; }
                }
                try { Remainder(5, args.Length - 2); }
                catch (ArithmeticException e) { caught++; Console.WriteLine("caught " + e.GetType().FullName + ": " + e.Message); }
                Console.WriteLine("divzero caught " + caught.ToString() + " times");
                return 0;
            case "catch-bounds":
                try { ReadElement(small, -1); }
                catch (IndexOutOfRangeException e) { Console.WriteLine("caught IndexOutOfRangeException: " + e.Message); }
                return 0;
            case "catch-null":
                int nulls = 0;
                Node head = new Node { Value = 1 };
                for (int i = 0; i < 3; i++)
                {
                    try { ReadNextValue(head); }
                    catch (NullReferenceException) { nulls++; }
                }
                try { SetNext(null, head); }
                catch (NullReferenceException) { nulls++; }
                try { ReadValue(null); }
                catch (NullReferenceException e) { nulls++; Console.WriteLine("caught NullReferenceException: " + e.Message); }
                Console.WriteLine("null caught " + nulls.ToString() + " times");
                return 0;
            case "catch-cast":
                try { AsDog(new Cat()); }
                catch (InvalidCastException e) { Console.WriteLine("caught InvalidCastException: " + e.Message); }
                return 0;
            case "handler-fault":
                try
                {
                    try { ThrowCustom(); }
                    catch (InvalidOperationException) { ReadValue(null); }
                }
                catch (NullReferenceException) { Console.WriteLine("caught fault from a catch handler"); }
                try
                {
                    try { ThrowCustom(); }
                    catch (InvalidOperationException) when (Divide(1, args.Length - 2) == 0) { Console.WriteLine("wrong"); }
                }
                catch (InvalidOperationException e) { Console.WriteLine("faulting filter said no: " + e.Message); }
                return 0;
            case "finally-fault":
                try
                {
                    try { ReadValue(null); }
                    finally { Console.WriteLine("finally ran"); }
                }
                catch (NullReferenceException) { Console.WriteLine("caught after finally"); }
                return 0;
            default:
                Console.WriteLine("usage: faults MODE");
                return 2;
        }
    }
}
