using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

/// <summary>Random corruptions of valid executables: the loader returns an error or a plan that is safe to execute, never throws.</summary>
public class ElfLoaderFuzzTests
{
    [Theory]
    [InlineData("tiny", 1)]
    [InlineData("tiny", 2)]
    [InlineData("full", 3)]
    [InlineData("pie", 4)]
    public void RandomMutationsNeverThrowAndAcceptedPlansStayInBounds(string which, int seed)
    {
        string path = which switch { "tiny" => GccBinaries.Tiny, "full" => GccBinaries.Full, _ => GccBinaries.Pie };
        byte[] original = File.ReadAllBytes(path);
        var random = new Random(seed);
        var options = LoaderOptions.Default;
        var mappings = new LoadMapping[16];
        int accepted = 0, rejected = 0;

        for (int iteration = 0; iteration < 5000; iteration++)
        {
            byte[] image = Mutate(original, random);
            ElfResult r = ElfLoader.Plan(image, options, mappings, out LoadPlan plan);
            if (!r.Ok) { rejected++; Assert.NotEqual("unknown error", r.Message); continue; }
            accepted++;
            AssertSafe(image, options, mappings.AsSpan(0, plan.MappingCount), plan);
        }
        Assert.True(rejected > 1000, $"only {rejected} of 5000 mutations rejected");
        Assert.True(accepted > 100, $"only {accepted} of 5000 mutations accepted");
    }

    /// <summary>Corrupts a few bytes, mostly in the headers where they matter, sometimes as a whole 8-byte field; or truncates.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        int headers = Math.Min(original.Length, 64 + 56 * 16);
        byte[] image = random.Next(10) == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
        int changes = 1 + random.Next(4);
        for (int c = 0; c < changes && image.Length > 8; c++)
        {
            int limit = Math.Min(image.Length, random.Next(4) == 0 ? image.Length : headers) - 8;
            int at = random.Next(Math.Max(limit, 1));
            switch (random.Next(4))
            {
                case 0: image[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: image[at] = (byte)random.Next(256); break;
                case 2: BitConverter.TryWriteBytes(image.AsSpan(at), (ulong)random.NextInt64() << random.Next(2) * 16); break;
                default: BitConverter.TryWriteBytes(image.AsSpan(at), ulong.MaxValue - (ulong)random.Next(0x10000)); break;
            }
        }
        return image;
    }

    private static void AssertSafe(byte[] image, LoaderOptions options, ReadOnlySpan<LoadMapping> mappings, LoadPlan plan)
    {
        ulong total = 0;
        bool entryExecutable = false;
        for (int i = 0; i < mappings.Length; i++)
        {
            LoadMapping m = mappings[i];
            Assert.Equal(0UL, m.VirtualAddress % options.PageSize);
            Assert.Equal(0UL, m.MemorySize % options.PageSize);
            Assert.True(m.MemorySize > 0);
            Assert.True(m.VirtualAddress >= options.MinimumAddress && m.End <= options.UserAddressLimit && m.End > m.VirtualAddress);
            Assert.Equal(m.MemorySize, m.CopySize + m.ZeroSize);
            Assert.True(m.CopySize <= m.MemorySize);
            Assert.True(m.FileOffset <= (ulong)image.Length && m.CopySize <= (ulong)image.Length - m.FileOffset);
            for (int j = 0; j < i; j++) Assert.True(m.End <= mappings[j].VirtualAddress || mappings[j].End <= m.VirtualAddress);
            if ((m.Permissions & MappingPermissions.Execute) != 0 && plan.Entry >= m.VirtualAddress && plan.Entry < m.End) entryExecutable = true;
            total += m.MemorySize;
        }
        Assert.True(entryExecutable);
        Assert.Equal(total, plan.TotalMemory);
        Assert.True(total <= options.MaxImageMemory);
    }
}
