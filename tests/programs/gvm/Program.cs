using System;
using System.Collections.Generic;

// Generic virtual methods called through base-class and interface references (GVMLookupForSlot). Each case prints
// one line; a case the runtime does not support prints the NotSupportedException message.

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

abstract class Twice { public abstract string First<T>(T v); public abstract string Second<T>(T v); }
class TwiceImpl : Twice { public override string First<T>(T v) => "1"; public override string Second<T>(T v) => "2"; }

struct Point { public int X, Y; public override string ToString() => "(" + X.ToString() + "," + Y.ToString() + ")"; }

static class Program
{
    static void Case(string name, Func<string> body)
    {
        try { Console.WriteLine(name + ": " + body()); }
        catch (NotSupportedException e) { Console.WriteLine(name + ": " + e.Message); }
    }

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
        Case("shared code needing a dictionary", () => lister.Fill("x").ToString());

        Twice twice = new TwiceImpl();
        Case("two gvms on one type", () => twice.First(1) + twice.Second(2));
        return 0;
    }
}
