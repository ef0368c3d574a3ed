using HybridAI.Generators.Tokenization;

namespace HybridAI.Generators.Tests.Tokenization;

/// <summary>A test on js-tiktoken's rank files: skipped with the reason when eng/fetch-deps.sh has not fetched them, except under CI=true, where it fails.</summary>
internal sealed class TiktokenFactAttribute : FactAttribute
{
    public TiktokenFactAttribute()
    {
        Skip = TiktokenAvailability.SkipReason;
    }
}

/// <summary>The theory form of <see cref="TiktokenFactAttribute"/>.</summary>
internal sealed class TiktokenTheoryAttribute : TheoryAttribute
{
    public TiktokenTheoryAttribute()
    {
        Skip = TiktokenAvailability.SkipReason;
    }
}

internal static class TiktokenAvailability
{
    public static string? SkipReason =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) || File.Exists(TiktokenData.PathOf(TiktokenEncoding.Cl100kBase))
            ? null
            : $"{TiktokenData.PathOf(TiktokenEncoding.Cl100kBase)} is missing: run eng/fetch-deps.sh (npm js-tiktoken@1.0.21).";
}
