using System;
using System.Collections.Generic;

class Base { }
class Derived : Base { }

static class Casting
{
    static string Is<T>(object o) => o is T ? "y" : "n";

    public static void Run()
    {
        int? some = 42, none = null;
        object bs = some, bn = none;
        int? back = (int?)bs;
        Console.WriteLine("nullable boxing: " + (bs is int ? "int" : "?") + " " + (bn == null ? "null" : "?") + " " + back.Value.ToString() + " " + (((int?)bn).HasValue ? "?" : "empty"));

        long? nl = 1L << 33; byte? nb = 7; Point? np = new Point { X = 3, Y = 4 };
        object onl = nl, onb = nb, onp = np;
        Console.WriteLine("nullable boxing of long/byte/struct: " + ((long?)onl).Value.ToString() + " " + ((byte?)onb).Value.ToString() + " " + ((Point?)onp).Value.ToString() + " " + (onp is Point ? "Point" : "?"));

        object d = new Derived();
        object strs = new string[] { "a" };
        Console.WriteLine("is/as: " + Is<Base>(d) + Is<Derived>(d) + Is<string>(d) + Is<object[]>(strs) + Is<Base[]>(strs) + ((d as Base) != null ? "y" : "n"));

        IEnumerable<Derived> ds = new List<Derived>();
        object ods = ds;
        Console.WriteLine("variance: " + Is<IEnumerable<Base>>(ods) + Is<IEnumerable<object>>(strs) + Is<IEnumerable<Derived>>(new List<Base>()) + Is<IEnumerable<object>>(new int[1]));

        try
        {
            object notAString = new Derived();
            string s = (string)notAString;
            Console.WriteLine("invalid cast: not thrown " + s);
        }
        catch (InvalidCastException e) { Console.WriteLine("invalid cast: " + e.Message); }

        try
        {
            IShape nothing = null;
            Console.WriteLine("null interface call: not thrown " + nothing.Area().ToString());
        }
        catch (NullReferenceException) { Console.WriteLine("null interface call: NullReferenceException"); }

        Func<object, string> describe = o => "d";
        object fd = describe;
        Console.WriteLine("delegate variance casts: " + Is<Func<string, object>>(fd) + Is<Func<object, object>>(fd) + Is<Func<object, Base>>(fd) + Is<Action<string>>(fd));

        System.Collections.IEnumerable untyped = new int[] { 4, 5 };
        string seen = "";
        foreach (object o in untyped) seen += o.ToString();
        IList<object> covariantList = (IList<object>)strs;
        Console.WriteLine("array interfaces: " + seen + " " + Is<IList<object>>(strs) + Is<IList<string>>(strs) + Is<IList<Base>>(strs) + " " + (string)covariantList[0]);

        object boxed = 5;
        Console.WriteLine("unbox: " + ((int)boxed + 1).ToString() + " " + Is<long>(boxed) + Is<int>(boxed) + Is<IRanked<Score>>(new Score()));
    }
}
