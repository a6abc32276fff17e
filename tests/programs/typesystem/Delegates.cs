using System;

interface IRunner { int Run(Func<int, int> f, int x); }
class Runner : IRunner { public int Run(Func<int, int> f, int x) => f(x) + 1; }
class Runner2 : IRunner { public int Run(Func<int, int> f, int x) => f(f(x)); }

class Counter
{
    public int Count;
    public int Add(int n) { Count += n; return Count; }
    public virtual string Describe() => "counter " + Count.ToString();
}
class LoudCounter : Counter { public override string Describe() => "LOUD " + Count.ToString(); }

struct Adder { public int Base; public int AddTo(int x) => Base + x; }

class Log { public string Text = ""; public void A(string s) { Text += "A" + s; } public void B(string s) { Text += "B" + s; } }

static class Delegates
{
    static int Twice(int x) => 2 * x;

    static Func<int> MakeCounter()
    {
        int n = 0;
        return () => ++n;
    }

    public static void Run()
    {
        Func<int, int> st = Twice;
        Func<int, int> lam = x => x * x;
        int captured = 5;
        Func<int, int> clo = x => x + captured;
        captured = 6;
        Console.WriteLine("static/lambda/closure: " + st(4).ToString() + " " + lam(4).ToString() + " " + clo(4).ToString());

        var c = new Counter();
        Func<int, int> inst = c.Add;
        inst(3); inst(4);
        Func<string> virt = new LoudCounter { Count = 2 }.Describe;
        Console.WriteLine("instance/virtual: " + c.Count.ToString() + " " + virt());

        Func<int> next = MakeCounter();
        next(); next();
        Console.WriteLine("closure state: " + next().ToString());

        IRunner[] rs = { new Runner(), new Runner2() };
        Console.WriteLine("delegate through interface: " + rs[0].Run(lam, 3).ToString() + " " + rs[1].Run(clo, 3).ToString());

        Func<int, int, int> add2 = (a, b) => a + b;
        Action<string> print = s => Console.WriteLine("action: " + s);
        print(add2(20, 22).ToString());

        object boxedAdder = new Adder { Base = 100 };
        Func<int, int> onStruct = ((Adder)boxedAdder).AddTo;
        Console.WriteLine("delegate on struct: " + onStruct(5).ToString());

        Func<object, string> describe = o => o.ToString();
        Func<string, string> contra = describe;
        Console.WriteLine("delegate variance and Target: " + contra("text") + " " + (st.Target == null ? "static" : "?") + " " + (inst.Target == c ? "instance" : "?"));

        var log = new Log();
        Action<string> multi = log.A;
        multi += log.B;
        multi += log.A;
        multi("1");
        multi -= log.A;
        multi("2");
        Func<int, int> lastWins = Twice;
        lastWins += x => x + 1000;
        Console.WriteLine("multicast: " + log.Text + " " + multi.GetInvocationList().Length.ToString() + " " + lastWins(1).ToString());
    }
}
