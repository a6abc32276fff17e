using System;

interface IKey { int Id(); int Twice(); }
class K0 : IKey { public int Id() => 0; public int Twice() => 0; }
class K1 : IKey { public int Id() => 1; public int Twice() => 2; }
class K2 : IKey { public int Id() => 2; public int Twice() => 4; }
class K3 : IKey { public int Id() => 3; public int Twice() => 6; }
class K4 : IKey { public int Id() => 4; public int Twice() => 8; }
class K5 : IKey { public int Id() => 5; public int Twice() => 10; }
class K6 : IKey { public int Id() => 6; public int Twice() => 12; }
class K7 : IKey { public int Id() => 7; public int Twice() => 14; }
class K8 : IKey { public int Id() => 8; public int Twice() => 16; }
class K9 : IKey { public int Id() => 9; public int Twice() => 18; }
class K10 : IKey { public int Id() => 10; public int Twice() => 20; }
class K11 : IKey { public int Id() => 11; public int Twice() => 22; }
class K12 : IKey { public int Id() => 12; public int Twice() => 24; }
class K13 : IKey { public int Id() => 13; public int Twice() => 26; }
class K14 : IKey { public int Id() => 14; public int Twice() => 28; }
class K15 : IKey { public int Id() => 15; public int Twice() => 30; }
class K16 : IKey { public int Id() => 16; public int Twice() => 32; }
class K17 : IKey { public int Id() => 17; public int Twice() => 34; }
class K18 : IKey { public int Id() => 18; public int Twice() => 36; }
class K19 : IKey { public int Id() => 19; public int Twice() => 38; }
class K20 : IKey { public int Id() => 20; public int Twice() => 40; }
class K21 : IKey { public int Id() => 21; public int Twice() => 42; }
class K22 : IKey { public int Id() => 22; public int Twice() => 44; }
class K23 : IKey { public int Id() => 23; public int Twice() => 46; }
class K24 : IKey { public int Id() => 24; public int Twice() => 48; }
class K25 : IKey { public int Id() => 25; public int Twice() => 50; }
class K26 : IKey { public int Id() => 26; public int Twice() => 52; }
class K27 : IKey { public int Id() => 27; public int Twice() => 54; }
class K28 : IKey { public int Id() => 28; public int Twice() => 56; }
class K29 : IKey { public int Id() => 29; public int Twice() => 58; }
class K30 : IKey { public int Id() => 30; public int Twice() => 60; }
class K31 : IKey { public int Id() => 31; public int Twice() => 62; }
class K32 : IKey { public int Id() => 32; public int Twice() => 64; }
class K33 : IKey { public int Id() => 33; public int Twice() => 66; }
class K34 : IKey { public int Id() => 34; public int Twice() => 68; }
class K35 : IKey { public int Id() => 35; public int Twice() => 70; }
class K36 : IKey { public int Id() => 36; public int Twice() => 72; }
class K37 : IKey { public int Id() => 37; public int Twice() => 74; }
class K38 : IKey { public int Id() => 38; public int Twice() => 76; }
class K39 : IKey { public int Id() => 39; public int Twice() => 78; }

class Fruit { }
class Apple : Fruit { }

/// <summary>
/// Interface call sites that see more and more types (each cell's cache grows, then overflows into the shared
/// cache), and array stores on each path of the covariance check.
/// </summary>
static class DispatchCaches
{
    public static void Run()
    {
        IKey[] keys = { new K0(), new K1(), new K2(), new K3(), new K4(), new K5(), new K6(), new K7(), new K8(), new K9(), new K10(), new K11(), new K12(), new K13(), new K14(), new K15(), new K16(), new K17(), new K18(), new K19(), new K20(), new K21(), new K22(), new K23(), new K24(), new K25(), new K26(), new K27(), new K28(), new K29(), new K30(), new K31(), new K32(), new K33(), new K34(), new K35(), new K36(), new K37(), new K38(), new K39() };
        long sum = 0;
        string order = "";
        // Round r calls through one site with the first 2^r types (1, 2, 4, ... then all 40), twice over.
        for (int round = 0; round <= 6; round++)
        {
            int seen = Math.Min(1 << round, keys.Length);
            for (int repeat = 0; repeat < 2; repeat++)
                for (int i = 0; i < seen; i++) sum = sum * 31 + Call(keys[i]) + Call(keys[seen - 1 - i]);
            order += seen.ToString() + ":" + Call(keys[seen - 1]).ToString() + " ";
        }
        Console.WriteLine("dispatch caches: " + order + sum.ToString());

        object[] objects = new object[4];
        objects[0] = "text";
        objects[1] = null;
        objects[2] = new Apple();
        Fruit[] fruits = new Apple[2];
        fruits[0] = new Apple();
        fruits[1] = null;
        IKey[] ikeys = new IKey[2];
        ikeys[0] = new K3();
        object[] strings = new string[2];
        strings[0] = "ok";
        Console.WriteLine("array stores: " + objects[0] + (objects[1] == null) + objects[2].GetType().Name + fruits[0].GetType().Name + (fruits[1] == null) + ikeys[0].Id().ToString() + strings[0]);
        Console.WriteLine("store Fruit into Apple[]: " + Mismatch(() => fruits[1] = new Fruit()));
        Console.WriteLine("store int into string[]: " + Mismatch(() => strings[1] = 5));
        Console.WriteLine("store K into string[]: " + Mismatch(() => strings[1] = keys[0]));
    }

    private static int Call(IKey key) => key.Id() + key.Twice();

    private static string Mismatch(Action store)
    {
        try { store(); return "stored"; }
        catch (ArrayTypeMismatchException e) { return "ArrayTypeMismatchException: " + e.Message; }
    }
}
