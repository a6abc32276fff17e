using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Spans, BinaryPrimitives, BitOperations, MemoryMarshal, NativeMemory, Buffer, BitConverter and Unsafe:
// one line per case, compared with .NET's output.
static unsafe class Program
{
    static ulong s_state = 0x9E3779B97F4A7C15UL;

    static ulong Next()
    {
        s_state ^= s_state << 13; s_state ^= s_state >> 7; s_state ^= s_state << 17;
        return s_state;
    }

    static string Hex(ReadOnlySpan<byte> bytes)
    {
        string s = "";
        const string digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++) s += digits[bytes[i] >> 4].ToString() + digits[bytes[i] & 15].ToString();
        return s;
    }

    static string Ints(ReadOnlySpan<int> values)
    {
        string s = "[";
        for (int i = 0; i < values.Length; i++) s += (i == 0 ? "" : ",") + values[i].ToString();
        return s + "]";
    }

    static void Line(string name, string value) => Console.WriteLine(name + ": " + value);

    static int Main()
    {
        BitOps();
        Binary();
        Marshal();
        Native();
        Buffers();
        Converter();
        UnsafeOps();
        SpanMethods();
        CharSpans();
        MultiDimensional();
        return 0;
    }

    static void BitOps()
    {
        ulong[] specials = { 0, 1, 2, 3, 0x80, 0xFFFFFFFF, 0x100000000, 0x8000000000000000, ulong.MaxValue, 0x7FFFFFFFFFFFFFFF, 12345678901234567 };
        for (int i = 0; i < specials.Length + 40; i++)
        {
            ulong v = i < specials.Length ? specials[i] : Next() >> (int)(Next() % 64);
            uint w = (uint)v;
            Line("bits64 " + v.ToString("x"), BitOperations.PopCount(v) + " " + BitOperations.LeadingZeroCount(v) + " " +
                BitOperations.TrailingZeroCount(v) + " " + BitOperations.Log2(v) + " " + BitOperations.IsPow2(v) + " " +
                BitOperations.RoundUpToPowerOf2(v).ToString("x") + " " + BitOperations.RotateLeft(v, i % 70).ToString("x") + " " +
                BitOperations.RotateRight(v, i % 70).ToString("x"));
            Line("bits32 " + w.ToString("x"), BitOperations.PopCount(w) + " " + BitOperations.LeadingZeroCount(w) + " " +
                BitOperations.TrailingZeroCount(w) + " " + BitOperations.Log2(w) + " " + BitOperations.IsPow2(w) + " " +
                BitOperations.RoundUpToPowerOf2(w).ToString("x") + " " + BitOperations.RotateLeft(w, i % 40).ToString("x") + " " +
                BitOperations.RotateRight(w, i % 40).ToString("x") + " " + BitOperations.TrailingZeroCount((int)w) + " " + BitOperations.IsPow2((int)w));
        }
        Line("ispow2 long", BitOperations.IsPow2(long.MinValue) + " " + BitOperations.IsPow2(1L << 40) + " " + BitOperations.IsPow2(-4L));
    }

    static void Binary()
    {
        Span<byte> buf = stackalloc byte[16];
        for (int i = 0; i < 20; i++)
        {
            ulong v = Next();
            buf.Clear();
            BinaryPrimitives.WriteInt16LittleEndian(buf, (short)v);
            BinaryPrimitives.WriteUInt16BigEndian(buf.Slice(2), (ushort)(v >> 16));
            BinaryPrimitives.WriteInt32BigEndian(buf.Slice(4), (int)(v >> 8));
            BinaryPrimitives.WriteUInt64LittleEndian(buf.Slice(8), v);
            Line("binary write " + i, Hex(buf));
            Line("binary read " + i, BinaryPrimitives.ReadInt16BigEndian(buf) + " " + BinaryPrimitives.ReadUInt16LittleEndian(buf.Slice(1)) + " " +
                BinaryPrimitives.ReadInt32LittleEndian(buf.Slice(3)) + " " + BinaryPrimitives.ReadUInt32BigEndian(buf.Slice(5)) + " " +
                BinaryPrimitives.ReadInt64BigEndian(buf.Slice(8)) + " " + BinaryPrimitives.ReadUInt64LittleEndian(buf.Slice(7, 8)) + " " +
                BinaryPrimitives.ReverseEndianness((int)v) + " " + BinaryPrimitives.ReverseEndianness(v) + " " +
                BinaryPrimitives.ReverseEndianness((ushort)v) + " " + BinaryPrimitives.ReverseEndianness((short)v) + " " + BinaryPrimitives.ReverseEndianness((long)v));
            BinaryPrimitives.WriteDoubleBigEndian(buf, BitConverter.Int64BitsToDouble((long)v));
            BinaryPrimitives.WriteSingleLittleEndian(buf.Slice(8), BitConverter.Int32BitsToSingle((int)v));
            Line("binary float " + i, Hex(buf.Slice(0, 12)) + " " + BitConverter.DoubleToInt64Bits(BinaryPrimitives.ReadDoubleBigEndian(buf)).ToString("x16") + " " +
                BitConverter.SingleToInt32Bits(BinaryPrimitives.ReadSingleLittleEndian(buf.Slice(8))).ToString("x8"));
        }
        Line("binary try", BinaryPrimitives.TryReadInt32LittleEndian(buf.Slice(13), out int r1) + " " + r1 + " " +
            BinaryPrimitives.TryWriteInt64BigEndian(buf.Slice(9), 5) + " " + BinaryPrimitives.TryWriteInt64BigEndian(buf.Slice(8), 0x0102030405060708) + " " + Hex(buf));
        try { BinaryPrimitives.ReadInt64LittleEndian(buf.Slice(10)); Line("binary short", "no exception"); }
        catch (ArgumentOutOfRangeException) { Line("binary short", "ArgumentOutOfRangeException"); }
    }

    struct Pair { public int A; public short B; public byte C; }

    static void Marshal()
    {
        int[] ints = { 1, -2, 0x01020304, int.MaxValue, int.MinValue };
        Span<byte> bytes = MemoryMarshal.AsBytes(ints.AsSpan());
        Line("asbytes", bytes.Length + " " + Hex(bytes));
        Span<short> shorts = MemoryMarshal.Cast<int, short>(ints.AsSpan());
        shorts[1] = 7;
        Line("cast", shorts.Length + " " + shorts[0] + " " + shorts[5] + " " + ints[0]);
        Span<long> longs = MemoryMarshal.Cast<int, long>(ints.AsSpan());
        Line("cast long", longs.Length + " " + longs[1].ToString("x"));
        ReadOnlySpan<byte> ro = bytes;
        Line("read", MemoryMarshal.Read<int>(ro.Slice(8)).ToString("x") + " " + MemoryMarshal.Read<long>(ro.Slice(3)).ToString("x") + " " + MemoryMarshal.Read<ushort>(ro.Slice(1)));
        Line("tryread", MemoryMarshal.TryRead(ro.Slice(17), out int t1) + " " + t1 + " " + MemoryMarshal.TryRead(ro.Slice(16), out int t2) + " " + t2);
        MemoryMarshal.Write(bytes.Slice(2), 0x7766554433221100L);
        Line("write", Hex(bytes) + " " + MemoryMarshal.TryWrite(bytes.Slice(18), 1L) + " " + MemoryMarshal.TryWrite(bytes.Slice(12), 0x55AA55AA55AA55AAL) + " " + Hex(bytes));
        Pair p = new Pair { A = 0x11223344, B = -1, C = 9 };
        Span<Pair> ps = MemoryMarshal.CreateSpan(ref p, 1);
        ps[0].C = 200;
        Line("createspan", ps.Length + " " + p.C + " " + Unsafe.SizeOf<Pair>() + " " + MemoryMarshal.AsBytes(ps).Length);
        ref int first = ref MemoryMarshal.GetReference(ints.AsSpan());
        first = 42;
        ref int arr0 = ref MemoryMarshal.GetArrayDataReference(ints);
        Line("getreference", ints[0] + " " + Unsafe.AreSame(ref first, ref arr0) + " " + Unsafe.Add(ref arr0, 3));
        ReadOnlySpan<char> chars = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference("hello".AsSpan()), 3);
        Line("createreadonlyspan", chars.ToString());
        try { MemoryMarshal.Read<long>(ro.Slice(15)); Line("read short", "no exception"); }
        catch (ArgumentOutOfRangeException) { Line("read short", "ArgumentOutOfRangeException"); }
    }

    static void Native()
    {
        byte* a = (byte*)NativeMemory.Alloc(100);
        for (int i = 0; i < 100; i++) a[i] = (byte)i;
        byte* z = (byte*)NativeMemory.AllocZeroed(64, 8);
        int zsum = 0;
        for (int i = 0; i < 512; i++) zsum += z[i];
        a = (byte*)NativeMemory.Realloc(a, 100000);
        int sum = 0;
        for (int i = 0; i < 100; i++) sum += a[i];
        for (int i = 100; i < 100000; i++) a[i] = (byte)(i * 7);
        a = (byte*)NativeMemory.Realloc(a, 50);
        int sum2 = 0;
        for (int i = 0; i < 50; i++) sum2 += a[i];
        Line("native", zsum + " " + sum + " " + sum2);
        NativeMemory.Free(a);
        NativeMemory.Free(z);
        NativeMemory.Free(null);
        int aligned = 0;
        for (int k = 0; k < 12; k++)
        {
            nuint alignment = (nuint)1 << k;
            byte* p = (byte*)NativeMemory.AlignedAlloc((nuint)(k * 37 + 1), alignment);
            if (((nuint)p & (alignment - 1)) == 0) aligned++;
            p[0] = 1; p[k * 37] = 2;
            p = (byte*)NativeMemory.AlignedRealloc(p, (nuint)(k * 100 + 10), alignment);
            if (((nuint)p & (alignment - 1)) == 0 && p[0] == 1) aligned++;
            NativeMemory.AlignedFree(p);
        }
        Line("aligned", aligned.ToString());
        try { NativeMemory.AlignedAlloc(8, 3); Line("aligned 3", "no exception"); }
        catch (ArgumentException e) { Line("aligned 3", e.Message); }
        // Churn: many blocks of many sizes, freed in a different order, contents checked.
        byte*[] blocks = new byte*[300];
        int bad = 0;
        for (int round = 0; round < 4; round++)
        {
            for (int i = 0; i < blocks.Length; i++)
            {
                int size = (int)(Next() % 5000) + 1;
                blocks[i] = (byte*)NativeMemory.Alloc((nuint)size);
                blocks[i][0] = (byte)i; blocks[i][size - 1] = (byte)(i + 1);
                *(int*)&blocks[i][size > 8 ? 4 : 0] = size > 8 ? size : 0;
            }
            for (int i = 0; i < blocks.Length; i += 2) { if (blocks[i][0] != (byte)i) bad++; NativeMemory.Free(blocks[i]); }
            for (int i = 1; i < blocks.Length; i += 2) { if (blocks[i][0] != (byte)i) bad++; NativeMemory.Free(blocks[i]); }
        }
        Line("native churn", bad.ToString());
    }

    static void Buffers()
    {
        int[] src = { 1, 2, 3, 4, 5 };
        short[] dst = new short[12];
        Buffer.BlockCopy(src, 2, dst, 4, 12);
        string s = "";
        foreach (short v in dst) s += v + ",";
        Line("blockcopy", s + " " + Buffer.ByteLength(src) + " " + Buffer.ByteLength(dst) + " " + Buffer.GetByte(src, 4));
        Buffer.SetByte(src, 5, 1);
        Line("setbyte", src[1].ToString());
        Buffer.BlockCopy(src, 0, src, 4, 12);
        Line("blockcopy overlap", Ints(src));
        try { Buffer.BlockCopy(src, 0, dst, 20, 8); Line("blockcopy range", "no exception"); }
        catch (ArgumentException e) { Line("blockcopy range", e.Message); }
        try { Buffer.BlockCopy(src, -1, dst, 0, 1); Line("blockcopy negative", "no exception"); }
        catch (ArgumentOutOfRangeException e) { Line("blockcopy negative", e.Message); }
        try { Buffer.BlockCopy(new string[1], 0, dst, 0, 1); Line("blockcopy strings", "no exception"); }
        catch (ArgumentException e) { Line("blockcopy strings", e.Message); }
        long* from = stackalloc long[4] { 1, 2, 3, 4 };
        long* to = stackalloc long[4];
        Buffer.MemoryCopy(from, to, 32, 24);
        Line("memorycopy", to[0] + " " + to[1] + " " + to[2] + " " + to[3]);
        Buffer.MemoryCopy(from, from + 1, 24L, 24L);
        Line("memorycopy overlap", from[0] + " " + from[1] + " " + from[2] + " " + from[3]);
        try { Buffer.MemoryCopy(from, to, 8, 16); Line("memorycopy short", "no exception"); }
        catch (ArgumentOutOfRangeException e) { Line("memorycopy short", e.Message); }
    }

    static void Converter()
    {
        Line("getbytes", Hex(BitConverter.GetBytes(0x01020304)) + " " + Hex(BitConverter.GetBytes((short)-2)) + " " + Hex(BitConverter.GetBytes(long.MinValue)) + " " +
            Hex(BitConverter.GetBytes(1.5)) + " " + Hex(BitConverter.GetBytes(-0.25f)) + " " + Hex(BitConverter.GetBytes(true)) + " " + Hex(BitConverter.GetBytes('A')) + " " +
            Hex(BitConverter.GetBytes((ushort)65535)) + " " + Hex(BitConverter.GetBytes(uint.MaxValue)) + " " + Hex(BitConverter.GetBytes(ulong.MaxValue)));
        byte[] b = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF };
        Line("tovalues", BitConverter.ToInt32(b, 1) + " " + BitConverter.ToInt16(b, 8) + " " + BitConverter.ToUInt16(b, 8) + " " + BitConverter.ToInt64(b, 2) + " " +
            BitConverter.ToUInt32(b, 6) + " " + BitConverter.ToUInt64(b, 0) + " " + BitConverter.ToBoolean(b, 9) + " " + (int)BitConverter.ToChar(b, 0) + " " +
            BitConverter.ToInt32(new ReadOnlySpan<byte>(b, 3, 4)) + " " + BitConverter.DoubleToInt64Bits(BitConverter.ToDouble(b, 1)).ToString("x") + " " +
            BitConverter.SingleToInt32Bits(BitConverter.ToSingle(b, 5)).ToString("x"));
        Line("bits", BitConverter.DoubleToInt64Bits(-0.0).ToString("x") + " " + BitConverter.DoubleToUInt64Bits(1.0).ToString("x") + " " +
            BitConverter.SingleToInt32Bits(float.NegativeInfinity).ToString("x") + " " + BitConverter.SingleToUInt32Bits(float.Epsilon) + " " +
            BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(0x7FF0000000000001)).ToString("x") + " " + BitConverter.IsLittleEndian);
        try { BitConverter.ToInt32(b, 8); Line("toint32 end", "no exception"); }
        catch (ArgumentException e) { Line("toint32 end", e.Message); }
        try { BitConverter.ToInt32(b, 10); Line("toint32 past", "no exception"); }
        catch (ArgumentOutOfRangeException e) { Line("toint32 past", e.Message); }
        Span<byte> dst = stackalloc byte[8];
        Line("trywritebytes", BitConverter.TryWriteBytes(dst, 0x11223344) + " " + BitConverter.TryWriteBytes(dst.Slice(4), 1L) + " " + Hex(dst));
    }

    static void UnsafeOps()
    {
        byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        ref byte d0 = ref data[0];
        Line("unaligned", Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref d0, 1)).ToString("x") + " " + Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref d0, 3)).ToString("x"));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref d0, 5), (short)-1);
        fixed (byte* p = data)
        {
            Unsafe.WriteUnaligned(p + 9, (ushort)0x4142);
            Line("unaligned ptr", Unsafe.ReadUnaligned<uint>(p + 7).ToString("x") + " " + Hex(data));
        }
        ref byte last = ref Unsafe.Add(ref d0, 11);
        Line("refs", Unsafe.ByteOffset(ref d0, ref last) + " " + Unsafe.IsAddressLessThan(ref d0, ref last) + " " + Unsafe.IsAddressGreaterThan(ref d0, ref last) + " " +
            Unsafe.Subtract(ref last, 2) + " " + Unsafe.AreSame(ref Unsafe.Subtract(ref last, 11), ref d0) + " " + Unsafe.SizeOf<long>() + " " + Unsafe.SizeOf<Pair>() + " " +
            Unsafe.IsNullRef(ref Unsafe.NullRef<int>()) + " " + Unsafe.IsNullRef(ref d0));
        int i32 = 0x01020304;
        Line("as", Unsafe.As<int, byte>(ref i32) + " " + BitConverter.SingleToInt32Bits(Unsafe.BitCast<int, float>(0x3F800000)).ToString("x") + " " + Unsafe.BitCast<double, long>(2.0).ToString("x"));
        Unsafe.InitBlock(ref data[0], 0xAB, 3);
        Unsafe.CopyBlock(ref data[6], ref data[0], 4);
        Line("blocks", Hex(data));
    }

    static void SpanMethods()
    {
        int[] values = new int[40];
        for (int i = 0; i < values.Length; i++) values[i] = (int)(Next() % 10);
        Span<int> span = values;
        Line("span", Ints(span));
        for (int v = 0; v < 11; v++)
            Line("indexof " + v, span.IndexOf(v) + " " + span.LastIndexOf(v) + " " + span.Contains(v) + " " + span.IndexOfAny(v, v + 1) + " " +
                span.IndexOfAny(v, 10, v + 2) + " " + span.LastIndexOfAny(v, 3) + " " + ((ReadOnlySpan<int>)span).Count(v) + " " + ((ReadOnlySpan<int>)span).IndexOfAnyExcept(v));
        ReadOnlySpan<int> ro = span;
        Line("subsequence", ro.IndexOf(ro.Slice(10, 3)) + " " + ro.LastIndexOf(ro.Slice(2, 2)) + " " + ro.IndexOf(new int[] { 11, 12 }) + " " + ro.IndexOf(ReadOnlySpan<int>.Empty) +
            " " + ro.LastIndexOf(ReadOnlySpan<int>.Empty) + " " + ro.IndexOfAny(new int[] { 9, 8 }) + " " + ro.LastIndexOfAny(new int[] { 1, 2 }));
        Line("sequence", ro.SequenceEqual(values) + " " + ro.Slice(1).SequenceEqual(ro.Slice(0, 39)) + " " + ro.StartsWith(ro.Slice(0, 5)) + " " + ro.EndsWith(ro.Slice(35)) +
            " " + ro.StartsWith(ro.Slice(1, 5)) + " " + ro.EndsWith(ro.Slice(0, 5)) + " " + ro.StartsWith(values[0]) + " " + ro.EndsWith(-1));
        int[] copy = ro.ToArray();
        Span<int> cs = copy;
        cs.Slice(0, 10).CopyTo(cs.Slice(5));
        Line("copyto overlap up", Ints(cs));
        cs.Slice(20, 15).CopyTo(cs.Slice(18));
        Line("copyto overlap down", Ints(cs));
        Line("trycopyto", cs.TryCopyTo(new int[39]) + " " + cs.Slice(0, 3).TryCopyTo(new int[3]));
        try { cs.CopyTo(new int[3]); Line("copyto short", "no exception"); }
        catch (ArgumentException e) { Line("copyto short", e.Message); }
        cs.Slice(3, 4).Fill(-7);
        cs.Slice(30).Clear();
        cs.Slice(10, 7).Reverse();
        Line("fill clear reverse", Ints(cs));
        cs.Replace(-7, 77);
        Line("replace", Ints(cs) + " " + cs.Trim(0).Length + " " + cs.TrimStart(cs[0]).Length + " " + cs.TrimEnd(0).Length);
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(Next() % 50);
        ReadOnlySpan<byte> bs = bytes;
        string found = "";
        for (int v = 0; v < 52; v += 3) found += bs.IndexOf((byte)v) + "/" + bs.LastIndexOf((byte)v) + " ";
        Line("byte indexof", found);
        byte[] other = bs.ToArray();
        Line("byte sequence", bs.SequenceEqual(other) + " " + bs.SequenceCompareTo(other) + " " + bs.Slice(0, 100).SequenceCompareTo(other) + " " + bs.SequenceCompareTo(bs.Slice(0, 199)));
        other[150]++;
        Line("byte differ", bs.SequenceEqual(other) + " " + bs.SequenceCompareTo(other) + " " + ((ReadOnlySpan<byte>)other).SequenceCompareTo(bs) + " " + bs.IndexOf(bs.Slice(120, 4)));
        Span<byte> fillb = stackalloc byte[37];
        fillb.Fill(0x5A);
        fillb.Slice(3, 5).Clear();
        Line("byte fill", Hex(fillb));
        string[] strs = { "a", "b", null, "c", "b" };
        Span<string> ss = strs;
        Line("strings", ss.IndexOf("b") + " " + ss.LastIndexOf("b") + " " + ss.IndexOf((string)null) + " " + ss.Contains("z") + " " + ss.ToArray().Length);
        ss.Slice(0, 3).CopyTo(ss.Slice(2));
        ss.Reverse();
        string joined = "";
        foreach (string s in ss) joined += (s ?? "null") + ",";
        Line("strings moved", joined);
        int n = 0;
        foreach (ref int v in cs) { v += n; n++; }
        Line("enumerator", Ints(cs) + " " + n);
        Line("span equality", (cs == cs) + " " + (cs == cs.Slice(0)) + " " + (cs == cs.Slice(1)) + " " + (cs.Slice(0, 3) != cs.Slice(0, 4)) + " " + Span<int>.Empty.IsEmpty);
        try { cs.Slice(41); Line("slice past end", "no exception"); }
        catch (ArgumentOutOfRangeException) { Line("slice past end", "ArgumentOutOfRangeException"); }
        try { Line("index past end", cs[40].ToString()); }
        catch (IndexOutOfRangeException e) { Line("index past end", e.Message); }
        Line("span tostring", cs.ToString() + " " + ro.ToString());
    }

    static void MultiDimensional()
    {
        int[,] grid = new int[3, 5];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) grid[i, j] = i * 100 + j;
        Line("md int", grid.Rank + " " + grid.Length + " " + grid.GetLength(0) + " " + grid.GetLength(1) + " " + grid.GetUpperBound(1) + " " + grid.GetLowerBound(0) + " " + grid[2, 4] + " " + grid.LongLength);
        int sum = 0, count = 0;
        foreach (int v in grid) { sum += v * ++count; }
        Line("md foreach", sum + " " + count);
        double[,,] cube = new double[2, 3, 4];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) cube[i, j, k] = i + j * 0.5 + k * 0.25;
        cube[1, 2, 3] += 10;
        ref double corner = ref cube[0, 0, 0];
        corner = -1;
        Line("md double", cube.Rank + " " + cube.Length + " " + cube.GetLength(2) + " " + BitConverter.DoubleToInt64Bits(cube[1, 2, 3]).ToString("x") + " " + BitConverter.DoubleToInt64Bits(cube[0, 0, 0]).ToString("x"));
        string[,] names = new string[2, 2];
        names[0, 1] = "b"; names[1, 0] = "c";
        string joined = "";
        foreach (string n in names) joined += (n ?? "-") + ",";
        Line("md strings", joined + " " + (names[1, 1] == null));
        object[,] objects = new string[1, 2];
        try { objects[0, 0] = 5; Line("md covariance", "no exception"); }
        catch (ArrayTypeMismatchException e) { Line("md covariance", e.Message); }
        int[,] init = { { 1, 2, 3 }, { 4, 5, 6 } };
        Line("md initializer", init[1, 2] + " " + init.GetLength(0) + "x" + init.GetLength(1));
        try { Line("md out of range", grid[3, 0].ToString()); }
        catch (IndexOutOfRangeException e) { Line("md out of range", e.Message); }
        try { Line("md negative", grid[0, -1].ToString()); }
        catch (IndexOutOfRangeException e) { Line("md negative", e.Message); }
        try { grid.GetLength(2); Line("md dimension", "no exception"); }
        catch (IndexOutOfRangeException e) { Line("md dimension", e.Message); }
        int[,] copy = new int[3, 5];
        Array.Copy(grid, copy, 15);
        Array.Clear(grid);
        Line("md copy clear", copy[2, 3] + " " + grid[2, 3] + " " + copy.Length);
        long[,] big = new long[100, 100];
        big[99, 99] = long.MaxValue;
        Line("md big", big[99, 99] + " " + big.Length);
        int[,] empty = new int[0, 7];
        Line("md empty", empty.Length + " " + empty.GetLength(1));
        int rows = -1;
        try { int[,] bad = new int[rows, 2]; Line("md negative size", bad.Length.ToString()); }
        catch (OverflowException e) { Line("md negative size", e.Message); }
        Pair[,] pairs = new Pair[2, 2];
        pairs[1, 1].A = 7; pairs[1, 1].C = 3;
        Line("md structs", pairs[1, 1].A + " " + pairs[1, 1].C + " " + pairs[0, 0].A);
    }

    static void CharSpans()
    {
        string text = "  \t hello, span world \r\n";
        ReadOnlySpan<char> s = text.AsSpan();
        Line("trim", "[" + s.Trim().ToString() + "] [" + s.TrimStart().ToString() + "] [" + s.TrimEnd().ToString() + "] " + s.IsWhiteSpace() + " " + "  \u3000\u2029".AsSpan().IsWhiteSpace());
        ReadOnlySpan<char> t = s.Trim();
        Line("char search", t.IndexOf('o') + " " + t.LastIndexOf('o') + " " + t.IndexOf("span".AsSpan()) + " " + t.IndexOf("world!".AsSpan()) + " " + t.IndexOfAny('w', ',') + " " +
            t.IndexOfAny(" ,".AsSpan()) + " " + t.Contains('z') + " " + t.StartsWith("hello".AsSpan()) + " " + t.EndsWith("world".AsSpan()) + " " + t.LastIndexOf("l".AsSpan()));
        Line("char trim", "[" + "xxabcxx".AsSpan().Trim('x').ToString() + "] [" + "xxabcxx".AsSpan().TrimStart('x').ToString() + "] [" + "xxabcxx".AsSpan().TrimEnd('x').ToString() + "]");
        Line("char compare", "abc".AsSpan().SequenceCompareTo("abd".AsSpan()) + " " + "abc".AsSpan().SequenceCompareTo("ab".AsSpan()) + " " + "".AsSpan().SequenceCompareTo("a".AsSpan()) + " " +
            "b".AsSpan().SequenceCompareTo("a".AsSpan()) + " " + "abc".AsSpan().SequenceEqual("abc".AsSpan()));
        Line("aspan ranges", "[" + "abcdef".AsSpan(2).ToString() + "] [" + "abcdef".AsSpan(1, 3).ToString() + "] [" + "abcdef".AsSpan(6).ToString() + "] " + ((string)null).AsSpan().Length);
        try { "abc".AsSpan(4); Line("aspan past end", "no exception"); }
        catch (ArgumentOutOfRangeException) { Line("aspan past end", "ArgumentOutOfRangeException"); }
        string longText = "";
        for (int i = 0; i < 50; i++) longText += (char)('a' + i % 26);
        ReadOnlySpan<char> lt = longText.AsSpan();
        string hits = "";
        for (char c = 'a'; c <= 'z'; c += (char)5) hits += lt.IndexOf(c) + "/" + lt.LastIndexOf(c) + " ";
        Line("char long", hits + lt.IndexOf('\u0100') + " " + lt.IndexOf("xyzab".AsSpan()));
        Span<char> buf = stackalloc char[5];
        "hello".AsSpan().CopyTo(buf);
        buf.Reverse();
        Line("char reverse", buf.ToString() + " " + buf.Length);
    }
}
