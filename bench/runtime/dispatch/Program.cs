using System;

// Dispatch and cast micro-benchmark: one kind of call or cast per run, chosen by the first argument, repeated
// enough to time from outside (the benchmark script measures the process). Prints a checksum so the work cannot
// be optimized away and both runtimes can be compared for the same answer.

interface IShape { int Area(); }
interface IScaled<out T> { T Scale(); }
sealed class Square : IShape, IScaled<Square> { public int Side = 3; public int Area() => Side * Side; public Square Scale() => this; }
sealed class Rect : IShape { public int W = 2, H = 5; public int Area() => W * H; }
sealed class Tri : IShape { public int B = 4, H = 3; public int Area() => B * H / 2; }
sealed class Dot : IShape { public int Area() => 1; }
abstract class Animal { public abstract int Legs(); public virtual int Visit<T>(T value) => 1; }
sealed class Dog : Animal { public override int Legs() => 4; public override int Visit<T>(T value) => 2; }
sealed class Bird : Animal { public override int Legs() => 2; public override int Visit<T>(T value) => 3; }

static class Program
{
    const int Iterations = 50_000_000;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "all";
        long sum = 0;
        if (mode == "interface-mono" || mode == "all") sum += InterfaceMonomorphic();
        if (mode == "interface-poly" || mode == "all") sum += InterfacePolymorphic();
        if (mode == "virtual" || mode == "all") sum += Virtual();
        if (mode == "gvm" || mode == "all") sum += GenericVirtual();
        if (mode == "cast-interface" || mode == "all") sum += CastToInterface();
        if (mode == "cast-variant" || mode == "all") sum += CastVariant();
        if (mode == "cast-class" || mode == "all") sum += CastToClass();
        Console.WriteLine(mode + " " + sum.ToString());
        return 0;
    }

    static long InterfaceMonomorphic()
    {
        IShape s = new Square();
        long sum = 0;
        for (int i = 0; i < Iterations; i++) sum += s.Area();
        return sum;
    }

    static long InterfacePolymorphic()
    {
        IShape[] shapes = { new Square(), new Rect(), new Tri(), new Dot() };
        long sum = 0;
        for (int i = 0; i < Iterations; i++) sum += shapes[i & 3].Area();
        return sum;
    }

    static long Virtual()
    {
        Animal[] animals = { new Dog(), new Bird() };
        long sum = 0;
        for (int i = 0; i < Iterations; i++) sum += animals[i & 1].Legs();
        return sum;
    }

    static long GenericVirtual()
    {
        Animal[] animals = { new Dog(), new Bird() };
        long sum = 0;
        for (int i = 0; i < Iterations / 4; i++) sum += animals[i & 1].Visit(i) + animals[i & 1].Visit("s");
        return sum;
    }

    static long CastToInterface()
    {
        object[] items = { new Square(), "text", new Rect(), new Dog() };
        long sum = 0;
        for (int i = 0; i < Iterations; i++) if (items[i & 3] is IShape) sum++;
        return sum;
    }

    static long CastVariant()
    {
        object[] items = { new Square(), new Rect() };
        long sum = 0;
        for (int i = 0; i < Iterations; i++) if (items[i & 1] is IScaled<object>) sum++;
        return sum;
    }

    static long CastToClass()
    {
        object[] items = { new Dog(), new Square(), new Bird(), "text" };
        long sum = 0;
        for (int i = 0; i < Iterations; i++) if (items[i & 3] is Animal) sum++;
        return sum;
    }
}
