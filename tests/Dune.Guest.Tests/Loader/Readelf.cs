using System.Globalization;
using System.Text.RegularExpressions;

namespace Dune.Guest.Tests.Loader;

/// <summary>Program headers as binutils' readelf reports them: an independent reference for the loader's decoding.</summary>
public static class Readelf
{
    public sealed record Segment(string Type, ulong Offset, ulong VAddr, ulong FileSize, ulong MemSize, string Flags, ulong Align);

    public static ulong Entry(string path)
    {
        var m = Regex.Match(GccBinaries.Run("readelf", $"-hW {path}").Output, @"Entry point address:\s+0x([0-9a-f]+)");
        return ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber);
    }

    public static List<Segment> Segments(string path)
    {
        var list = new List<Segment>();
        var line = new Regex(@"^\s+(\w+)\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x[0-9a-f]+ 0x([0-9a-f]+) 0x([0-9a-f]+) ([RWE ]{3}) 0x([0-9a-f]+)$");
        foreach (string l in GccBinaries.Run("readelf", $"-lW {path}").Output.Split('\n'))
        {
            var m = line.Match(l);
            if (!m.Success) continue;
            ulong H(int g) => ulong.Parse(m.Groups[g].Value, NumberStyles.HexNumber);
            list.Add(new Segment(m.Groups[1].Value, H(2), H(3), H(4), H(5), m.Groups[6].Value, H(7)));
        }
        return list;
    }
}
