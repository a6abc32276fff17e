using System;
using System.Collections.Generic;

namespace Conformance.EnumsTypes
{
    enum Color { Red, Green, Blue = 5, Alias = 5 }
    [Flags] enum Perm : byte { None = 0, Read = 1, Write = 2, Exec = 4, ReadWrite = Read | Write, All = 7 }
    [Flags] enum Big : ulong { Low = 1, High = 0x8000000000000000 }
    enum Signed : short { Neg = -2, MinusOne = -1, Zero = 0, Pos = 3 }
    enum Wide : long { Min = long.MinValue, Max = long.MaxValue }
    [Flags] enum NoZero { A = 1, B = 2, C = 8 }
    enum Empty { }

    class Outer
    {
        public class Inner { public class Deeper { } }
        public struct Pair<T> { }
        public enum Mode { On, Off }
    }

    class Box<T> { }
    class Map<K, V> { }
    struct Point { public int X; }
    interface IShape { }

    static class Program
    {
        static int Main()
        {
            TypeNames();
            EnumToString();
            EnumFormats();
            EnumQueries();
            EnumParsing();
            return 0;
        }

        static void Show(Type t) => Console.WriteLine("type " + t.Name + " | " + t.FullName + " | " + t.Namespace + " | " + t.ToString());

        static void TypeNames()
        {
            Show(typeof(int));
            Show(typeof(string));
            Show(typeof(object));
            Show(typeof(bool));
            Show(typeof(char));
            Show(typeof(double));
            Show(typeof(ulong));
            Show(typeof(Color));
            Show(typeof(Outer));
            Show(typeof(Outer.Inner));
            Show(typeof(Outer.Inner.Deeper));
            Show(typeof(Outer.Mode));
            Show(typeof(Point));
            Show(typeof(IShape));
            Show(typeof(int[]));
            Show(typeof(string[][]));
            Show(typeof(Point[]));
            Show(typeof(Exception));
            Show(typeof(InvalidOperationException));
            Show(typeof(Console));
            Console.WriteLine("generic " + typeof(Box<int>).Name + " | " + typeof(Box<int>).ToString() + " | " + typeof(Box<int>).Namespace);
            Console.WriteLine("generic " + typeof(Map<string, Box<long>>).ToString());
            Console.WriteLine("generic " + typeof(Outer.Pair<Color>).ToString() + " | " + typeof(Outer.Pair<Color>).Name);
            Console.WriteLine("generic " + typeof(List<int>).ToString() + " | " + typeof(List<int>).Name + " | " + typeof(List<int>).Namespace);
            Console.WriteLine("generic " + typeof(Dictionary<string, int>).ToString());
            Console.WriteLine("generic " + typeof(Box<int>[]).ToString() + " | " + typeof(Box<int>[]).Name);
            Console.WriteLine("nullable " + typeof(int?).ToString() + " | " + typeof(int?).Name);
            Console.WriteLine("fullname " + typeof(Box<int>).FullName);
            Console.WriteLine("fullname " + typeof(List<Point>).FullName);
            Console.WriteLine("objects " + new Outer().ToString() + " | " + new Box<string>().ToString() + " | " + new object().ToString() + " | " + new Point().ToString());
            Console.WriteLine("gettype " + 42.GetType().Name + " | " + "s".GetType().FullName + " | " + new int[3].GetType().ToString() + " | " + Color.Red.GetType().FullName);
            Console.WriteLine("equal " + (typeof(int) == 5.GetType()) + " " + (typeof(int) == typeof(long)) + " " + (typeof(Box<int>) == new Box<int>().GetType()) + " " + (typeof(Box<int>) == typeof(Box<long>)));
            Console.WriteLine("kinds " + typeof(Color).IsEnum + " " + typeof(int).IsEnum + " " + typeof(Point).IsValueType + " " + typeof(Outer).IsValueType + " " + typeof(int[]).IsArray + " " + typeof(IShape).IsInterface + " " + typeof(Box<int>).IsGenericType + " " + typeof(Outer).IsGenericType);
            Console.WriteLine("element " + typeof(int[]).GetElementType() + " " + typeof(Map<int, string>).GetGenericArguments()[1] + " " + typeof(Outer.Inner).BaseType + " " + typeof(int[]).BaseType + " " + typeof(Color).BaseType + " " + typeof(Point).BaseType + " " + (typeof(IShape).BaseType == null));
        }

        static void EnumToString()
        {
            Console.WriteLine("color " + Color.Red + " " + Color.Green + " " + Color.Blue + " " + (Color)1 + " " + (Color)7 + " " + (Color)(-3));
            Console.WriteLine("perm " + Perm.None + " " + Perm.Read + " " + (Perm.Read | Perm.Exec) + " " + (Perm.Read | Perm.Write) + " " + Perm.All + " " + (Perm)8 + " " + (Perm)9 + " " + (Perm)255);
            Console.WriteLine("big " + Big.Low + " " + Big.High + " " + (Big.Low | Big.High) + " " + (Big)2);
            Console.WriteLine("signed " + Signed.Neg + " " + Signed.MinusOne + " " + Signed.Zero + " " + Signed.Pos + " " + (Signed)(-5) + " " + (Signed)32767);
            Console.WriteLine("wide " + Wide.Min + " " + Wide.Max + " " + (Wide)0);
            Console.WriteLine("nozero " + (NoZero)0 + " " + (NoZero.A | NoZero.C) + " " + (NoZero)4 + " " + (NoZero)11);
            Console.WriteLine("empty " + (Empty)0 + " " + (Empty)3);
            Console.WriteLine("nested " + Outer.Mode.Off);
            object boxed = Perm.Write | Perm.Exec;
            Console.WriteLine("boxed " + boxed + " " + boxed.ToString() + " " + $"{Color.Blue}" + " " + $"{(Perm)6}");
        }

        static void EnumFormats()
        {
            string[] formats = { "G", "g", "D", "d", "X", "x", "F", "f", "", null };
            foreach (string f in formats)
                Console.WriteLine("format '" + f + "': " + Color.Green.ToString(f) + " " + ((Color)9).ToString(f) + " " + (Perm.Read | Perm.Exec).ToString(f) + " " + ((Perm)8).ToString(f)
                    + " " + Signed.Neg.ToString(f) + " " + Wide.Min.ToString(f) + " " + Big.High.ToString(f) + " " + (NoZero.A | NoZero.B).ToString(f) + " " + ((Color)5).ToString(f));
            try { Color.Red.ToString("Q"); Console.WriteLine("format Q: no exception"); }
            catch (Exception e) { Console.WriteLine("format Q: " + e.Message); }
        }

        static void EnumQueries()
        {
            Console.WriteLine("names " + Join(Enum.GetNames<Color>()) + " | " + Join(Enum.GetNames<Signed>()) + " | " + Join(Enum.GetNames<Perm>()) + " | " + Enum.GetNames<Empty>().Length);
            Color[] colors = Enum.GetValues<Color>();
            string values = "";
            foreach (Color c in colors) values += (int)c + "=" + c + ";";
            Console.WriteLine("values " + values);
            string signedValues = "";
            foreach (Signed s in Enum.GetValues<Signed>()) signedValues += (int)s + ";";
            Console.WriteLine("values " + signedValues);
            Console.WriteLine("getname " + Enum.GetName(Color.Green) + " " + (Enum.GetName((Color)9) == null) + " " + Enum.GetName(Color.Alias) + " " + Enum.GetName(Perm.ReadWrite));
            Console.WriteLine("isdefined " + Enum.IsDefined(Color.Blue) + " " + Enum.IsDefined((Color)2) + " " + Enum.IsDefined(Perm.Read | Perm.Write) + " " + Enum.IsDefined(Perm.Read | Perm.Exec) + " " + Enum.IsDefined(Signed.Neg));
            Perm p = Perm.Read | Perm.Write;
            Console.WriteLine("hasflag " + p.HasFlag(Perm.Read) + " " + p.HasFlag(Perm.Exec) + " " + p.HasFlag(Perm.None) + " " + p.HasFlag(Perm.ReadWrite) + " " + Perm.All.HasFlag(p));
            try { p.HasFlag(Color.Red); } catch (ArgumentException e) { Console.WriteLine("hasflag mismatch: " + e.Message); }
        }

        static void EnumParsing()
        {
            string[] inputs = { "Red", "Blue", "blue", " Green ", "1", "5", "42", "-1", "+2", "Purple", "Red,Green", "", "  ", "Alias", "4294967296" };
            foreach (string s in inputs)
            {
                bool ok = Enum.TryParse(s, out Color c);
                bool okIgnore = Enum.TryParse(s, true, out Color ci);
                Console.WriteLine("tryparse '" + s + "' " + ok + " " + c + " " + okIgnore + " " + ci);
            }
            string[] flagInputs = { "Read, Write", "Read,Exec", "read", "7", "Read,", "None", "Exec , Read" };
            foreach (string s in flagInputs)
            {
                bool ok = Enum.TryParse(s, out Perm v);
                Console.WriteLine("tryparse flags '" + s + "' " + ok + " " + v);
            }
            Console.WriteLine("parse " + Enum.Parse<Signed>("-2") + " " + Enum.Parse<Signed>("Pos") + " " + Enum.Parse<Wide>("Max") + " " + Enum.Parse<Big>("High, Low") + " " + Enum.Parse<Color>("GREEN", true));
            Try("parse missing", () => Enum.Parse<Color>("Purple"));
            Try("parse null", () => Enum.Parse<Color>(null));
            Try("parse empty", () => Enum.Parse<Color>(""));
            Try("parse overflow", () => Enum.Parse<Perm>("256"));
            Try("parse overflow short", () => Enum.Parse<Signed>("-40000"));
        }

        static string Join(string[] parts)
        {
            string text = "";
            for (int i = 0; i < parts.Length; i++) text += (i == 0 ? "" : ",") + parts[i];
            return text;
        }

        static void Try(string label, Func<object> action)
        {
            try { Console.WriteLine(label + ": " + action()); }
            catch (Exception e) { Console.WriteLine(label + ": " + e.GetType().Name + ": " + e.Message); }
        }
    }
}
