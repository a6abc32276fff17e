using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Dune.Cpu;
using Dune.Traps;
using Dune.UserMode;

namespace Dune.Guest.Tests.Cpu;

/// <summary>
/// Every offset the assembly stubs take from src/Dune.Guest.Intrinsics/layouts.inc must equal the C# layout
/// it names (PREFIX_FIELD_PATH in upper snake case, _SIZE for the size), so none is copied by hand unchecked.
/// </summary>
public class AssemblyLayoutTests
{
    private static readonly (string Prefix, Type Type)[] Layouts =
    {
        ("PERCPU", typeof(PerCpu)),
        ("TSS64", typeof(Tss64)),
        ("TRAPFRAME", typeof(TrapFrame)),
        ("USERFRAME", typeof(UserFrame)),
        ("DUNERUN", typeof(Dune.Backends.Kmod.DuneRun)),
        ("DUNELAYOUT", typeof(Dune.Memory.DuneLayout)),
    };

    private static string IncludePath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../../src/Dune.Guest.Intrinsics/layouts.inc"));

    private static Dictionary<string, long> Symbols()
    {
        var symbols = new Dictionary<string, long>();
        foreach (Match m in Regex.Matches(File.ReadAllText(IncludePath()), @"^\s*\.set\s+(\w+)\s*,\s*(\w+)\s*$", RegexOptions.Multiline))
            symbols.Add(m.Groups[1].Value, Convert.ToInt64(m.Groups[2].Value, m.Groups[2].Value.StartsWith("0x") ? 16 : 10));
        return symbols;
    }

    /// <summary>UserMode.RuntimeFsBase -> USER_MODE_RUNTIME_FS_BASE.</summary>
    internal static string UpperSnake(string name)
    {
        var s = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) s.Append('_');
            s.Append(char.ToUpperInvariant(name[i]));
        }
        return s.ToString();
    }

    /// <summary>Every field (nested structures flattened, each also by itself) and public constant of <paramref name="type"/>.</summary>
    private static void Collect(Type type, string prefix, long baseOffset, Dictionary<string, long> into)
    {
        foreach (FieldInfo f in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance))
        {
            if (f.IsLiteral && f.IsPublic)
            {
                into[prefix + "_" + UpperSnake(f.Name)] = Convert.ToInt64(f.GetRawConstantValue());
                continue;
            }
            if (f.IsStatic) continue;
            string name = prefix + "_" + UpperSnake(f.Name);
            long offset = baseOffset + Marshal.OffsetOf(type, f.Name).ToInt64();
            into[name] = offset;
            bool fixedBuffer = f.GetCustomAttribute<FixedBufferAttribute>() != null;
            if (f.FieldType.IsValueType && !f.FieldType.IsPrimitive && !f.FieldType.IsPointer && !fixedBuffer)
                Collect(f.FieldType, name, offset, into);
        }
        if (type.IsValueType) into[prefix + "_SIZE"] = baseOffset == 0 ? Marshal.SizeOf(type) : into.GetValueOrDefault(prefix + "_SIZE");
    }

    [Fact]
    public void EveryIncludeSymbolMatchesTheCSharpLayout()
    {
        var expected = new Dictionary<string, long>();
        foreach (var (prefix, type) in Layouts) Collect(type, prefix, 0, expected);
        var symbols = Symbols();
        Assert.NotEmpty(symbols);
        foreach (var (name, value) in symbols)
        {
            Assert.True(expected.TryGetValue(name, out long actual), $"{name} names no field of {string.Join(", ", Layouts.Select(l => l.Type.Name))}");
            Assert.True(actual == value, $"{name} is {value} in layouts.inc but {actual} in C#");
        }
    }

    [Fact]
    public void NamesFollowTheFieldPath()
    {
        Assert.Equal("USER_MODE_RUNTIME_FS_BASE", UpperSnake("UserMode") + "_" + UpperSnake("RuntimeFsBase"));
        Assert.Equal("R12", UpperSnake("R12"));
        Assert.Equal("USER_CR3", UpperSnake("UserCr3"));
    }

    [Fact]
    public void ThePerCpuBlockKeepsItsTssWhereTheGdtDescriptorCanPointAtIt()
    {
        Assert.Equal(0, Marshal.OffsetOf<PerCpu>(nameof(PerCpu.Gdt)).ToInt32() % 8);
        Assert.True(Marshal.SizeOf<PerCpu>() <= 4096, "one page per CPU");
    }
}
