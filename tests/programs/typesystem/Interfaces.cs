using System;

interface IShape { int Area(); string Name() => "shape"; }
class Square : IShape { public int S; public int Area() => S * S; }
class Rect : IShape { public int W, H; public int Area() => W * H; public string Name() => "rect"; }
class Tri : IShape { public int B, H; public int Area() => B * H / 2; public string Name() => "tri"; }
class Dot : IShape { public int Area() => 0; }
class BigSquare : Square { public new int Area() => 1000; }

interface IBox<T> { T Get(); void Set(T value); }
class Box<T> : IBox<T> { private T _v; public T Get() => _v; public void Set(T value) { _v = value; } }
class IntBox : IBox<int> { int _v; public int Get() => _v * 10; public void Set(int value) { _v = value; } }

interface IAnimal { string Speak(); }
abstract class Animal : IAnimal { public virtual string Speak() => "..."; }
class Dog : Animal { public override string Speak() => "woof"; }
class Puppy : Dog { public override string Speak() => "yip"; }

interface IA { string Who() => "IA"; }
interface IB : IA { string IA.Who() => "IB"; }
class C : IB { }

interface IFloaty { double Scale(double x, float y, int z); }
class Floaty : IFloaty { public double Factor = 2; public double Scale(double x, float y, int z) => x * Factor + y + z; }
class Floaty2 : IFloaty { public double Scale(double x, float y, int z) => x - y - z; }

static class Interfaces
{
    public static void Run()
    {
        IShape[] shapes = { new Square { S = 3 }, new Rect { W = 2, H = 5 }, new Tri { B = 4, H = 3 }, new Dot(), new BigSquare { S = 4 } };
        string line = "";
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < shapes.Length; i++)
                if (round == 2) line += shapes[i].Name() + "=" + shapes[i].Area().ToString() + " ";
        Console.WriteLine("interface dispatch: " + line);

        IBox<string> bs = new Box<string>();
        bs.Set("hi");
        IBox<int>[] bi = { new Box<int>(), new IntBox() };
        bi[0].Set(7); bi[1].Set(7);
        Console.WriteLine("generic interface: " + bs.Get() + " " + bi[0].Get().ToString() + " " + bi[1].Get().ToString());

        IAnimal[] animals = { new Dog(), new Puppy() };
        Console.WriteLine("interface via base virtual: " + animals[0].Speak() + " " + animals[1].Speak());

        IA a = new C();
        Console.WriteLine("default method override in derived interface: " + a.Who());

        System.Collections.Generic.IEnumerable<Animal> zoo = new System.Collections.Generic.List<Dog> { new Dog(), new Puppy() };
        System.Collections.Generic.IEnumerable<object> words = new string[] { "x", "yz" };
        string heard = "";
        foreach (Animal an in zoo) heard += an.Speak();
        foreach (object w in words) heard += w;
        Console.WriteLine("variant interface dispatch: " + heard);

        IFloaty[] fs = { new Floaty(), new Floaty2() };
        Console.WriteLine("float args through stub: " + ((int)fs[0].Scale(1.5, 0.5f, 2)).ToString() + " " + ((int)fs[1].Scale(10, 2.5f, 3)).ToString());
    }
}
