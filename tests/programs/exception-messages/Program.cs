using System;
using System.Collections.Generic;

namespace Conformance.ExceptionMessages
{
    class MyException : Exception
    {
        public MyException() { }
        public MyException(string message, Exception inner) : base(message, inner) { }
    }

    class Base { }
    class Derived : Base { }

    class BadInit
    {
        public static readonly int Value = Compute();
        static int Compute() => throw new ArgumentException("bad static", "field");
    }

    static class Program
    {
        static void Show(string label, Exception e)
        {
            string param = e is ArgumentException a ? " param=" + (a.ParamName ?? "null") : "";
            Console.WriteLine(label + ": " + e.GetType().FullName + ": " + e.Message + param + " inner=" + (e.InnerException == null ? "none" : e.InnerException.GetType().Name));
        }

        static void Run(string label, Action action)
        {
            try { action(); Console.WriteLine(label + ": no exception"); }
            catch (Exception e) { Show(label, e); }
        }

        static int Zero() => 0;
        static object Boxed(object o) => o;

        static int Main()
        {
            Defaults();
            Arguments();
            RuntimeThrown();
            Formatting();
            Filters();
            return 0;
        }

        static void Defaults()
        {
            Show("Exception", new Exception());
            Show("SystemException", new SystemException());
            Show("InvalidOperationException", new InvalidOperationException());
            Show("NotSupportedException", new NotSupportedException());
            Show("NotImplementedException", new NotImplementedException());
            Show("PlatformNotSupportedException", new PlatformNotSupportedException());
            Show("ArgumentException", new ArgumentException());
            Show("ArgumentNullException", new ArgumentNullException());
            Show("ArgumentOutOfRangeException", new ArgumentOutOfRangeException());
            Show("IndexOutOfRangeException", new IndexOutOfRangeException());
            Show("NullReferenceException", new NullReferenceException());
            Show("InvalidCastException", new InvalidCastException());
            Show("DivideByZeroException", new DivideByZeroException());
            Show("OverflowException", new OverflowException());
            Show("ArithmeticException", new ArithmeticException());
            Show("OutOfMemoryException", new OutOfMemoryException());
            Show("KeyNotFoundException", new KeyNotFoundException());
            Show("FormatException", new FormatException());
            Show("MyException", new MyException());
            Show("ObjectDisposedException", new ObjectDisposedException("thing"));
            Show("custom message", new InvalidOperationException("custom"));
            Show("empty message", new Exception(""));
        }

        static void Arguments()
        {
            Show("arg message", new ArgumentException("bad value"));
            Show("arg message param", new ArgumentException("bad value", "x"));
            Show("arg null message param", new ArgumentException(null, "x"));
            Show("argnull param", new ArgumentNullException("p"));
            Show("argnull param message", new ArgumentNullException("p", "must be set"));
            Show("argrange param", new ArgumentOutOfRangeException("index"));
            Show("argrange param message", new ArgumentOutOfRangeException("index", "too big"));
            Show("argrange actual", new ArgumentOutOfRangeException("count", 42, "way too big"));
            Show("arg inner", new ArgumentException("outer", new Exception("inner")));
            Run("ThrowIfNull", () => ArgumentNullException.ThrowIfNull((object)null));
            string name = null;
            Run("ThrowIfNull named", () => ArgumentNullException.ThrowIfNull(name));
            Run("ThrowIfNullOrEmpty", () => ArgumentException.ThrowIfNullOrEmpty(""));
        }

        static void RuntimeThrown()
        {
            Run("null deref", () => { string s = null; Console.WriteLine(s.Length); });
            Run("divide by zero", () => Console.WriteLine(10 / Zero()));
            Run("modulo by zero", () => Console.WriteLine(10 % Zero()));
            Run("index", () => { int[] a = new int[2]; a[Zero() + 2] = 1; });
            Run("negative index", () => { int[] a = new int[2]; a[Zero() - 1] = 1; });
            Run("cast", () => Console.WriteLine((string)Boxed(new Derived())));
            Run("cast to class", () => Console.WriteLine((Derived)Boxed(new Base())));
            Run("unbox", () => Console.WriteLine((long)Boxed(5)));
            Run("checked add", () => { int x = int.MaxValue; Console.WriteLine(checked(x + Zero() + 1)); });
            Run("checked mul", () => { long x = long.MaxValue; Console.WriteLine(checked(x * (Zero() + 2))); });
            Run("checked neg", () => { int x = int.MinValue + Zero(); Console.WriteLine(checked(-x)); });
            Run("array covariance", () => { object[] a = new string[1]; a[0] = 1; });
            Run("nullable value", () => { int? n = null; Console.WriteLine(n.Value); });
            Run("type initializer", () => Console.WriteLine(BadInit.Value));
            Run("type initializer again", () => Console.WriteLine(BadInit.Value));
            try { Console.WriteLine(BadInit.Value); }
            catch (TypeInitializationException e) { Console.WriteLine("type name: " + e.TypeName + " inner: " + e.InnerException.Message); }
            Run("list index", () => Console.WriteLine(new List<int>()[0]));
            Run("dictionary key", () => Console.WriteLine(new Dictionary<string, int>()["missing"]));
            Run("span slice", () => Console.WriteLine(new Span<int>(new int[3]).Slice(2, 5).Length));
            Run("negative array", () => Console.WriteLine(new int[Zero() - 1].Length));
        }

        static void Formatting()
        {
            Console.WriteLine("tostring: " + new InvalidOperationException("outer").ToString());
            Console.WriteLine("tostring empty: " + new NotSupportedException("").ToString());
            Console.WriteLine("tostring inner: " + new MyException("outer", new ArgumentException("inner", "p")).ToString().Replace("\r", ""));
            Exception e = new MyException("top", new InvalidOperationException("middle", new DivideByZeroException()));
            Console.WriteLine("base: " + e.GetBaseException().GetType().Name + " " + e.InnerException.InnerException.Message);
        }

        static int s_filterCalls;

        static bool Note(bool result) { s_filterCalls++; return result; }

        static void Filters()
        {
            for (int i = 0; i < 4; i++)
            {
                try
                {
                    if (i == 0) throw new ArgumentException("zero");
                    if (i == 1) throw new InvalidOperationException("one");
                    if (i == 2) throw new MyException("two", null);
                    Console.WriteLine("filter: none");
                }
                catch (Exception e) when (Note(e is ArgumentException)) { Console.WriteLine("filter: argument " + e.Message); }
                catch (Exception e) when (Note(e.Message == "one")) { Console.WriteLine("filter: message " + e.Message); }
                catch (MyException e) { Console.WriteLine("filter: typed " + e.Message); }
            }
            Console.WriteLine("filter calls: " + s_filterCalls);
            try
            {
                try { throw new InvalidOperationException("inner"); }
                catch (InvalidOperationException e) when (e.Message == "other") { Console.WriteLine("wrong"); }
                finally { Console.WriteLine("filter: finally runs"); }
            }
            catch (InvalidOperationException e) { Console.WriteLine("filter: outer caught " + e.Message); }
        }
    }
}
