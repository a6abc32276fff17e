using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

/// <summary>Runs <see cref="ElfLoader.Plan"/> with a mapping buffer and returns everything as plain values.</summary>
public static class Plan
{
    public sealed record Outcome(ElfResult Result, LoadPlan Plan, LoadMapping[] Mappings)
    {
        public ElfError Error => Result.Error;
    }

    public static Outcome Of(byte[] image, LoaderOptions? options = null, int capacity = 16)
    {
        var mappings = new LoadMapping[capacity];
        LoaderOptions o = options ?? LoaderOptions.Default;
        ElfResult r = ElfLoader.Plan(image, o, mappings, out LoadPlan plan);
        return new Outcome(r, plan, r.Ok ? mappings[..plan.MappingCount] : Array.Empty<LoadMapping>());
    }
}
