using System.Text.RegularExpressions;
using Xunit;

namespace Dune.Conformance.Tests;

/// <summary>
/// The docs/ pages show their examples verbatim: each block after an "example:" marker must be the file it names,
/// and every example project is shown by a page. (The examples are built and run in the test VM batch.)
/// </summary>
public sealed class DocsTests
{
    private static readonly Regex Example = new(@"<!-- example: (\S+) [^>]*-->\n```csharp\n(.*?)```\n", RegexOptions.Singleline);

    [Fact]
    public void EveryExampleBlockIsTheFileItNames()
    {
        int blocks = 0;
        foreach (string page in Directory.GetFiles(Path.Combine(DuneProgram.RepoRoot, "docs"), "*.md"))
            foreach (Match m in Example.Matches(File.ReadAllText(page)))
            {
                blocks++;
                string file = Path.Combine(DuneProgram.RepoRoot, m.Groups[1].Value);
                Assert.True(File.Exists(file), $"{page} shows {m.Groups[1].Value}, which does not exist");
                Assert.True(File.ReadAllText(file) == m.Groups[2].Value, $"{page}: the example block differs from {m.Groups[1].Value}");
            }
        Assert.True(blocks >= 5, $"only {blocks} example blocks in docs/*.md");
    }

    [Fact]
    public void EveryExampleProjectIsShownByAPage()
    {
        string docs = Path.Combine(DuneProgram.RepoRoot, "docs");
        string pages = string.Concat(Directory.GetFiles(docs, "*.md").Select(File.ReadAllText));
        foreach (string dir in Directory.GetDirectories(Path.Combine(docs, "examples")))
            Assert.Contains($"<!-- example: docs/examples/{Path.GetFileName(dir)}/Program.cs ", pages);
    }
}
