using System;
using System.Collections.Generic;

// Generic virtual methods called through base-class and interface references (GVMLookupForSlot), checked against
// .NET (DifferentialTests). Each case prints one line; a case the runtime does not support would print the
// NotSupportedException message (the known limits are in tests/programs/gvm-limits).

abstract class Shape { public abstract string Describe<T>(T tag); }
class Circle : Shape { public override string Describe<T>(T tag) => "circle:" + tag.ToString(); }
class Square : Shape { public override string Describe<T>(T tag) => "square:" + tag.ToString(); }
class BigSquare : Square { public override string Describe<T>(T tag) => "big" + base.Describe(tag); }
class SmallSquare : Square { }

class Animal { public virtual string Speak<T>(T x) => "animal:" + x.ToString(); }
class Dog : Animal { public override string Speak<T>(T x) => "dog:" + x.ToString(); }
class Puppy : Dog { public override string Speak<T>(T x) => "puppy:" + x.ToString(); }
class Cat : Animal { }

abstract class Combiner { public abstract string Combine<A, B>(A a, B b); }
class Joiner : Combiner { public override string Combine<A, B>(A a, B b) => a.ToString() + "+" + b.ToString(); }
class Swapper : Combiner { public override string Combine<A, B>(A a, B b) => b.ToString() + "+" + a.ToString(); }

interface IFormatter { string Format<T>(T value); }
class Brackets : IFormatter { public string Format<T>(T value) => "[" + value.ToString() + "]"; }
class Braces : IFormatter { public string Format<T>(T value) => "{" + value.ToString() + "}"; }
class FancyBraces : Braces { }
struct Counter : IFormatter { public int Base; public string Format<T>(T value) => (Base + 1).ToString() + ":" + value.ToString(); }

interface IGreeter { string Greet<T>(T who) => "hello " + who.ToString(); }
class Polite : IGreeter { }
class Rude : IGreeter { public string Greet<T>(T who) => "go away " + who.ToString(); }

abstract class Adder { public abstract long Add<T>(T value, long acc); }
class IntAdder : Adder { public override long Add<T>(T value, long acc) => acc + 1; }

abstract class Lister { public abstract int Fill<T>(T value); }
class ListFiller : Lister { public override int Fill<T>(T value) { var l = new List<T>(); l.Add(value); l.Add(value); return l.Count; } }

abstract class Twice { public abstract string First<T>(T v); public abstract string Second<T>(T v); public virtual string Both<T, U>(T t, U u) => "b"; }
class TwiceImpl : Twice { public override string First<T>(T v) => "1" + v.ToString(); public override string Second<T>(T v) => "2" + v.ToString(); }

interface IPair { string Left<T>(T v); string Right<T>(T v); }
class PairImpl : IPair { public string Left<T>(T v) => "L" + v.ToString(); public string Right<T>(T v) => "R" + v.ToString(); }

class Box<X> : Shape { public X Inner; public override string Describe<T>(T tag) => "box(" + Inner.ToString() + "):" + tag.ToString(); }

interface IMapper<X> { string Map<T>(X x, T t); }
class Mapper : IMapper<int> { public string Map<T>(int x, T t) => "m" + x.ToString() + t.ToString(); }
class GenMapper<X> : IMapper<X> { public string Map<T>(X x, T t) => "g" + x.ToString() + t.ToString(); }
class SecondMapper<A, B> : IMapper<B> { public string Map<T>(B x, T t) => "s" + x.ToString() + t.ToString(); }

interface IExplicit { string Show<T>(T t); }
class Explicit : IExplicit { string IExplicit.Show<T>(T t) => "e" + t.ToString(); }

class Named<X> { public X Value; public override string ToString() => "named(" + Value.ToString() + ")"; }
struct Tagged<X> { public X Value; public override string ToString() => "tagged(" + Value.ToString() + ")"; }

class Repo<X> { public virtual string Find<U>(X x, U u) => "repo(" + x.ToString() + "," + u.ToString() + ")"; }
class SpecialRepo<X> : Repo<X> { public override string Find<U>(X x, U u) => "special(" + x.ToString() + "," + u.ToString() + ")"; }
class IntRepo : Repo<int> { public override string Find<U>(int x, U u) => "int(" + (x + 1).ToString() + "," + u.ToString() + ")"; }

interface IProducer<out X> { string Make<U>(U u); }
class StringProducer : IProducer<string> { public string Make<U>(U u) => "produced " + u.ToString(); }

struct Pair<X> { public X First, Second; public override string ToString() => "<" + First.ToString() + "|" + Second.ToString() + ">"; }
abstract class PairMaker { public abstract Pair<X> Make<X>(X a, X b); }
class SwappingMaker : PairMaker { public override Pair<X> Make<X>(X a, X b) => new Pair<X> { First = b, Second = a }; }

abstract class Counter2 { public abstract int Depth<X>(X v, int n); }
class RecursiveCounter : Counter2 { public override int Depth<X>(X v, int n) => n == 0 ? 0 : 1 + Depth(v, n - 1); }
class Mutual : Counter2
{
    public override int Depth<X>(X v, int n) => n <= 0 ? 0 : 1 + Other(v, n - 1);
    public virtual int Other<Y>(Y v, int n) => n <= 0 ? 0 : 10 + Depth(v, n - 1);
}
class Chain : Counter2 { public override int Depth<X>(X v, int n) => n <= 0 ? 0 : 100 + Next.Depth(v, n - 1); public Counter2 Next; }

abstract class Checker { public abstract string Is<X>(object o); }
class TypeChecker : Checker { public override string Is<X>(object o) => o is X ? "yes" : "no"; }

interface IVisitor<R> { R Num(Num n); R Add(Add a); }
abstract class Expr { public abstract R Accept<R>(IVisitor<R> v); }
class Num : Expr { public int Value; public override R Accept<R>(IVisitor<R> v) => v.Num(this); }
class Add : Expr { public Expr Left, Right; public override R Accept<R>(IVisitor<R> v) => v.Add(this); }
class Printer : IVisitor<string>
{
    public string Num(Num n) => n.Value.ToString();
    public string Add(Add a) => "(" + a.Left.Accept(this) + "+" + a.Right.Accept(this) + ")";
}
class Evaluator : IVisitor<int>
{
    public int Num(Num n) => n.Value;
    public int Add(Add a) => a.Left.Accept(this) + a.Right.Accept(this);
}

struct Point { public int X, Y; public override string ToString() => "(" + X.ToString() + "," + Y.ToString() + ")"; }

static class Program
{
    static void Case(string name, Func<string> body)
    {
        try { Console.WriteLine(name + ": " + body()); }
        catch (NotSupportedException e) { Console.WriteLine(name + ": " + e.Message); }
    }

    static string ViaSharedCaller<T>(Shape s, T v) => s.Describe(v);
    static string ViaSharedInterfaceCaller<T>(IFormatter f, T v) => f.Format(v) + f.Format(v.ToString());
    static string ViaSharedGenericCaller<X, U>(Repo<X> r, X x, U u) => r.Find(x, u);

    static int Main()
    {
        Shape[] shapes = { new Circle(), new Square(), new BigSquare(), new SmallSquare() };
        Case("class gvm, value type arg", () => shapes[0].Describe(1) + " " + shapes[1].Describe(2) + " " + shapes[2].Describe(3) + " " + shapes[3].Describe(4));
        Case("class gvm, reference type arg", () => shapes[0].Describe("a") + " " + shapes[1].Describe("b") + " " + shapes[2].Describe("c") + " " + shapes[3].Describe("d"));
        Case("class gvm, struct and long args", () => shapes[0].Describe(new Point { X = 1, Y = 2 }) + " " + shapes[2].Describe(5000000000L));

        Animal[] animals = { new Animal(), new Dog(), new Puppy(), new Cat() };
        string chain = "";
        foreach (Animal a in animals) chain += a.Speak(7) + " " + a.Speak("s") + ";";
        Case("override chain", () => chain);

        Combiner[] combiners = { new Joiner(), new Swapper() };
        Case("two type arguments", () => combiners[0].Combine(1, 'x') + " " + combiners[1].Combine(2, 3L) + " " + combiners[0].Combine("p", "q") + " " + combiners[1].Combine(4, "r"));

        IFormatter[] formatters = { new Brackets(), new Braces(), new FancyBraces(), new Counter { Base = 41 } };
        string formatted = "";
        foreach (IFormatter f in formatters) formatted += f.Format(9) + f.Format("z") + ";";
        Case("interface gvm incl. inherited and struct receivers", () => formatted);

        IGreeter[] greeters = { new Polite(), new Rude() };
        Case("default interface gvm", () => greeters[0].Greet(1) + ", " + greeters[1].Greet("you"));

        Adder adder = new IntAdder();
        Case("loop of 100000 calls", () =>
        {
            long acc = 0;
            for (int i = 0; i < 100000; i++) acc = adder.Add(i, acc) + (adder.Add("s", 0) - 1);
            return acc.ToString();
        });

        Lister lister = new ListFiller();
        Case("value type instantiation using List<T>", () => lister.Fill(3).ToString());
        var names = new List<string>();
        names.Add("n");
        Case("shared code needing a dictionary", () => lister.Fill("x").ToString() + names.Count.ToString());

        Shape[] boxes = { new Box<int> { Inner = 5 }, new Box<string> { Inner = "s" } };
        Case("generic receiver types", () => boxes[0].Describe(1) + boxes[0].Describe("a") + " " + boxes[1].Describe(2) + boxes[1].Describe("b"));
        Case("called from shared generic code", () => ViaSharedCaller(shapes[0], "q") + " " + ViaSharedCaller(boxes[1], 3) + " " + ViaSharedCaller(boxes[0], "r"));
        Case("generic argument types", () => shapes[1].Describe(new Named<int> { Value = 1 }) + " " + shapes[1].Describe(new Tagged<long> { Value = 2 }));

        IMapper<int>[] intMappers = { new Mapper(), new GenMapper<int>() };
        IMapper<string>[] stringMappers = { new GenMapper<string>(), new SecondMapper<int, string>() };
        Case("generic interfaces", () => intMappers[0].Map(1, "x") + intMappers[1].Map(2, 3) + stringMappers[0].Map("k", 4) + stringMappers[1].Map("v", "w"));

        IExplicit explicitImpl = new Explicit();
        Case("explicit interface implementation", () => explicitImpl.Show(1) + explicitImpl.Show("z"));

        Case("shared code with a generic dictionary in a value-type argument", () => shapes[1].Describe(new Tagged<string> { Value = "a" }));

        Twice twice = new TwiceImpl();
        Case("several gvms, told apart by instantiation or arity", () => twice.First(1) + twice.Second("s") + twice.Both(3, 4L));
        Case("several gvms, same instantiation", () => twice.First((short)1) + twice.Second((short)2));
        IPair pair = new PairImpl();
        Case("several interface gvms, told apart by instantiation", () => pair.Left(1L) + pair.Right('c'));
        Case("several interface gvms, same instantiation", () => pair.Left((byte)1) + pair.Right((byte)2));

        Repo<string>[] stringRepos = { new Repo<string>(), new SpecialRepo<string>() };
        Repo<int>[] intRepos = { new Repo<int>(), new SpecialRepo<int>(), new IntRepo() };
        Case("generic methods on generic types", () => stringRepos[0].Find("a", 1) + stringRepos[1].Find("b", "c") + intRepos[0].Find(1, "d") + intRepos[1].Find(2, 3L) + intRepos[2].Find(3, "e") + intRepos[2].Find(4, 'f'));
        Case("generic methods on generic types from shared callers", () => ViaSharedGenericCaller(stringRepos[1], "g", 5) + ViaSharedGenericCaller(intRepos[2], 6, "h") + ViaSharedGenericCaller(stringRepos[0], "i", "j"));
        Case("interface gvm from shared callers", () => ViaSharedInterfaceCaller(formatters[0], 1) + ViaSharedInterfaceCaller(formatters[3], "k"));

        IProducer<object> producer = new StringProducer();
        Case("interface gvm through variance", () => producer.Make(7) + ", " + producer.Make("x"));

        PairMaker maker = new SwappingMaker();
        Case("gvm returning generic structs", () => maker.Make(1, 2).ToString() + maker.Make("a", "b").ToString() + maker.Make(3L, -4L).ToString() + maker.Make(new Point { X = 5, Y = 6 }, default(Point)).ToString());

        Counter2[] counters = { new RecursiveCounter(), new Mutual(), new Chain { Next = new RecursiveCounter() } };
        Case("recursion", () => counters[0].Depth(1, 10).ToString() + " " + counters[0].Depth("s", 20).ToString() + " " + counters[1].Depth(2, 5).ToString() + " " + counters[2].Depth(3, 4).ToString() + " " + counters[2].Depth("t", 4).ToString());

        Checker checker = new TypeChecker();
        Case("casts to the type argument in shared code", () => checker.Is<string>("s") + checker.Is<string>(1) + checker.Is<Shape>(new Circle()) + checker.Is<Shape>("s") + checker.Is<int>(3) + checker.Is<IFormatter>(new Counter()));

        Expr expr = new Add { Left = new Num { Value = 1 }, Right = new Add { Left = new Num { Value = -2 }, Right = new Num { Value = 30 } } };
        Case("visitor", () => expr.Accept(new Printer()) + " = " + expr.Accept(new Evaluator()).ToString());

        Func<int, string> describeInt = shapes[2].Describe<int>;
        Func<string, string> describeString = shapes[1].Describe<string>;
        Case("delegates to gvms", () => describeInt(8) + " " + describeString("u"));
        return 0;
    }
}
